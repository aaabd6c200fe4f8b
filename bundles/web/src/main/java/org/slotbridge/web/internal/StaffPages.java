package org.slotbridge.web.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slotbridge.api.Client;
import org.slotbridge.api.ConflictException;
import org.slotbridge.api.Explanation;
import org.slotbridge.api.InvalidInputException;
import org.slotbridge.api.NotFoundException;
import org.slotbridge.api.Opening;
import org.slotbridge.api.Patient;
import org.slotbridge.api.PatientKind;
import org.slotbridge.api.Practice;
import org.slotbridge.api.Preferences;
import org.slotbridge.api.Request;
import org.slotbridge.api.RequestStatus;
import org.slotbridge.api.service.Booking;
import org.slotbridge.api.service.PracticeDirectory;
import org.slotbridge.api.service.StaffAccounts;
import org.slotbridge.api.service.StaffAccounts.StaffMember;

/**
 * The staff's pages: the open requests of their practice, and confirm, decline or propose another
 * time. Staff sign in with HTTP Basic; a staff member only ever reaches their own practice.
 */
final class StaffPages {

    static final String AREA = "staff";
    static final String CHALLENGE = "Basic realm=\"Slotbridge staff\", charset=\"UTF-8\"";
    static final int NOTE_MAX = 1000;

    private static final Logger LOG = LoggerFactory.getLogger(StaffPages.class);

    private final Booking booking;
    private final PracticeDirectory directory;
    private final WebSite site;
    private final StaffGate gate;

    StaffPages(Booking booking, PracticeDirectory directory, StaffAccounts accounts, WebSite site, Clock clock) {
        this.booking = booking;
        this.directory = directory;
        this.site = site;
        this.gate = new StaffGate(accounts, clock);
    }

    /** GET /staff/{slug}/: the pending and proposed requests. */
    WebResponse list(WebRequest request, String slug) {
        return withStaff(request, slug, "list", (practice, member) ->
                listPage(request, practice, member, flash(request), null, 200));
    }

    /**
     * GET /staff/{slug}/why-not?reason=&provider=&date=&time=: whether a reason is offered with a
     * provider at a local date and time, and every reason why not. A time that happens twice on the
     * day clocks go back is answered for each of its two instants.
     */
    WebResponse whyNot(WebRequest request, String slug) {
        return withStaff(request, slug, "why not", (practice, member) -> {
            Names names = names(slug);
            String reasonId = request.trimmed("reason");
            String providerId = request.trimmed("provider");
            String dateText = request.trimmed("date");
            String timeText = request.trimmed("time");
            Map<String, String> errors = new LinkedHashMap<>();
            Map<String, Object> model = new HashMap<>();
            model.put("staffMember", member);
            model.put("listHref", WebSite.staff(request, slug, ""));
            model.put("action", WebSite.staff(request, slug, "why-not"));
            model.put("reasonOptions", options(names.reasons(), reasonId));
            model.put("providerOptions", options(names.providers(), providerId));
            model.put("dateValue", dateText == null ? site.today(practice).toString() : dateText);
            model.put("timeValue", timeText == null ? "" : timeText);
            model.put("errors", errors);
            if (reasonId == null && providerId == null && timeText == null) {
                return site.page(request, practice, AREA, "staff/why-not.vm", 200, model);
            }
            if (reasonId == null || !names.reasons().containsKey(reasonId)) {
                errors.put("reason", "Choose a visit from the list.");
            }
            if (providerId == null || !names.providers().containsKey(providerId)) {
                errors.put("provider", "Choose someone from the list.");
            }
            LocalDate date = null;
            try {
                date = dateText == null ? null : LocalDate.parse(dateText);
            } catch (DateTimeParseException e) {
                // answered below with the missing date
            }
            if (date == null) {
                errors.put("date", "Enter a date like " + site.today(practice) + ".");
            }
            LocalTime time = null;
            try {
                time = timeText == null ? null : LocalTime.parse(timeText);
            } catch (DateTimeParseException e) {
                // answered below with the missing time
            }
            if (time == null) {
                errors.put("time", "Enter a time like 09:30.");
            }
            if (!errors.isEmpty()) {
                return site.page(request, practice, AREA, "staff/why-not.vm", 400, model);
            }
            LocalDateTime local = LocalDateTime.of(date, time);
            List<ZoneOffset> offsets = practice.zone().getRules().getValidOffsets(local);
            if (offsets.isEmpty()) {
                model.put("message", "The clocks skip " + time + " on " + site.formats(practice).day(date)
                        + ": that time does not happen at this practice.");
            }
            Formats formats = site.formats(practice);
            List<Views.WhyNotAnswer> answers = new ArrayList<>();
            for (ZoneOffset offset : offsets) {
                Instant start = local.toInstant(offset);
                Explanation explanation = booking.explain(slug, reasonId, providerId, start);
                String summary = null;
                if (explanation.offered()) {
                    Opening opening = explanation.opening();
                    String provider = names.providers().getOrDefault(opening.providerId(), opening.providerId());
                    summary = "Offered: " + formats.time(opening.start()) + " to " + formats.time(opening.end())
                            + " with " + provider
                            + (opening.roomId() == null ? ""
                                    : ", " + names.rooms().getOrDefault(opening.roomId(), opening.roomId()));
                    summary += notShown(slug, reasonId, date, opening, provider);
                }
                answers.add(new Views.WhyNotAnswer(formats.dateTime(start), explanation.offered(), summary,
                        explanation.obstacles().stream()
                                .map(o -> new Views.ObstacleView(o.code(), Messages.sentence(o.detail()))).toList()));
            }
            model.put("answers", answers);
            return site.page(request, practice, AREA, "staff/why-not.vm", 200, model);
        });
    }

