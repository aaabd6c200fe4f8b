package org.slotbridge.booking.internal;

import java.util.regex.Pattern;

import org.slotbridge.api.InvalidInputException;
import org.slotbridge.api.PatientKind;
import org.slotbridge.api.RequestForm;

/** The rules for what clients and staff type in. Each refusal names the field. */
final class Forms {

    static final int MAX_NOTE = 2000;
    private static final int MAX_NAME = 200;
    private static final int MAX_EMAIL = 254;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+");
    /** Digits with the usual separators, and an optional leading plus. */
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9 ()./-]+");
    private static final int MIN_PHONE_DIGITS = 6;
    private static final int MAX_PHONE_DIGITS = 15;
    private static final int MIN_CODE = 4;
    private static final int MAX_CODE = 64;

    private Forms() {
    }

    /**
     * A request form that keeps the rules, trimmed; a missing patient kind becomes the client.
     *
     * @throws InvalidInputException naming the first field that breaks a rule
     */
    static RequestForm check(RequestForm form) {
        if (form == null) {
            throw new InvalidInputException("form", "is required");
        }
        String holdId = trimmed(form.holdId());
        if (holdId == null) {
            throw new InvalidInputException("holdId", "is required");
        }
        String email = trimmed(form.email());
        String phone = trimmed(form.phone());
        if (email == null && phone == null) {
            throw new InvalidInputException("email", "an email address or a phone number is required");
        }
        if (email != null && (email.length() > MAX_EMAIL || !EMAIL.matcher(email).matches())) {
            throw new InvalidInputException("email", "is not an email address");
        }
        if (phone != null) {
            long digits = phone.chars().filter(c -> c >= '0' && c <= '9').count();
            if (!PHONE.matcher(phone).matches() || digits < MIN_PHONE_DIGITS || digits > MAX_PHONE_DIGITS) {
                throw new InvalidInputException("phone", "is not a phone number");
            }
        }
        // trimmed as the portal trims it, so a code works the same from either
        String code = trimmed(form.privacyCode());
        if (code == null || code.length() < MIN_CODE || code.length() > MAX_CODE) {
            throw new InvalidInputException("privacyCode", "must be " + MIN_CODE + " to " + MAX_CODE + " characters");
        }
        String clientName = name(form.clientName(), "clientName");
        String patientName = name(form.patientName(), "patientName");
        PatientKind kind = form.patientKind() == null ? PatientKind.SELF : form.patientKind();
        if (kind != PatientKind.SELF && patientName == null) {
            throw new InvalidInputException("patientName", "is required for a family member or a pet");
        }
        return new RequestForm(holdId, email, phone, code, clientName, patientName, kind,
                note(form.memo(), "memo"));
    }

    /**
     * A free-text note, trimmed; null when blank.
     *
     * @throws InvalidInputException naming {@code field} when it is too long
     */
    static String note(String text, String field) {
        String note = trimmed(text);
        if (note != null && note.length() > MAX_NOTE) {
            throw new InvalidInputException(field, "must be at most " + MAX_NOTE + " characters");
        }
        return note;
    }

    private static String name(String text, String field) {
        String name = trimmed(text);
        if (name != null && (name.length() > MAX_NAME || name.chars().anyMatch(Character::isISOControl))) {
            throw new InvalidInputException(field, "must be at most " + MAX_NAME + " characters on one line");
        }
        return name;
    }

    private static String trimmed(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
