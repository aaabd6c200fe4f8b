package org.slotbridge.api;

import java.time.Instant;

/**
 * A client's ask for an opening, from pick to the staff's decision.
 *
 * @param id           Slotbridge's id; also the placer appointment id written to the PMS
 * @param practiceSlug the practice it was made at
 * @param opening      the time asked for, or the one staff proposed or confirmed
 * @param holdId       the hold that keeps the opening; null once the request is closed
 * @param status       where it stands
 * @param client       who asked
 * @param patient      whom the visit is for
 * @param newClient    true when the client was not known to the practice before this request
 * @param memo         what the client wrote; may be null
 * @param staffNote    what staff wrote with their decision; may be null
 * @param createdAt    when the client sent it
 * @param decidedAt    when it left {@link RequestStatus#PENDING}; null before
 * @param answerBy     when the client must have answered the proposal; null unless
 *                     {@link RequestStatus#PROPOSED}
 */
public record Request(String id, String practiceSlug, Opening opening, String holdId, RequestStatus status,
                      Client client, Patient patient, boolean newClient, String memo, String staffNote,
                      Instant createdAt, Instant decidedAt, Instant answerBy) {

    /** A request that awaits no answer from its client. */
    public Request(String id, String practiceSlug, Opening opening, String holdId, RequestStatus status,
                   Client client, Patient patient, boolean newClient, String memo, String staffNote,
                   Instant createdAt, Instant decidedAt) {
        this(id, practiceSlug, opening, holdId, status, client, patient, newClient, memo, staffNote, createdAt,
                decidedAt, null);
    }
}
