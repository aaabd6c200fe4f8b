package org.slotbridge.store;

import java.time.Duration;
import java.time.Instant;

import org.osgi.annotation.versioning.ProviderType;
import org.slotbridge.api.service.IdempotencyKeys.Answer;
import org.slotbridge.api.service.IdempotencyKeys.Claim;

/**
 * Idempotency keys, one row per practice and key under a primary key: of two transactions inserting
 * the same key, on any node, only one commits. A row counts for {@link #KEPT} from its claim; an older
 * one is claimed again as if it were not there, so nothing needs to sweep it for the answers to be
 * right ({@link #sweep} only saves space).
 */
@ProviderType
public interface IdempotencyRepository {

    /** How long a key and its answer are kept. */
    Duration KEPT = Duration.ofHours(24);

    /**
     * How long a claim may stay at work before it counts as abandoned (its node died) and may be
     * claimed again; well beyond the longest wait for a database lock.
     */
    Duration ABANDONED = Duration.ofMinutes(2);

    /**
     * Claims a key, or tells what became of the submission that claimed it.
     *
     * @throws org.slotbridge.api.ConflictException with code {@code request_in_progress} when another
     *         transaction claimed the same key first; the transaction can then only roll back
     */
    Claim claim(String slug, String key, String fingerprint, Instant now);

    /** Keeps the answer of the claim {@code token}; false when that claim is no longer the key's. */
    boolean answer(String slug, String key, long token, Answer answer);

    /** Deletes the claim {@code token} while it has no answer; false when there was none. */
    boolean release(String slug, String key, long token);

    /**
     * Deletes up to {@code atMost} keys older than {@link #KEPT}, oldest first, in every practice; returns
     * how many. Called again until it returns less than {@code atMost}, each call in a transaction of its
     * own, it deletes them all without ever locking many rows at once. A key claimed again meanwhile is
     * younger, and stays.
     */
    int sweep(Instant now, int atMost);
}
