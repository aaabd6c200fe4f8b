package org.slotbridge.api.service;

/**
 * Submissions that take effect once however often they arrive. A client names a submission with a
 * key of its own; the first arrival claims the key, does the work and keeps its answer, and every
 * repeat within a day gets that answer again instead of doing the work twice. Keys are scoped by
 * practice, and a claim is decided by the database, so two nodes or two threads cannot both win it.
 * <p>
 * A claim whose work never ended (its node died) is given up after a few minutes, and the key may
 * then be claimed again.
 */
public interface IdempotencyKeys {

    /** The longest key a client may choose. */
    int KEY_MAX = 255;

    /** What became of a claim. */
    enum Outcome {
        /** The key is now this caller's: do the work, then {@link #answer} or {@link #release}. */
        NEW,
        /** The work was done before: give {@link Claim#answer()} again. */
        REPLAY,
        /** The work of the first arrival is still going on. */
        IN_PROGRESS,
        /** The key was used for a different submission. */
        MISMATCH
    }

    /**
     * The answer given to a submission, kept for its repeats.
     *
     * @param status   the HTTP status
     * @param location where the answer points (a redirect, a created resource); null for none
     * @param body     the body; null for none
     */
    record Answer(int status, String location, String body) {
    }

    /**
     * A claim of a key.
     *
     * @param outcome what became of it
     * @param token   names this claim to {@link #answer} and {@link #release}; 0 unless {@link Outcome#NEW}
     * @param answer  the kept answer for {@link Outcome#REPLAY}; null otherwise
     */
    record Claim(Outcome outcome, long token, Answer answer) {
    }

    /**
     * Claims {@code key} for a submission whose content hashes to {@code fingerprint}, or tells what became
     * of an earlier submission with that key.
     *
     * @throws org.slotbridge.api.ConflictException with code {@code request_in_progress} when another
     *                                              arrival is claiming the same key at this very moment
     */
    Claim claim(String slug, String key, String fingerprint);

    /**
     * Keeps the answer of the work done under a {@link Outcome#NEW} claim.
     *
     * @return false when the claim was given up meanwhile, and the answer was not kept
     */
    boolean answer(String slug, String key, long token, Answer answer);

    /** Gives up a claim whose work failed in a way worth trying again: the next arrival does the work anew. */
    void release(String slug, String key, long token);
}
