package org.slotbridge.comms.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.slotbridge.api.Opening;
import org.slotbridge.api.Patient;
import org.slotbridge.api.Practice;
import org.slotbridge.api.Request;

/**
 * The email that tells a practice's staff of a new request: plain text only, so nothing a client
 * typed can be read as markup.
 *
 * @param to      the practice's address
 * @param subject one line
 * @param body    the text
 */
record StaffMail(String to, String subject, String body) {

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("EEEE d MMMM uuuu, HH:mm (xxx)", Locale.ENGLISH);

    /**
     * The email for a new request.
     *
     * @param reasonName   the reason's name, or its id when the practice no longer offers it
     * @param providerName the provider's name, or their id when unknown
     * @param staffLink    the base URL of Slotbridge as staff reach it
     */
    static StaffMail newRequest(Practice practice, Request request, String reasonName, String providerName,
                                String staffLink) {
        Opening opening = request.opening();
        ZonedDateTime start = opening.start().atZone(practice.zone());
        StringBuilder body = new StringBuilder()
                .append("A client has asked for a visit at ").append(practice.name())
                .append(". Please confirm it, propose another time, or decline it.\n\n");
        line(body, "Request", request.id());
        line(body, "Reason", reasonName);
        line(body, "Starts", WHEN.format(start) + " " + practice.zone().getId());
        line(body, "Provider", providerName);
        if (opening.roomId() != null) {
            line(body, "Room", opening.roomId());
        }
        Patient patient = request.patient();
        if (patient != null) {
            String kind = patient.kind() == null ? ""
                    : " (" + patient.kind().name().toLowerCase(Locale.ROOT) + ")";
            line(body, "Patient", patient.name() + kind);
        }
        line(body, "Client", request.newClient() ? "new to the practice" : "known to the practice");
        String memo = request.memo() == null || request.memo().isBlank() ? "(none)" : request.memo().strip();
        body.append("Memo:\n").append(memo).append("\n\n")
                .append("Open the request: ")
                .append(link(staffLink, practice.slug(), request.id())).append('\n');
        String subject = "New booking request " + request.id() + " \u2013 " + practice.name();
        return new StaffMail(practice.email(), oneLine(subject), body.toString());
    }

    /** The request on the practice's staff page: {@code <base>/staff/<slug>/#request-<id>}. */
    static String link(String base, String slug, String requestId) {
        String root = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        return root + "/staff/" + slug + "/#request-" + URLEncoder.encode(requestId, StandardCharsets.UTF_8);
    }

    private static void line(StringBuilder body, String label, String value) {
        body.append(String.format(Locale.ROOT, "%-10s%s\n", label + ":", oneLine(value)));
    }

    /** Keeps a value on its line: a header or a labelled line must not be broken by what it quotes. */
    private static String oneLine(String value) {
        return value == null ? "" : value.replaceAll("[\\r\\n]+", " ").strip();
    }
}
