package org.slotbridge.rest.internal;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;
import javax.ws.rs.ext.Providers;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.slotbridge.api.ClientKind;
import org.slotbridge.api.Hold;
import org.slotbridge.api.InvalidInputException;
import org.slotbridge.api.NotFoundException;
import org.slotbridge.api.Opening;
import org.slotbridge.api.Practice;
import org.slotbridge.api.Preferences;
import org.slotbridge.api.Quoted;
import org.slotbridge.api.Reason;
import org.slotbridge.api.RequestReceipt;
import org.slotbridge.api.Slugs;
import org.slotbridge.api.service.Booking;
import org.slotbridge.api.service.IdempotencyKeys;
import org.slotbridge.api.service.PracticeDirectory;
import org.slotbridge.rest.internal.ClientViews.ReceiptView;
import org.slotbridge.rest.internal.Inputs.OpeningInput;
import org.slotbridge.rest.internal.Inputs.RequestInput;
import org.slotbridge.rest.internal.Views.HoldView;
import org.slotbridge.rest.internal.Views.OpeningList;
import org.slotbridge.rest.internal.Views.OpeningView;
import org.slotbridge.rest.internal.Views.PracticeList;
import org.slotbridge.rest.internal.Views.PracticeSummary;
import org.slotbridge.rest.internal.Views.PracticeView;
import org.slotbridge.rest.internal.Views.ReasonList;
import org.slotbridge.rest.internal.Views.ReasonView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The public part of the API: what a visitor's browser or an agent uses to find an opening, hold it
 * and send a request. Only practices that take online bookings are visible here; any other slug is
 * answered as unknown.
 *
 * <p>Sending a request answers with the token of the client's link, once; with it the client answers
 * and cancels through {@link ClientLinksResource}. Nothing else proves a client here: a privacy code
 * cannot be checked through the api, and a request id with a contact address is no secret.
 */
