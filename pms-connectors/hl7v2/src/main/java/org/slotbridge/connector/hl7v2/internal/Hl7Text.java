package org.slotbridge.connector.hl7v2.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Cuts the text of an inbox file into single HL7 v2 messages. A file may hold one or many messages, with
 * segments ended by CR, LF or CRLF, with or without MLLP framing bytes and with or without a byte-order
 * mark. Every message comes back with its segments ended by CR alone, as the standard wants them.
 */
final class Hl7Text {

    private static final char MLLP_START = 0x0B;
    private static final char MLLP_END = 0x1C;
    private static final char BOM = '\uFEFF';

    /**
     * The messages of one file, in file order.
     *
     * @param messages   each message's text, segments ended by CR
     * @param strayLines lines before the first MSH segment that belong to no message
     */
    record Split(List<String> messages, int strayLines) {
    }

    private Hl7Text() {
    }

    static Split split(String text) {
        String normal = text.replace(String.valueOf(BOM), "")
                .replace("\r\n", "\r")
                .replace('\n', '\r')
                .replace(MLLP_START, '\r')
                .replace(MLLP_END, '\r');
        List<String> messages = new ArrayList<>();
        StringBuilder current = null;
        int stray = 0;
        for (String line : normal.split("\r")) {
            String segment = line.stripLeading();
            if (segment.isBlank() || isBatchSegment(segment)) {
                continue;
            }
            if (isHeader(segment)) {
                if (current != null) {
                    messages.add(current.toString());
                }
                current = new StringBuilder();
            }
            if (current == null) {
                stray++;
            } else {
                current.append(segment).append('\r');
            }
        }
        if (current != null) {
            messages.add(current.toString());
        }
        return new Split(List.copyOf(messages), stray);
    }

    /**
     * MSH-10 read straight from the text, for reports on messages the parser refused; null when the
     * header is too short to have one.
     */
    static String controlId(String message) {
        int end = message.indexOf('\r');
        String header = end < 0 ? message : message.substring(0, end);
        if (!isHeader(header)) {
            return null;
        }
        String[] fields = header.split(Pattern.quote(String.valueOf(header.charAt(3))), -1);
        // fields[0] is "MSH" and fields[1] is MSH-2: the separator itself is MSH-1
        if (fields.length <= 9 || fields[9].isBlank()) {
            return null;
        }
        return fields[9].strip();
    }

    private static boolean isHeader(String segment) {
        return segment.length() > 3 && segment.startsWith("MSH");
    }

    // file and batch envelopes wrap messages; they are not messages themselves
    private static boolean isBatchSegment(String segment) {
        return segment.startsWith("FHS") || segment.startsWith("FTS")
                || segment.startsWith("BHS") || segment.startsWith("BTS");
    }
}
