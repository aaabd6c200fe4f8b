package org.slotbridge.connector.hl7v2.internal;

import java.util.List;

import org.slotbridge.api.service.InboxJournal.Progress;
import org.slotbridge.connector.hl7v2.internal.MessageOutcome.Result;

/**
 * What became of one inbox file: each message's outcome, or a reason the file as a whole was refused. Messages
 * handled by an earlier reading of the file (the node died before filing it) count too, as the inbox journal
 * has them, though their outcomes one by one were not kept.
 *
 * @param messages  one outcome per message handled this time, in file order
 * @param fileError why nothing in the file could be applied; null when its messages were tried
 * @param refused   how many messages a refused file holds (at least 1); 0 when its messages were tried
 * @param earlier   what the inbox journal had of the file before it was read this time
 */
record FileOutcome(List<MessageOutcome> messages, String fileError, int refused, Progress earlier) {

    FileOutcome {
        messages = List.copyOf(messages);
    }

    FileOutcome(List<MessageOutcome> messages, Progress earlier) {
        this(messages, null, 0, earlier);
    }

    /** A file none of whose messages was tried. */
    static FileOutcome refused(String reason, int messages) {
        return new FileOutcome(List.of(), reason, Math.max(1, messages), Progress.NONE);
    }

    long applied() {
        return count(Result.APPLIED) + earlier.applied();
    }

    long skipped() {
        return count(Result.SKIPPED) + earlier.skipped();
    }

    /** Failed messages, counting every message of a refused file. */
    long failed() {
        return count(Result.FAILED) + refused + earlier.failed();
    }

    /** True when the file may go to done/: it was read and no message failed. */
    boolean clean() {
        return failed() == 0;
    }

    /** The first failure, for status pages; free of personal data. */
    String firstError() {
        if (fileError != null) {
            return fileError;
        }
        return messages.stream().filter(m -> m.result() == Result.FAILED).findFirst()
                .map(MessageOutcome::describeRedacted)
                .orElse(earlier.failed() > 0 ? earlier.failed() + " message(s) failed in an earlier reading" : null);
    }

    /** The text written beside a file: a summary line, then one line per failed or skipped message. */
    String report(String fileName) {
        StringBuilder text = new StringBuilder(fileName).append(": ");
        if (fileError != null) {
            text.append("not applied (").append(refused).append(" message(s) set aside): ").append(fileError)
                    .append('\n');
            return text.toString();
        }
        long read = messages.stream().filter(m -> m.number() > 0).count() + earlier.through();
        text.append(applied()).append(" of ").append(read).append(" messages applied, ")
                .append(failed()).append(" failed, ").append(skipped()).append(" skipped\n");
        if (earlier.through() > 0) {
            text.append("messages 1 to ").append(earlier.through())
                    .append(" were handled by an earlier reading of this file and are not applied again: ")
                    .append(earlier.applied()).append(" applied, ").append(earlier.failed()).append(" failed, ")
                    .append(earlier.skipped()).append(" skipped")
                    .append(earlier.failed() + earlier.skipped() > 0 ? "; why some were not applied was not kept\n"
                            : "\n");
        }
        for (MessageOutcome message : messages) {
            if (message.result() != Result.APPLIED) {
                text.append(message.result() == Result.FAILED ? "FAILED  " : "SKIPPED ")
                        .append(message.describe()).append('\n');
                if (message.detail() != null) {
                    text.append("        parser: ").append(message.detail().replace('\r', ' ').replace('\n', ' '))
                            .append('\n');
                }
            }
        }
        return text.toString();
    }

    private long count(Result result) {
        return messages.stream().filter(m -> m.result() == result).count();
    }
}
