package org.slotbridge.connector.hl7v2.internal;

import java.util.Locale;

import ca.uhn.hl7v2.parser.DefaultEscaping;
import ca.uhn.hl7v2.parser.EncodingCharacters;
import ca.uhn.hl7v2.parser.Escaping;

/**
 * Escaping that takes every value as plain text. HAPI's default leaves alone whatever already looks like an
 * escape sequence, so a name typed as {@code A\Zx|MSH\} would reach the PMS with a raw field separator
 * inside; here every delimiter, escape and control character is escaped, whatever surrounds it. Reading is
 * HAPI's.
 */
final class LiteralEscaping implements Escaping {

    private final DefaultEscaping reading = new DefaultEscaping();

    @Override
    public String escape(String text, EncodingCharacters chars) {
        if (text == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(text.length() + 8);
        char escape = chars.getEscapeCharacter();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String code = c == escape ? "E"
                    : c == chars.getFieldSeparator() ? "F"
                    : c == chars.getComponentSeparator() ? "S"
                    : c == chars.getRepetitionSeparator() ? "R"
                    : c == chars.getSubcomponentSeparator() ? "T"
                    // a raw carriage return or line feed would end the segment, and MLLP's 0x0B and 0x1C
                    // frame a message: every control character goes as its hexadecimal code
                    : Character.isISOControl(c) ? String.format(Locale.ROOT, "X%02X", (int) c)
                    : null;
            if (code == null) {
                out.append(c);
            } else {
                out.append(escape).append(code).append(escape);
            }
        }
        return out.toString();
    }

    @Override
    public String unescape(String text, EncodingCharacters chars) {
        return reading.unescape(text, chars);
    }
}
