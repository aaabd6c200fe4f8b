package org.slotbridge.rest.internal;

import java.util.List;
import java.util.Map;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slotbridge.api.InvalidInputException;
import org.slotbridge.api.NotFoundException;
import org.slotbridge.api.Opening;
import org.slotbridge.api.Practice;
import org.slotbridge.api.Request;
import org.slotbridge.api.Slugs;
import org.slotbridge.api.service.Booking;
import org.slotbridge.api.service.PracticeDirectory;
import org.slotbridge.rest.internal.ClientViews.ClientRequestView;
import org.slotbridge.rest.internal.Inputs.OpeningInput;

/**
 * The client's link to their request, without logging in: the token given once when the request was sent
 * proves the right to see it, accept or refuse a proposal, cancel it, or take an opening offered instead of a
 * time the PMS booked for another visit. A wrong token is answered as an unknown request (404). The link
 * works whether or not the practice takes online bookings now: a request made stays the client's to answer.
 */
@Component(service = ClientLinksResource.class)
@JaxrsResource
@JSONRequired
@Path("api/v1/practices/{slug}/requests/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ClientLinksResource {

    private static final Logger LOG = LoggerFactory.getLogger(ClientLinksResource.class);

    private final PracticeDirectory directory;
    private final Booking booking;

    @Activate
    public ClientLinksResource(@Reference(name = "directory") PracticeDirectory directory,
                               @Reference(name = "booking") Booking booking) {
        this.directory = directory;
        this.booking = booking;
    }

    /** The client's token, in the body of each step. */
    public record TokenInput(String token) {
    }

    /** The client takes one of the openings offered instead. */
    public record RebookInput(String token, OpeningInput opening) {
    }

    @GET
    public ClientRequestView request(@PathParam("slug") String slug, @PathParam("id") String id,
                                     @QueryParam("token") String token) {
        Practice practice = practice(slug);
        return view(practice, booking.forClient(practice.slug(), id, token));
    }

    @POST
    @Path("accept")
    public ClientRequestView accept(@PathParam("slug") String slug, @PathParam("id") String id, TokenInput body) {
        Practice practice = practice(slug);
        Request request = booking.accept(practice.slug(), id, token(body));
        LOG.info("Request {} of practice {}: the client accepted the proposal", id, practice.slug());
        return view(practice, request);
    }

    @POST
    @Path("refuse")
    public ClientRequestView refuse(@PathParam("slug") String slug, @PathParam("id") String id, TokenInput body) {
        Practice practice = practice(slug);
        Request request = booking.refuse(practice.slug(), id, token(body));
        LOG.info("Request {} of practice {}: the client refused the proposal", id, practice.slug());
        return view(practice, request);
    }

    @POST
    @Path("cancel")
    public ClientRequestView cancel(@PathParam("slug") String slug, @PathParam("id") String id, TokenInput body) {
        Practice practice = practice(slug);
        Request request = booking.cancel(practice.slug(), id, token(body));
        LOG.info("Request {} of practice {} cancelled by the client", id, practice.slug());
        return view(practice, request);
    }

    @POST
    @Path("rebook")
    public ClientRequestView rebook(@PathParam("slug") String slug, @PathParam("id") String id, RebookInput body) {
        Practice practice = practice(slug);
        if (body == null || body.opening() == null) {
            throw new InvalidInputException("opening", "is required");
        }
        Opening opening = body.opening().toOpening("opening.");
        Request request = booking.rebook(practice.slug(), id, Inputs.required(body.token(), "token"), opening);
        LOG.info("Request {} of practice {}: the client took an opening offered instead", id, practice.slug());
        return view(practice, request);
    }

    private ClientRequestView view(Practice practice, Request request) {
        Map<String, String> names = Views.providerNames(directory.providers(practice.slug()));
        List<Opening> alternatives = booking.alternatives(practice.slug(), request.id());
        return ClientRequestView.of(request, alternatives, practice.zone(), names);
    }

    private Practice practice(String slug) {
        if (!Slugs.isValid(slug)) {
            throw new NotFoundException("practice", String.valueOf(slug));
        }
        return directory.practice(slug);
    }

    private static String token(TokenInput body) {
        return Inputs.required(body == null ? null : body.token(), "token");
    }
}
