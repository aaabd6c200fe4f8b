package org.slotbridge.store.internal;

import java.util.Locale;

/** The forms in which emails and phone numbers are stored and matched. */
final class Contacts {

    private static final int PHONE_KEY_DIGITS = 9;

    private Contacts() {
    }

    /** The email trimmed and in lower case; null when blank. */
    static String email(String email) {
        if (email == null || email.isBlank()) {
            return null;
        }
        return email.trim().toLowerCase(Locale.ROOT);
    }

    /** The phone number trimmed; null when blank. */
    static String phone(String phone) {
        return phone == null || phone.isBlank() ? null : phone.trim();
    }

    /**
     * The form a phone number is matched in: its last nine digits, so that a number written with or
     * without its country code or trunk prefix ("+1 555 010 2030", "(555) 010-2030") matches itself;
     * all its digits when it has fewer; null when it has none.
     */
    static String phoneKey(String phone) {
        if (phone == null) {
            return null;
        }
        StringBuilder digits = new StringBuilder();
        phone.chars().filter(c -> c >= '0' && c <= '9').forEach(c -> digits.append((char) c));
        if (digits.length() == 0) {
            return null;
        }
        return digits.length() > PHONE_KEY_DIGITS ? digits.substring(digits.length() - PHONE_KEY_DIGITS)
                : digits.toString();
    }
}
