package org.slotbridge.comms.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.slotbridge.api.Client;
import org.slotbridge.api.Opening;
import org.slotbridge.api.Patient;
import org.slotbridge.api.PatientKind;
import org.slotbridge.api.Practice;
import org.slotbridge.api.Request;

/**
 * An email to the client of a request, in the practice's voice: what happened, the visit, and the client's
 * link with a token of its own. Plain text only, so that nothing anyone typed (a name, a note) can be read
 * as markup; values that go into a header or a labelled line are kept on one line.
 *
 * @param to      the client's address
 * @param replyTo the practice's address, where the client's answer goes; null when it has none
 * @param subject one line
 * @param body    the text
 */
record ClientMail(String to, String replyTo, String subject, String body) {

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("EEEE d MMMM uuuu 'at' HH:mm", Locale.ENGLISH);

    /** What happened to a request, as its client is told of it. */
    enum Event {
        /** The client sent it. */
        RECEIVED,
        /** The client took one of the times offered instead of one the PMS gave away; it waits for staff again. */
        MOVED,
        /** Staff proposed another time. */
        PROPOSED,
        /** The PMS booked the time for another visit; other times are offered. */
        CONFLICTED,
        /** Booked. */
        CONFIRMED,
        /** Staff said no. */
        DECLINED,
        /** Nobody decided in time. */
        EXPIRED,
        /** The PMS cancelled the booked visit. */
        CANCELLED
    }

    /**
     * What the email says besides the request itself.
     *
     * @param reasonName    the reason's name, or its id when the practice no longer offers it
     * @param providerNames names by provider id; a provider missing here is named by its id
     * @param alternatives  the times offered instead, for {@link Event#CONFLICTED}
     * @param link          the client's page of the request, absolute, with its token
     * @param portal        the practice's portal, absolute, to book another visit
     */
    record Details(String reasonName, Map<String, String> providerNames, List<Opening> alternatives, String link,
                   String portal) {
    }

    /**
     * The event a change of the request is for the client; null when the client is not written to, because they
     * made the change themselves (a cancelled request, a refused proposal).
     */
    static Event event(Request request) {
        return switch (request.status()) {
            case PENDING -> request.decidedAt() == null ? Event.RECEIVED : Event.MOVED;
            case PROPOSED -> Event.PROPOSED;
            case CONFLICTED -> Event.CONFLICTED;
            case CONFIRMED -> Event.CONFIRMED;
            case DECLINED -> Event.DECLINED;
            case EXPIRED -> Event.EXPIRED;
            case CANCELLED -> Event.CANCELLED;
            case WITHDRAWN -> null;
        };
    }