    private static List<Views.Option> options(Map<String, String> names, String selected) {
        return names.entrySet().stream()
                .sorted(Map.Entry.<String, String>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .map(e -> new Views.Option(e.getKey(), e.getValue(), e.getKey().equals(selected)))
                .toList();
    }

    /** POST /staff/{slug}/requests/{id}/confirm. */
    WebResponse confirm(WebRequest request, String slug, String requestId) {
        return decide(request, slug, requestId, "confirmed");
    }

    /** POST /staff/{slug}/requests/{id}/decline. */
    WebResponse decline(WebRequest request, String slug, String requestId) {
        return decide(request, slug, requestId, "declined");
    }

    /**
     * GET /staff/{slug}/requests/{id}/propose?date=..&provider=..: the openings of the request's reason on a
     * date, with anyone or with one provider.
     */
    WebResponse proposeForm(WebRequest request, String slug, String requestId) {
        return withStaff(request, slug, "propose form", (practice, member) -> {
            Request open = booking.find(slug, requestId);
            if (!open.status().isOpen() && open.status() != RequestStatus.CONFLICTED) {
                return listPage(request, practice, member, null, alreadyDecided(open.id()), 409);
            }
            String dateText = request.trimmed("date");
            LocalDate date = null;
            Map<String, String> errors = new LinkedHashMap<>();
            String providerId = request.trimmed("provider");
            if (providerId != null && !names(slug).providers().containsKey(providerId)) {
                errors.put("provider", "Pick someone from the list.");
            }
            if (dateText == null) {
                LocalDate asked = site.formats(practice).date(open.opening().start());
                LocalDate today = site.today(practice);
                date = asked.isBefore(today) ? today : asked;
                dateText = date.toString();
            } else {
                try {
                    date = LocalDate.parse(dateText);
                } catch (DateTimeParseException e) {
                    errors.put("date", "Enter a date like " + site.today(practice) + ".");
                }
            }
            return proposePage(request, practice, member, open, dateText, date, providerId, errors, null, 200);
        });
    }

    /** POST /staff/{slug}/requests/{id}/propose: proposes one opening in place of the one asked for. */
    WebResponse propose(WebRequest request, String slug, String requestId) {
        return withStaff(request, slug, "propose", (practice, member) -> {
            if (!site.csrfValid(request)) {
                return site.csrfRejected(request, practice, AREA, WebSite.staff(request, slug, ""));
            }
            Request open = booking.find(slug, requestId);
            Opening opening;
            try {
                opening = PortalPages.readOpening(request, open.opening().reasonId());
            } catch (InvalidInputException e) {
                return proposePage(request, practice, member, open, null, null, null, Map.of(),
                        "That time could not be read; please pick it again.", 400);
            }
            LocalDate date = site.formats(practice).date(opening.start());
            try {
                booking.propose(slug, requestId, opening, note(request));
            } catch (ConflictException e) {
                if (!ConflictException.OPENING_TAKEN.equals(e.code())) {
                    return listPage(request, practice, member, null, alreadyDecided(requestId), 409);
                }
                return proposePage(request, practice, member, open, date.toString(), date, null, Map.of(),
                        PortalPages.TAKEN, 409);
            } catch (InvalidInputException e) {
                return proposePage(request, practice, member, open, date.toString(), date, null, Map.of(),
                        Messages.sentence(e.getMessage()), 400);
            }
            LOG.info("Request {} of practice {}: another time proposed by {}", requestId, slug, member.username());
            return done(request, slug, "proposed", requestId);
        });
    }

    private WebResponse decide(WebRequest request, String slug, String requestId, String outcome) {
        return withStaff(request, slug, outcome, (practice, member) -> {
            if (!site.csrfValid(request)) {
                return site.csrfRejected(request, practice, AREA, WebSite.staff(request, slug, ""));
            }
            String note = note(request);
            try {
                if (outcome.equals("confirmed")) {
                    booking.confirm(slug, requestId, note);
                } else {
                    booking.decline(slug, requestId, note);
                }
            } catch (ConflictException e) {
                // A request decided meanwhile says so; any other refusal (the PMS booked the time) says why.
                String message = e.code().equals("request_not_open") ? alreadyDecided(requestId)
                        : Messages.sentence("Request " + requestId + " cannot be " + outcome + ": " + e.getMessage());
                return listPage(request, practice, member, null, message, 409);
            } catch (InvalidInputException e) {
                return listPage(request, practice, member, null, Messages.sentence(e.getMessage()), 400);
            }
            LOG.info("Request {} of practice {} {} by {}", requestId, slug, outcome, member.username());
            return done(request, slug, outcome, requestId);
        });
    }

    private static WebResponse done(WebRequest request, String slug, String outcome, String requestId) {
        return WebResponse.seeOther(WebSite.staff(request, slug,
                "?flash=" + outcome + "&id=" + WebSite.encode(requestId)));
    }

    private static String note(WebRequest request) {
        String note = request.trimmed("note");
        if (note != null && note.length() > NOTE_MAX) {
            throw new InvalidInputException("note", "keep the note under " + NOTE_MAX + " characters");
        }
        return note;
    }

    private static String flash(WebRequest request) {
        String id = request.trimmed("id");
        String outcome = request.trimmed("flash");
        if (id == null || outcome == null || id.length() > 100) {
            return null;
        }
        return switch (outcome) {
            case "confirmed" -> "Request " + id + " is confirmed; the client will be told.";
            case "declined" -> "Request " + id + " is declined; the client will be told.";
            case "proposed" -> "Another time is proposed for request " + id + "; the client will be told.";
            default -> null;
        };
    }

    private static String alreadyDecided(String requestId) {
        return "Request " + requestId + " was already decided or changed; the list below is up to date.";
    }

    private WebResponse listPage(WebRequest request, Practice practice, StaffMember member, String flash,
                                 String message, int status) {
        Names names = names(practice.slug());
        Formats formats = site.formats(practice);
        List<Views.RequestGroup> groups = List.of(
                group(request, practice, names, formats, RequestStatus.PENDING, "Waiting for a decision",
                        "No requests are waiting."),
                group(request, practice, names, formats, RequestStatus.PROPOSED, "Another time proposed",
                        "No proposals are waiting for the client."),
                group(request, practice, names, formats, RequestStatus.CONFLICTED,
                        "Time booked in the PMS for another visit", "No request has lost its time."));
        Map<String, Object> model = new HashMap<>();
        model.put("staffMember", member);
        model.put("groups", groups);
        model.put("whyNotHref", WebSite.staff(request, practice.slug(), "why-not"));
        if (flash != null) {
            model.put("flash", flash);
        }
        if (message != null) {
            model.put("message", message);
        }
        return site.page(request, practice, AREA, "staff/requests.vm", status, model);
    }

    private Views.RequestGroup group(WebRequest request, Practice practice, Names names, Formats formats,
                                     RequestStatus status, String title, String empty) {
        List<Views.StaffRequestView> views = new ArrayList<>();
        for (Request r : booking.requests(practice.slug(), status)) {
            views.add(view(request, practice, names, formats, r));
        }
        return new Views.RequestGroup(status.name().toLowerCase(Locale.ROOT), title, empty, views);
    }

    private Views.StaffRequestView view(WebRequest request, Practice practice, Names names, Formats formats,
                                        Request r) {
        Opening opening = r.opening();
        Client client = r.client();
        Patient patient = r.patient();
        String clientName = client == null ? null : client.name();
        String patientName = patient == null || patient.name() == null ? clientName : patient.name();
        String base = "requests/" + WebSite.encode(r.id()) + "/";
        String slug = practice.slug();
        return new Views.StaffRequestView(r.id(), statusLabel(r.status()),
                r.status().name().toLowerCase(Locale.ROOT), formats.dateTime(opening.start()),
                formats.date(opening.start()).toString(),
                names.reasons().getOrDefault(opening.reasonId(), opening.reasonId()),
                names.providers().getOrDefault(opening.providerId(), opening.providerId()),
                opening.roomId() == null ? null : names.rooms().getOrDefault(opening.roomId(), opening.roomId()),
                patientName == null ? "Not given" : patientName, kindLabel(patient),
                clientName, client == null ? null : client.email(), client == null ? null : client.phone(),
                client == null ? null : WebSite.phoneHref(client.phone()), r.newClient(), r.memo(), r.staffNote(),
                r.createdAt() == null ? "" : formats.dateTime(r.createdAt()),
                WebSite.staff(request, slug, base + "confirm"), WebSite.staff(request, slug, base + "decline"),
                WebSite.staff(request, slug, base + "propose"), alternatives(practice, names, formats, r));
    }

    /**
     * What a receptionist needs to hear when a bookable time is left out of a client's search that day by
     * the practice's number of openings shown per date; empty when a search for any provider shows it.
     */
    private String notShown(String slug, String reasonId, LocalDate date, Opening opening, String provider) {
        List<Opening> shown = booking.openings(slug, reasonId, new Preferences(date, date, Set.of(), List.of(), null));
        if (shown.contains(opening)) {
            return "";
        }
        return ". A client searching that date for anyone is shown " + shown.size() + " other times, the most"
                + " the practice shows for one date; they may find this one by asking for " + provider
                + " or for that time of day.";
    }

    /** The openings offered to the client of a conflicted request, each one staff may propose at once. */
    private List<Views.OpeningView> alternatives(Practice practice, Names names, Formats formats, Request r) {
        if (r.status() != RequestStatus.CONFLICTED) {
            return List.of();
        }
        return booking.alternatives(practice.slug(), r.id()).stream().map(o -> {
            String who = names.providers().getOrDefault(o.providerId(), o.providerId());
            String when = formats.dateTime(o.start());
            return new Views.OpeningView(o.reasonId(), o.providerId(), o.roomId(), o.start().toString(),
                    o.end().toString(), when, who, "Propose " + when + " with " + who);
        }).toList();
    }

    private static String statusLabel(RequestStatus status) {
        return switch (status) {
            case PROPOSED -> "Proposed";
            case CONFLICTED -> "Lost to the PMS";
            default -> "Pending";
        };
    }

    private static String kindLabel(Patient patient) {
        PatientKind kind = patient == null || patient.kind() == null ? PatientKind.SELF : patient.kind();
        return switch (kind) {
            case SELF -> "the client";
            case FAMILY -> "family member";
            case PET -> patient.species() == null ? "pet" : "pet, " + patient.species();
        };
    }

    private WebResponse proposePage(WebRequest request, Practice practice, StaffMember member, Request open,
                                    String dateText, LocalDate date, String providerId, Map<String, String> errors,
                                    String message, int status) {
        Names names = names(practice.slug());
        Formats formats = site.formats(practice);
        Map<String, Object> model = new HashMap<>();
        model.put("staffMember", member);
        model.put("request", view(request, practice, names, formats, open));
        model.put("listHref", WebSite.staff(request, practice.slug(), ""));
        model.put("proposeAction", WebSite.staff(request, practice.slug(),
                "requests/" + WebSite.encode(open.id()) + "/propose"));
        model.put("dateValue", dateText);
        // a search for anyone shows the practice's number of times a day; one provider's shows more of theirs
        model.put("providerChoices", names.providers().entrySet().stream()
                .sorted(Map.Entry.comparingByValue())
                .map(e -> Map.<String, Object>of("id", e.getKey(), "name", e.getValue(),
                        "selected", e.getKey().equals(providerId))).toList());
        model.put("errors", errors);
        if (message != null) {
            model.put("message", message);
        }
        int answer = status;
        if (date != null && errors.isEmpty()) {
            List<Views.OpeningView> openings = new ArrayList<>();
            try {
                for (Opening o : booking.openings(practice.slug(), open.opening().reasonId(),
                        new Preferences(date, date, Set.of(), List.of(), providerId))) {
                    String who = names.providers().getOrDefault(o.providerId(), o.providerId());
                    openings.add(new Views.OpeningView(o.reasonId(), o.providerId(), o.roomId(),
                            o.start().toString(), o.end().toString(), formats.time(o.start()), who,
                            formats.dateTime(o.start()) + " with " + who));
                }
                model.put("dayLabel", formats.day(date));
                model.put("openings", openings);
            } catch (InvalidInputException e) {
                model.put("errors", Map.of("date", Messages.sentence(e.reason())));
                answer = Math.max(answer, 400);
            }
        } else if (!errors.isEmpty()) {
            answer = Math.max(answer, 400);
        }
        return site.page(request, practice, AREA, "staff/propose.vm", answer, model);
    }

    /** A path under the staff pages that is no page: after signing in, the staff's own "not found" page. */
    WebResponse unknown(WebRequest request, String slug) {
        return withStaff(request, slug, "unknown", (practice, member) -> site.error(request, practice, AREA, 404,
                "Page not found", "There is no such page for staff.", WebSite.staff(request, slug, ""),
                "Back to requests"));
    }

    /** Runs a staff page for a signed-in member of this practice. */
    private WebResponse withStaff(WebRequest request, String slug, String page, StaffPage body) {
        Optional<StaffMember> member = gate.member(request.authorization());
        if (member.isEmpty()) {
            return site.error(request, null, AREA, 401, "Please sign in",
                    "This page is for the practice's staff. Sign in with your staff username and password.",
                    null, null).withHeader("WWW-Authenticate", CHALLENGE);
        }
        if (!member.get().practiceSlug().equals(slug)) {
            LOG.warn("Staff member {} of practice {} was refused practice {}", member.get().username(),
                    member.get().practiceSlug(), slug);
            return site.error(request, null, AREA, 403, "Not your practice",
                    "Your account belongs to another practice, so you cannot see this one.",
                    WebSite.staff(request, member.get().practiceSlug(), ""), "Go to your practice");
        }
        Practice practice;
        try {
            practice = directory.practice(slug);
        } catch (NotFoundException e) {
            return site.error(request, null, AREA, 404, "Practice not found",
                    "Your practice is not set up here any more. Please ask your administrator.", null, null);
        }
        try {
            return body.apply(practice, member.get());
        } catch (NotFoundException e) {
            return site.error(request, practice, AREA, 404, "Request not found",
                    "That request does not exist at this practice.", WebSite.staff(request, slug, ""),
                    "Back to requests");
        } catch (InvalidInputException e) {
            return listPage(request, practice, member.get(), null, Messages.sentence(e.getMessage()), 400);
        } catch (RuntimeException e) {
            LOG.warn("Staff page {} of practice {} failed", page, slug, e);
            return site.error(request, practice, AREA, 503, "Something went wrong",
                    "We could not finish this just now. Please try again in a moment.",
                    WebSite.staff(request, slug, ""), "Back to requests");
        }
    }

    private Names names(String slug) {
        Map<String, String> reasons = new HashMap<>();
        directory.reasons(slug).forEach(r -> reasons.put(r.id(), r.name()));
        Map<String, String> providers = new HashMap<>();
        directory.providers(slug).forEach(p -> providers.put(p.id(), p.name()));
        Map<String, String> rooms = new HashMap<>();
        directory.rooms(slug).forEach(r -> rooms.put(r.id(), r.name()));
        return new Names(reasons, providers, rooms);
    }

    private record Names(Map<String, String> reasons, Map<String, String> providers, Map<String, String> rooms) {
    }

    @FunctionalInterface
    private interface StaffPage {
        WebResponse apply(Practice practice, StaffMember member);
    }
}
