package org.slotbridge.web.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slotbridge.api.ConflictException;
import org.slotbridge.api.InvalidInputException;
import org.slotbridge.api.Opening;
import org.slotbridge.api.Practice;
import org.slotbridge.api.Request;
import org.slotbridge.api.RequestStatus;
import org.slotbridge.api.service.Booking;

/**
 * The client's page of one request, reached through the link given when it was sent or in an email since:
 * what it stands at, the time staff proposed with buttons to accept or refuse it and the time to answer by, a
 * button to cancel, and, when the PMS booked the time for another visit, the openings offered instead with a
 * button to take one. The link's token is the only proof of the client; every form carries it, the CSRF token
 * and a one-time submission key ({@link FormsOnce}), so a double click answers as the first click did.
 */
final class ClientRequestPages {

    /** What the client may do from the page; each is one POST. */
    enum Step {
        ACCEPT, REFUSE, CANCEL, REBOOK
    }

    private static final Logger LOG = LoggerFactory.getLogger(ClientRequestPages.class);
    /** Refusals that mean the request is no longer where the client's page showed it. */
    private static final Set<String> MOVED_ON = Set.of("request_not_open", "not_proposed", "request_conflicted",
            "not_conflicted");

    private final Booking booking;
    private final PortalPages portal;
    private final WebSite site;
    private final FormsOnce once;

    ClientRequestPages(Booking booking, PortalPages portal, WebSite site) {
        this.booking = booking;
        this.portal = portal;
        this.site = site;
        this.once = portal.once();
    }

    /** GET /p/{slug}/requests/{id}?token=..: the request as its client sees it. */
    WebResponse show(WebRequest request, String slug, String requestId) {
        return portal.withPractice(request, slug, "client request", practice -> {
            String token = request.trimmed("token");
            Request found = booking.forClient(slug, requestId, token);
            return page(request, practice, found, token, null, 200);
        });
    }

    /** POST /p/{slug}/requests/{id}/{step}: one of the client's steps, then the page again. */
    WebResponse act(WebRequest request, String slug, String requestId, Step step) {
        return portal.withPractice(request, slug, "client request " + step, practice -> {
            String token = request.trimmed("token");
            String back = link(request, slug, requestId, token);
            if (!site.csrfValid(request)) {
                return site.csrfRejected(request, practice, PortalPages.AREA, back);
            }
            return once.submit(request, practice, PortalPages.AREA, "client request " + step,
                    () -> take(request, practice, requestId, step, token, back));
        });
    }

    /** One of the client's steps, then the page again; the work of {@link #act}, done once per form sent. */
    private WebResponse take(WebRequest request, Practice practice, String requestId, Step step, String token,
                             String back) {
        String slug = practice.slug();
        try {
            switch (step) {
                case ACCEPT -> booking.accept(slug, requestId, token);
                case REFUSE -> booking.refuse(slug, requestId, token);
                case CANCEL -> booking.cancel(slug, requestId, token);
                case REBOOK -> booking.rebook(slug, requestId, token,
                        PortalPages.readOpening(request, request.trimmed("reason")));
                default -> throw new IllegalStateException(step.name());
            }
        } catch (ConflictException | InvalidInputException e) {
            Request now = booking.forClient(slug, requestId, token);
            String message = e instanceof ConflictException c ? refused(c, now) : Messages.sentence(e.getMessage());
            return page(request, practice, now, token, message, e instanceof ConflictException ? 409 : 400);
        }
        LOG.info("Request {} of practice {}: the client chose {}", requestId, slug, step);
        return WebResponse.seeOther(back);
    }

    /** Why a step was refused, in the client's words: a request that moved on is described as it is now. */
    private static String refused(ConflictException e, Request now) {
        if (ConflictException.OPENING_TAKEN.equals(e.code())) {
            return PortalPages.TAKEN;
        }
        if (MOVED_ON.contains(e.code())) {
            return "Your request changed in the meantime, so that step is no longer possible. Where it stands now: "
                    + Messages.sentence(PortalPages.statusLabel(now.status()));
        }
        return Messages.sentence(e.getMessage());
    }

    /** The path of the client's page of a request, with its token. */
    static String link(WebRequest request, String slug, String requestId, String token) {
        return WebSite.portal(request, slug, "requests/" + WebSite.encode(requestId) + "?token="
                + WebSite.encode(token == null ? "" : token));
    }

    private WebResponse page(WebRequest request, Practice practice, Request found, String token, String message,
                             int status) {
        String slug = practice.slug();
        Formats formats = site.formats(practice);
        Map<String, String> names = portal.providerNames(slug);
        Opening opening = found.opening();
        RequestStatus state = found.status();
        Map<String, Object> model = new HashMap<>();
        model.put("request", new Views.DoneView(found.id(), formats.dateTime(opening.start()),
                portal.reasonName(slug, opening.reasonId()), names.getOrDefault(opening.providerId(),
                opening.providerId()), PortalPages.statusLabel(state)));
        model.put("token", token);
        model.put(FormsOnce.FIELD, FormsOnce.newKey());
        model.put("proposed", state == RequestStatus.PROPOSED);
        if (state == RequestStatus.PROPOSED && found.answerBy() != null) {
            model.put("answerBy", formats.dateTime(found.answerBy()));
        }
        model.put("conflicted", state == RequestStatus.CONFLICTED);
        model.put("cancellable", state.isOpen() || state == RequestStatus.CONFLICTED);
        if (found.staffNote() != null) {
            model.put("staffNote", found.staffNote());
        }
        String base = "requests/" + WebSite.encode(found.id()) + "/";
        model.put("acceptAction", WebSite.portal(request, slug, base + "accept"));
        model.put("refuseAction", WebSite.portal(request, slug, base + "refuse"));
        model.put("cancelAction", WebSite.portal(request, slug, base + "cancel"));
        model.put("rebookAction", WebSite.portal(request, slug, base + "rebook"));
        List<Views.OpeningView> alternatives = state != RequestStatus.CONFLICTED ? List.of()
                : booking.alternatives(slug, found.id()).stream().map(o -> {
                    String who = names.getOrDefault(o.providerId(), o.providerId());
                    String when = formats.dateTime(o.start());
                    return new Views.OpeningView(o.reasonId(), o.providerId(), o.roomId(), o.start().toString(),
                            o.end().toString(), when, who, "Take " + when + " with " + who);
                }).toList();
        model.put("alternatives", alternatives);
        if (message != null) {
            model.put("message", message);
        }
        return site.page(request, practice, PortalPages.AREA, "portal/client-request.vm", status, model);
    }
}