@Component(service = PracticesResource.class)
@JaxrsResource
@JSONRequired
@Path("api/v1/practices")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PracticesResource {

    private static final Logger LOG = LoggerFactory.getLogger(PracticesResource.class);

    private final PracticeDirectory directory;
    private final Booking booking;
    private final Clock clock;

    /** Makes the POSTs that create something safe to repeat; set by DS before activation. */
    @Reference(name = "idempotencyKeys")
    IdempotencyKeys idempotencyKeys;

    @Activate
    public PracticesResource(@Reference(name = "directory") PracticeDirectory directory,
                             @Reference(name = "booking") Booking booking) {
        this(directory, booking, Clock.systemUTC());
    }

    PracticesResource(PracticeDirectory directory, Booking booking, Clock clock) {
        this.directory = directory;
        this.booking = booking;
        this.clock = clock;
    }

    @GET
    public PracticeList practices() {
        List<PracticeSummary> listed = directory.practices().stream()
                .filter(Practice::onlineBooking)
                .map(PracticeSummary::of)
                .toList();
        return new PracticeList(listed);
    }

    @GET
    @Path("{slug}")
    public PracticeView practice(@PathParam("slug") String slug) {
        return PracticeView.of(listed(slug));
    }

    /**
     * The reasons a client may book, flat and in the category tree; {@code client} ({@code new} or
     * {@code existing}) leaves out those whose audience excludes the client.
     */
    @GET
    @Path("{slug}/reasons")
    public ReasonList reasons(@PathParam("slug") String slug, @QueryParam("client") String clientText) {
        Practice practice = listed(slug);
        ClientKind client = SearchParams.client(clientText);
        List<Reason> offered = directory.reasons(practice.slug()).stream()
                .filter(reason -> reason.rules().audience().admits(client))
                .toList();
        return new ReasonList(practice.slug(), client == null ? null : client.name().toLowerCase(Locale.ROOT),
                offered.stream().map(ReasonView::of).toList(),
                CategoryTree.of(directory.categories(practice.slug()), offered));
    }

    @GET
    @Path("{slug}/openings")
    public OpeningList openings(@PathParam("slug") String slug, @QueryParam("reason") String reasonId,
                                @QueryParam("from") String from, @QueryParam("to") String to,
                                @QueryParam("days") String days, @QueryParam("times") String times,
                                @QueryParam("provider") String providerId, @QueryParam("client") String client,
                                @QueryParam("order") String order, @QueryParam("limit") String limit,
                                @QueryParam("page") String page, @QueryParam("offset") String offset) {
        Practice practice = listed(slug);
        ZoneId zone = practice.zone();
        Reason reason = reason(practice, Inputs.required(reasonId, "reason"));
        Map<String, String> names = Views.providerNames(directory.providers(practice.slug()));
        String provider = Inputs.blankToNull(providerId);
        if (provider != null && !names.containsKey(provider)) {
            throw new InvalidInputException("provider", "the practice has no provider " + Quoted.of(provider));
        }
        Preferences search = SearchParams.preferences(from, to, days, times, provider,
                LocalDate.now(clock.withZone(zone)));
        SearchParams.Paging paging = SearchParams.paging(order, limit, page, offset);
        List<Opening> found = booking.openings(practice.slug(), reason.id(),
                paging.apply(search, SearchParams.client(client)));
        boolean more = paging.limit() > 0 && found.size() > paging.limit();
        List<OpeningView> openings = found.stream()
                .limit(paging.limit() > 0 ? paging.limit() : Long.MAX_VALUE)
                .map(opening -> OpeningView.of(opening, zone, names))
                .toList();
        return new OpeningList(practice.slug(), reason.id(), zone.getId(),
                paging.order().name().toLowerCase(Locale.ROOT), paging.offset(), paging.limit(), more, openings);
    }

    /** Takes a hold; an {@code Idempotency-Key} header makes it safe to send again. */
    @POST
    @Path("{slug}/holds")
    public Response hold(@PathParam("slug") String slug, OpeningInput body,
                         @HeaderParam(Idempotency.HEADER) String key, @Context Providers providers) {
        Practice practice = listed(slug);
        return Idempotency.once(idempotencyKeys, practice.slug(), key, "/api/v1/practices/" + practice.slug()
                + "/holds", body, providers, () -> hold(practice, body));
    }

    /** Takes a hold, without an idempotency key. */
    public Response hold(String slug, OpeningInput body) {
        return hold(listed(slug), body);
    }

    private Response hold(Practice practice, OpeningInput body) {
        if (body == null) {
            throw new InvalidInputException("body", "an opening is required");
        }
        Opening opening = body.toOpening("");
        Hold hold = booking.hold(practice.slug(), opening);
        LOG.info("Hold {} taken at practice {}", hold.id(), practice.slug());
        HoldView view = HoldView.of(hold, practice.zone(), providerNames(practice));
        return Response.created(URI.create("/api/v1/practices/" + practice.slug() + "/holds/" + hold.id()))
                .entity(view)
                .build();
    }

    /** A hold as the POST answered it, while it lives; its id, random and unguessable, is all it takes. */
    @GET
    @Path("{slug}/holds/{id}")
    public HoldView findHold(@PathParam("slug") String slug, @PathParam("id") String id) {
        Practice practice = listed(slug);
        return HoldView.of(booking.findHold(practice.slug(), id), practice.zone(), providerNames(practice));
    }

    /** Lets go of a hold no request was made on, so that its time is offered again. */
    @DELETE
    @Path("{slug}/holds/{id}")
    public Response release(@PathParam("slug") String slug, @PathParam("id") String id) {
        Practice practice = listed(slug);
        booking.release(practice.slug(), id);
        LOG.info("Hold {} released at practice {}", id, practice.slug());
        return Response.noContent().build();
    }

    /**
     * Turns a hold into a request; an {@code Idempotency-Key} header makes it safe to send again. The answer's
     * {@code Location} and its {@code clientLink} are absolute, below the address this request came to.
     */
    @POST
    @Path("{slug}/requests")
    public Response request(@PathParam("slug") String slug, RequestInput body,
                            @HeaderParam(Idempotency.HEADER) String key, @Context Providers providers,
                            @Context UriInfo uri) {
        Practice practice = listed(slug);
        URI base = uri == null ? null : uri.getBaseUri();
        return Idempotency.once(idempotencyKeys, practice.slug(), key, "/api/v1/practices/" + practice.slug()
                + "/requests", body, providers, () -> request(practice, body, base));
    }

    /** Turns a hold into a request, without an idempotency key; its links are paths from the server's root. */
    public Response request(String slug, RequestInput body) {
        return request(listed(slug), body, null);
    }

    private Response request(Practice practice, RequestInput body, URI base) {
        if (body == null) {
            throw new InvalidInputException("body", "a request is required");
        }
        RequestReceipt receipt = booking.submit(practice.slug(), body.toForm());
        String id = receipt.request().id();
        LOG.info("Request {} sent at practice {}", id, practice.slug());
        // The client's link is given this once: only a hash of its token is kept. The request's address in the
        // API carries the token too, since without it the request is not found.
        URI location = ClientViews.at(base, "api/v1/practices/" + practice.slug() + "/requests/"
                + URLEncoder.encode(id, StandardCharsets.UTF_8) + "?token=" + receipt.token());
        return Response.created(location)
                .entity(ReceiptView.of(receipt, practice.zone(), providerNames(practice), base))
                .build();
    }

    /** The practice, when it exists and takes online bookings; unknown otherwise. */
    private Practice listed(String slug) {
        if (!Slugs.isValid(slug)) {
            throw new NotFoundException("practice", String.valueOf(slug));
        }
        Practice practice = directory.practice(slug);
        if (!practice.onlineBooking()) {
            throw new NotFoundException("practice", slug);
        }
        return practice;
    }

    private Reason reason(Practice practice, String reasonId) {
        try {
            return directory.reason(practice.slug(), reasonId);
        } catch (NotFoundException e) {
            throw new InvalidInputException("reason", "the practice offers no reason " + Quoted.of(reasonId));
        }
    }

    private Map<String, String> providerNames(Practice practice) {
        return Views.providerNames(directory.providers(practice.slug()));
    }
}
