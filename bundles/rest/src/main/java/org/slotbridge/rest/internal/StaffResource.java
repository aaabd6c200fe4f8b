package org.slotbridge.rest.internal;

import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.slotbridge.api.InvalidInputException;
import org.slotbridge.api.Practice;
import org.slotbridge.api.Opening;
import org.slotbridge.api.Quoted;
import org.slotbridge.api.Request;
import org.slotbridge.api.RequestStatus;
import org.slotbridge.api.service.Booking;
import org.slotbridge.api.service.PracticeDirectory;
import org.slotbridge.api.service.StaffAccounts;
import org.slotbridge.api.service.StaffAccounts.StaffMember;
import org.slotbridge.rest.internal.Inputs.NoteInput;
import org.slotbridge.rest.internal.Inputs.ProposalInput;
import org.slotbridge.rest.internal.Views.StaffRequestList;
import org.slotbridge.rest.internal.Views.StaffRequestView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The staff part of the API: the requests of one practice and the decisions on them. Every call
 * carries HTTP Basic credentials of a staff member of that practice; the views include the client's
 * contact data and the patient's name, which are the practice's own.
 */
@Component(service = StaffResource.class)
@JaxrsResource
@JSONRequired
@Path("api/v1/staff/practices/{slug}/requests")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class StaffResource {

    private static final Logger LOG = LoggerFactory.getLogger(StaffResource.class);

    private final PracticeDirectory directory;
    private final Booking booking;
    private final StaffGate gate;

    @Activate
    public StaffResource(@Reference(name = "directory") PracticeDirectory directory,
                         @Reference(name = "booking") Booking booking,
                         @Reference(name = "accounts") StaffAccounts accounts) {
        this.directory = directory;
        this.booking = booking;
        this.gate = new StaffGate(accounts);
    }

    @GET
    public StaffRequestList requests(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                                     @PathParam("slug") String slug, @QueryParam("status") String status) {
        gate.admit(authorization, slug);
        RequestStatus wanted = status(status);
        Practice practice = directory.practice(slug);
        Map<String, String> names = Views.providerNames(directory.providers(slug));
        return new StaffRequestList(slug, wanted.name(), booking.requests(slug, wanted).stream()
                .map(request -> StaffRequestView.of(request, alternatives(slug, request), practice.zone(), names))
                .toList());
    }

    @GET
    @Path("{id}")
    public StaffRequestView request(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                                    @PathParam("slug") String slug, @PathParam("id") String id) {
        gate.admit(authorization, slug);
        return view(slug, booking.find(slug, id));
    }

    @POST
    @Path("{id}/confirm")
    public StaffRequestView confirm(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                                    @PathParam("slug") String slug, @PathParam("id") String id,
                                    NoteInput body) {
        StaffMember member = gate.admit(authorization, slug);
        Request request = booking.confirm(slug, id, note(body == null ? null : body.note()));
        LOG.info("Request {} of practice {} confirmed by staff {}", id, slug, member.username());
        return view(slug, request);
    }

    @POST
    @Path("{id}/decline")
    public StaffRequestView decline(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                                    @PathParam("slug") String slug, @PathParam("id") String id,
                                    NoteInput body) {
        StaffMember member = gate.admit(authorization, slug);
        Request request = booking.decline(slug, id, note(body == null ? null : body.note()));
        LOG.info("Request {} of practice {} declined by staff {}", id, slug, member.username());
        return view(slug, request);
    }

    @POST
    @Path("{id}/propose")
    public StaffRequestView propose(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                                    @PathParam("slug") String slug, @PathParam("id") String id,
                                    ProposalInput body) {
        StaffMember member = gate.admit(authorization, slug);
        if (body == null || body.opening() == null) {
            throw new InvalidInputException("opening", "is required");
        }
        Request request = booking.propose(slug, id, body.opening().toOpening("opening."), note(body.note()));
        LOG.info("Request {} of practice {} given a proposal by staff {}", id, slug, member.username());
        return view(slug, request);
    }

    private StaffRequestView view(String slug, Request request) {
        ZoneId zone = directory.practice(slug).zone();
        return StaffRequestView.of(request, alternatives(slug, request), zone,
                Views.providerNames(directory.providers(slug)));
    }

    /** The openings offered instead of a conflicted request; asked only for those. */
    private List<Opening> alternatives(String slug, Request request) {
        return request.status() == RequestStatus.CONFLICTED ? booking.alternatives(slug, request.id()) : List.of();
    }

    private static RequestStatus status(String text) {
        if (text == null || text.isBlank()) {
            return RequestStatus.PENDING;
        }
        try {
            return RequestStatus.valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("status", Quoted.of(text) + " is not one of "
                    + Arrays.stream(RequestStatus.values()).map(Enum::name).collect(Collectors.joining(", ")));
        }
    }

    private static String note(String text) {
        return Inputs.blankToNull(text);
    }
}
