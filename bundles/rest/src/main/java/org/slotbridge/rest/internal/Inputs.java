package org.slotbridge.rest.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;

import org.slotbridge.api.InvalidInputException;
import org.slotbridge.api.Opening;
import org.slotbridge.api.PatientKind;
import org.slotbridge.api.Quoted;
import org.slotbridge.api.RequestForm;

/**
 * The JSON bodies the API accepts, and their checked conversion to api values. Every field is read
 * as text so that a wrong value is refused naming its field, rather than as a shapeless parse error.
 */
final class Inputs {

    private Inputs() {
    }

    /**
     * An opening as the API returned it. {@code provider} is either the provider object of the
     * answer or just its id.
     */
    public record OpeningInput(String reason, Object provider, String room, String start, String end) {

        Opening toOpening(String prefix) {
            String reasonId = required(reason, prefix + "reason");
            String providerId = required(providerId(provider, prefix + "provider"), prefix + "provider");
            Instant from = instant(start, prefix + "start");
            Instant to = instant(end, prefix + "end");
            if (!to.isAfter(from)) {
                throw new InvalidInputException(prefix + "end", "must be after start");
            }
            return new Opening(reasonId, providerId, blankToNull(room), from, to);
        }
    }

    /** What a client sends to turn a hold into a request. */
    public record RequestInput(String hold, String email, String phone, String privacyCode, String clientName,
                               String patientName, String patientKind, String memo) {

        RequestForm toForm() {
            return new RequestForm(required(hold, "hold"), blankToNull(email), blankToNull(phone),
                    privacyCode, blankToNull(clientName), blankToNull(patientName), kind(patientKind),
                    blankToNull(memo));
        }
    }

    /** A staff decision's note. */
    public record NoteInput(String note) {
    }

    /** Staff propose another opening. */
    public record ProposalInput(OpeningInput opening, String note) {
    }

    static String required(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, "is required");
        }
        return value.trim();
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    static Instant instant(String value, String field) {
        String text = required(value, field);
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field,
                    Quoted.of(text) + " is not a date-time with offset like 2026-12-07T09:00:00-05:00");
        }
    }

    private static String providerId(Object provider, String field) {
        if (provider == null || provider instanceof String) {
            return (String) provider;
        }
        if (provider instanceof Map<?, ?> map && map.get("id") instanceof String id) {
            return id;
        }
        throw new InvalidInputException(field, "must be a provider id or an object with an 'id'");
    }

    private static PatientKind kind(String value) {
        String text = blankToNull(value);
        if (text == null) {
            return null;
        }
        try {
            return PatientKind.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("patientKind", "must be SELF, FAMILY or PET");
        }
    }
}
