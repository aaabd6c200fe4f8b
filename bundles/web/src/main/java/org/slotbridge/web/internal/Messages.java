package org.slotbridge.web.internal;

import java.util.Locale;

/** Small helpers that turn service messages into sentences for clients. */
final class Messages {

    private Messages() {
    }

    /** The text with a capital first letter and a full stop. */
    static String sentence(String text) {
        if (text == null || text.isBlank()) {
            return "";
        }
        String trimmed = text.strip();
        String first = trimmed.substring(0, 1).toUpperCase(Locale.ROOT);
        String rest = trimmed.substring(1);
        boolean ends = trimmed.endsWith(".") || trimmed.endsWith("!") || trimmed.endsWith("?");
        return first + rest + (ends ? "" : ".");
    }

    /** "Label reason." for a reason that does not start with a capital, else the reason alone. */
    static String about(String label, String reason) {
        if (reason == null || reason.isBlank()) {
            return sentence(label + " is not valid");
        }
        String trimmed = reason.strip();
        return Character.isUpperCase(trimmed.charAt(0)) ? sentence(trimmed) : sentence(label + " " + trimmed);
    }
}