    /** The email about {@code event} to the client of {@code request}, who has an email address. */
    static ClientMail of(Event event, Practice practice, Request request, Details details) {
        ZoneId zone = practice.zone();
        String note = request.staffNote() == null || request.staffNote().isBlank() ? null : request.staffNote().strip();
        StringBuilder body = new StringBuilder();
        Client client = request.client();
        String name = client == null ? null : oneLine(client.name());
        body.append(name == null || name.isEmpty() ? "Hello," : "Hello " + name + ",").append("\n\n");
        String subject;
        String linkText;
        switch (event) {
            case RECEIVED -> {
                subject = "We have your request";
                paragraph(body, "Thank you for your request. We will confirm your visit soon, or propose another"
                        + " time if this one does not work for us.");
                visit(body, request, details, zone, "When");
                linkText = "Follow your request, or cancel it, here:";
            }
            case MOVED -> {
                subject = "We have your new time";
                paragraph(body, "Thank you for picking a new time. We will confirm your visit soon.");
                visit(body, request, details, zone, "When");
                linkText = "Follow your request, or cancel it, here:";
            }
            case PROPOSED -> {
                subject = "We propose another time for your visit";
                paragraph(body, "We cannot see you at the time you asked for, and propose this time instead.");
                visit(body, request, details, zone, "New time");
                noted(body, note);
                if (request.answerBy() != null) {
                    paragraph(body, "Please answer by " + when(request.answerBy(), zone) + ". After that the"
                            + " proposal lapses and the time may be given to someone else.");
                }
                linkText = "Accept or refuse it here:";
            }
            case CONFLICTED -> {
                subject = "The time you asked for is no longer free";
                paragraph(body, "We are sorry: the time you asked for has been given to another visit, so we"
                        + " cannot keep it for you.");
                visit(body, request, details, zone, "Asked for");
                if (details.alternatives().isEmpty()) {
                    paragraph(body, "We found no free time near it. You are welcome to book another time at "
                            + details.portal() + ", or to call us.");
                    linkText = "Your request is here; you can cancel it there:";
                } else {
                    body.append("These times are free instead:\n");
                    for (Opening other : details.alternatives()) {
                        body.append("  - ").append(when(other.start(), zone)).append(" with ")
                                .append(oneLine(provider(details, other))).append('\n');
                    }
                    body.append('\n');
                    linkText = "Take one of them, or cancel your request, here:";
                }
            }
            case CONFIRMED -> {
                subject = "Your visit is confirmed";
                paragraph(body, "Your visit is confirmed. We look forward to seeing you.");
                visit(body, request, details, zone, "When");
                noted(body, note);
                paragraph(body, practice.phone() == null || practice.phone().isBlank()
                        ? "To change or cancel it, please contact us."
                        : "To change or cancel it, please call us on " + oneLine(practice.phone()) + ".");
                linkText = "Your request is here:";
            }
            case DECLINED -> {
                subject = "We cannot offer you this visit";
                paragraph(body, "We are sorry: we cannot offer you this visit.");
                visit(body, request, details, zone, "Asked for");
                noted(body, note);
                paragraph(body, "You are welcome to book another time at " + details.portal() + ".");
                linkText = "Your request is here:";
            }
            case EXPIRED -> {
                subject = "Your request has lapsed";
                paragraph(body, "We could not settle your request before its time, so it has lapsed and nothing"
                        + " is booked.");
                visit(body, request, details, zone, "Asked for");
                paragraph(body, "You are welcome to book another time at " + details.portal() + ".");
                linkText = "Your request is here:";
            }
            case CANCELLED -> {
                subject = "Your visit has been cancelled";
                paragraph(body, "Your visit has been cancelled in our schedule, and the time is no longer kept for"
                        + " you.");
                visit(body, request, details, zone, "Was");
                paragraph(body, (practice.phone() == null || practice.phone().isBlank()
                        ? "If you did not expect this, please contact us."
                        : "If you did not expect this, please call us on " + oneLine(practice.phone()) + ".")
                        + " You are welcome to book another time at " + details.portal() + ".");
                linkText = "Your request is here:";
            }
            default -> throw new IllegalArgumentException(event.name());
        }
        body.append(linkText).append('\n').append(details.link()).append("\n\n");
        paragraph(body, "Anyone with this link can see your request and answer for you, so please do not share it.");
        body.append("Kind regards,\n").append(oneLine(practice.name())).append('\n');
        if (practice.phone() != null && !practice.phone().isBlank()) {
            body.append(oneLine(practice.phone())).append('\n');
        }
        String replyTo = practice.email() == null || practice.email().isBlank() ? null : oneLine(practice.email());
        return new ClientMail(client == null ? null : client.email(), replyTo,
                oneLine(subject + " \u2013 " + practice.name()), body.toString());
    }

    /** The visit's facts, one per line; {@code label} names its time. */
    private static void visit(StringBuilder body, Request request, Details details, ZoneId zone, String label) {
        Opening opening = request.opening();
        line(body, "Visit", details.reasonName());
        line(body, label, when(opening.start(), zone));
        line(body, "With", provider(details, opening));
        Patient patient = request.patient();
        if (patient != null && patient.kind() != null && patient.kind() != PatientKind.SELF) {
            line(body, "For", patient.name());
        }
        line(body, "Request", request.id());
        body.append('\n');
    }

    private static void noted(StringBuilder body, String note) {
        if (note != null) {
            body.append("Our note:\n").append(note).append("\n\n");
        }
    }

    private static void paragraph(StringBuilder body, String text) {
        body.append(text).append("\n\n");
    }

    private static void line(StringBuilder body, String label, String value) {
        body.append(String.format(Locale.ROOT, "%-11s%s\n", label + ":", oneLine(value)));
    }

    private static String provider(Details details, Opening opening) {
        return details.providerNames().getOrDefault(opening.providerId(), opening.providerId());
    }

    /** The instant in the practice's zone, as the client reads it: "Tuesday 3 March 2026 at 09:00". */
    static String when(Instant instant, ZoneId zone) {
        return WHEN.format(instant.atZone(zone));
    }

    /** Keeps a value on its line: a header or a labelled line must not be broken by what it quotes. */
    private static String oneLine(String value) {
        return value == null ? "" : value.replaceAll("[\\r\\n]+", " ").strip();
    }
}
