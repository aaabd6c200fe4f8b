package org.slotbridge.store;

import java.time.Duration;
import java.time.Instant;

import org.osgi.annotation.versioning.ProviderType;
import org.slotbridge.api.service.InboxJournal.InboxFile;
import org.slotbridge.api.service.InboxJournal.Progress;
import org.slotbridge.api.service.InboxJournal.Result;

/**
 * The journal of inbox files ({@link org.slotbridge.api.service.InboxJournal}): one row per practice,
 * connector, file name and SHA-256, under a primary key. Recording a message locks the file's row
 * ({@code SELECT ... FOR UPDATE}) and moves it on only from the message before, so that of two
 * transactions recording the same message, on any node, one records it and the other is told it is
 * recorded already, and can roll its own writes back.
 */
@ProviderType
public interface InboxJournalRepository {

    /** How long a finished file is remembered. */
    Duration KEPT = Duration.ofDays(30);

    /** How far the file got; {@link Progress#NONE} when there is no row for it. */
    Progress progress(InboxFile file);

    /**
     * Records that {@code message} of the file was handled with {@code result}, when it is the next one.
     *
     * @return true when recorded; false when the journal has that message already, or the file is finished,
     *         and nothing changed
     * @throws org.slotbridge.api.InvalidInputException when a message before it is not recorded yet
     * @throws org.slotbridge.api.ConflictException with code
     *         {@link org.slotbridge.api.service.InboxJournal#ALREADY_RECORDED} when another transaction
     *         records the file's first message at the same moment; the transaction can then only roll back
     */
    boolean advance(InboxFile file, int message, Result result, Instant now);

    /** Marks the file handled whole; false when it already was. */
    boolean finish(InboxFile file, Instant now);

    /**
     * Deletes up to {@code atMost} files finished {@link #KEPT} or longer before {@code now}, those finished
     * first first, in every practice; returns how many. Called again until it returns less than
     * {@code atMost}, each call in a transaction of its own, it deletes them all without locking many rows at
     * once. Files not finished are kept however old they are: their file may still be in an inbox.
     */
    int sweep(Instant now, int atMost);
}
