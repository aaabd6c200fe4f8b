package org.slotbridge.api;

/**
 * A value as an error message quotes it: between single quotes and cut short, so that an answer never
 * echoes a huge value back (a 2 MB query parameter would otherwise make a 2 MB error body).
 */
public final class Quoted {

    /** The characters of a value a message shows at most; an ellipsis marks the rest left out. */
    public static final int MAX = 60;

    private Quoted() {
    }

    /** {@code 'value'}, its first {@link #MAX} characters and an ellipsis when it is longer; null is {@code 'null'}. */
    public static String of(Object value) {
        String text = String.valueOf(value);
        if (text.length() > MAX) {
            // never split a surrogate pair, which would leave half a character in the JSON
            int end = Character.isHighSurrogate(text.charAt(MAX - 1)) ? MAX - 1 : MAX;
            text = text.substring(0, end) + "\u2026";
        }
        return "'" + text + "'";
    }
}
