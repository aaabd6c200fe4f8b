package org.slotbridge.rest.internal;

import java.time.Instant;
import java.util.Map;

import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
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
import org.slotbridge.api.Explanation;
import org.slotbridge.api.InvalidInputException;
import org.slotbridge.api.NotFoundException;
import org.slotbridge.api.Practice;
import org.slotbridge.api.Quoted;
import org.slotbridge.api.Slugs;
import org.slotbridge.api.service.Booking;
import org.slotbridge.api.service.PracticeDirectory;
import org.slotbridge.api.service.StaffAccounts;
import org.slotbridge.rest.internal.Views.ExplanationView;

/**
 * For staff: whether a reason is offered with a provider at a start time and, if not, every reason
 * why ({@code closed}, {@code break}, {@code appointment}...; see docs/openings.md).
 */
@Component(service = WhyNotResource.class)
@JaxrsResource
@JSONRequired
@Path("api/v1/staff/practices/{slug}/why-not")
@Produces(MediaType.APPLICATION_JSON)
public class WhyNotResource {

    private final PracticeDirectory directory;
    private final Booking booking;
    private final StaffGate gate;

    @Activate
    public WhyNotResource(@Reference(name = "directory") PracticeDirectory directory,
                          @Reference(name = "booking") Booking booking,
                          @Reference(name = "accounts") StaffAccounts accounts) {
        this.directory = directory;
        this.booking = booking;
        this.gate = new StaffGate(accounts);
    }

    /**
     * @param start an ISO-8601 date-time with offset; the answer labels times in the practice's zone
     */
    @GET
    public ExplanationView explain(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                                   @PathParam("slug") String slug, @QueryParam("reason") String reason,
                                   @QueryParam("provider") String provider, @QueryParam("start") String start) {
        gate.admit(authorization, slug);
        Practice practice = directory.practice(slug);
        String reasonId = Inputs.required(reason, "reason");
        try {
            if (!Slugs.isValid(reasonId)) {
                throw new NotFoundException("reason", "?");
            }
            directory.reason(slug, reasonId);
        } catch (NotFoundException e) {
            throw new InvalidInputException("reason", "the practice has no reason " + Quoted.of(reasonId));
        }
        Map<String, String> names = Views.providerNames(directory.providers(slug));
        String providerId = Inputs.required(provider, "provider");
        if (!names.containsKey(providerId)) {
            throw new InvalidInputException("provider", "the practice has no provider " + Quoted.of(providerId));
        }
        Instant at = Inputs.instant(start, "start");
        Explanation explanation = booking.explain(slug, reasonId, providerId, at);
        return ExplanationView.of(explanation, practice.zone(), names);
    }
}
