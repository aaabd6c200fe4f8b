package org.slotbridge.connector.hl7v2.internal;

import org.slotbridge.api.service.InboxJournal;

/**
 * What became of one message of a file.
 *
 * @param number    the message's place in its file, from 1; 0 for lines before the first message
 * @param controlId MSH-10, or null when the message has none
 * @param result    applied, skipped or failed
 * @param field     the HL7 field at fault, such as {@code SCH-11}; for a skip, the field that decided it
 * @param reason    why, in words that carry no personal data
 * @param detail    what the parser said, which may quote the message; null when there is nothing more
 */
record MessageOutcome(int number, String controlId, Result result, String field, String reason, String detail) {

    enum Result {
        APPLIED,
        SKIPPED,
        FAILED;

        /** The same result as the inbox journal names it. */
        InboxJournal.Result journal() {
            return InboxJournal.Result.valueOf(name());
        }
    }

    static MessageOutcome applied(int number, String controlId, String what) {
        return new MessageOutcome(number, controlId, Result.APPLIED, null, what, null);
    }

    static MessageOutcome skipped(int number, String controlId, String field, String reason) {
        return new MessageOutcome(number, controlId, Result.SKIPPED, field, reason, null);
    }

    static MessageOutcome failed(int number, String controlId, String field, String reason) {
        return new MessageOutcome(number, controlId, Result.FAILED, field, reason, null);
    }

    MessageOutcome withDetail(String text) {
        return new MessageOutcome(number, controlId, result, field, reason, text);
    }

    /** One line such as {@code message 2 (MSH-10 MSG00012): SCH-11 no start date/time}. */
    String describe() {
        String where = number == 0 ? "before message 1"
                : "message " + number + " (MSH-10 " + (controlId == null ? "missing" : controlId) + ")";
        return where + ": " + (field == null ? "" : field + " ") + reason;
    }

    /** {@link #describe()} without the values it quotes (a birth date, say), for status pages and logs. */
    String describeRedacted() {
        return describe().replaceAll("'[^']*'", "a value");
    }
}
