package org.slotbridge.api.service;

import java.util.regex.Pattern;

import org.slotbridge.api.InvalidInputException;
import org.slotbridge.api.Slugs;

/**
 * How far a connector got with each file it read from an inbox folder, kept in the database so that a file
 * is applied exactly once, even when the node dies in the middle of it (a crash, {@code kill -9}) and the
 * file is still in the inbox when the connector starts again.
 * <p>
 * A connector looks a file up before applying it, skips the messages the journal has, records every
 * message it then handles, marks the file finished, and only then moves it out of the inbox. A message that
 * writes to the schedule copy is recorded by {@link ScheduleSync#applyMessage}, in the same transaction as
 * its writes, so that a crash leaves both or neither. A message skipped or failed wrote nothing, and is
 * recorded with {@link #advance}: a crash before that only makes it be looked at again.
 * <p>
 * A file is known by its practice, its connector, its name and the SHA-256 of its bytes: a file written
 * again under the same name with other content is another file, and is applied in full. A file sent again
 * with the same name and the same bytes is taken for the one already applied. A finished file may be
 * forgotten 30 days after it finished, and is then a new file again.
 */
public interface InboxJournal {

    /**
     * The code of the {@link org.slotbridge.api.ConflictException} for a message the journal already has,
     * recorded by another reading of the same file: nothing of it was written again.
     */
    String ALREADY_RECORDED = "already_recorded";

    /** The longest file name the journal keeps. */
    int NAME_MAX = 255;

    /** What became of one message of a file. */
    enum Result {
        /** Its writes are in the schedule copy. */
        APPLIED,
        /** It carries nothing to apply. */
        SKIPPED,
        /** It was set aside with its reason. */
        FAILED
    }

    /**
     * One file of one connector's inbox.
     *
     * @param practiceSlug the practice the inbox serves
     * @param connector    the connector's name, such as {@code hl7v2}; a slug
     * @param name         the file's name, without its folder
     * @param sha256       the SHA-256 of the file's bytes, 64 lower-case hex digits
     */
    record InboxFile(String practiceSlug, String connector, String name, String sha256) {

        private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");

        /** @throws InvalidInputException naming the field that breaks its rule */
        public InboxFile {
            Slugs.require(practiceSlug, "practiceSlug");
            Slugs.require(connector, "connector");
            if (name == null || name.isEmpty() || name.length() > NAME_MAX) {
                throw new InvalidInputException("name", "must have 1 to " + NAME_MAX + " characters");
            }
            if (sha256 == null || !HEX.matcher(sha256).matches()) {
                throw new InvalidInputException("sha256", "must be 64 lower-case hexadecimal digits");
            }
        }
    }

    /**
     * How far a file got.
     *
     * @param through  the last message handled, counting from 1 in file order; 0 when none was
     * @param applied  how many of messages 1 to {@code through} were applied
     * @param skipped  how many were skipped
     * @param failed   how many failed
     * @param finished true once the file was handled whole; it then only needs to be filed
     */
    record Progress(int through, int applied, int skipped, int failed, boolean finished) {

        /** A file the journal does not know. */
        public static final Progress NONE = new Progress(0, 0, 0, 0, false);
    }

    /**
     * One message of a file, to record with that message's writes.
     *
     * @param message its place in the file, from 1
     */
    record Mark(InboxFile file, int message) {

        public Mark {
            if (file == null) {
                throw new InvalidInputException("file", "is required");
            }
            if (message < 1) {
                throw new InvalidInputException("message", "counts from 1");
            }
        }
    }

    /** How far the file got; {@link Progress#NONE} for a file the journal does not know. */
    Progress progress(InboxFile file);

    /**
     * Records that {@code message} of the file was handled with {@code result}, in a transaction of its own.
     * Messages are recorded one after the other, from 1.
     *
     * @return true when recorded now; false when the journal has that message already, or the file is
     *         finished, and nothing changed
     * @throws InvalidInputException when a message before it is not recorded yet
     * @throws org.slotbridge.api.ConflictException with code {@link #ALREADY_RECORDED} when another reading
     *         of the file records its first message at the same moment
     */
    boolean advance(InboxFile file, int message, Result result);

    /**
     * Marks the file handled whole; do this before moving it out of the inbox. A file found finished in the
     * inbox again is then filed without being applied.
     */
    void finish(InboxFile file);
}
