package org.slotbridge.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

import org.osgi.annotation.versioning.ProviderType;
import org.slotbridge.api.Opening;
import org.slotbridge.api.Request;
import org.slotbridge.api.RequestStatus;

/** Requests, each read with its client and patient. */
@ProviderType
public interface RequestRepository {

    /** Stores a new pending request and returns it with its id. */
    Request create(String slug, NewRequest request);

    Optional<Request> find(String slug, String requestId);

    /** The practice's requests in one status, newest first. */
    List<Request> list(String slug, RequestStatus status);

    /**
     * Changes a request while holding a lock on it, so concurrent changes happen one after the other.
     * {@code change} gets the current request and returns the new one; its status, opening, hold id,
     * staff note and decision time are stored, the rest is fixed at creation. {@code change} may throw
     * to refuse, and may use the same session's repositories.
     *
     * @throws org.slotbridge.api.NotFoundException when the practice has no such request
     */
    Request change(String slug, String requestId, UnaryOperator<Request> change);

    /**
     * Open requests ({@link RequestStatus#isOpen()}) of the practice whose time overlaps {@code [from, to)},
     * on any provider or room.
     */
    List<Request> openOverlapping(String slug, Instant from, Instant to);

    /**
     * Open or conflicted requests of every practice that are due to expire at {@code now}: their time has
     * started, or they are proposals whose answer-by time has passed. Oldest first, at most {@code limit}.
     */
    List<Request> due(Instant now, int limit);

    /** Sets the hash of the client's link token; the token itself is never stored. */
    void setClientTokenHash(String slug, String requestId, String hash);

    /** The hash of the client's link token; empty when there is no such request or it has none. */
    Optional<String> clientTokenHash(String slug, String requestId);

    /**
     * Keeps the hash of one more token of the client's link, given in a message to the client; every token
     * stays valid as long as the request exists.
     *
     * @throws org.slotbridge.api.NotFoundException when the practice has no such request
     */
    void addClientTokenHash(String slug, String requestId, String hash, Instant issuedAt);

    /**
     * The hashes of every token of the client's link: the one given when the request was sent, then those
     * added since. Empty when there is no such request.
     */
    List<String> clientTokenHashes(String slug, String requestId);

    /** Sets when the client must have answered a proposal; null clears it. */
    void setAnswerBy(String slug, String requestId, Instant answerBy);

    /** When the client must have answered the request's proposal; empty when no answer is awaited. */
    Optional<Instant> answerBy(String slug, String requestId);

    /** Replaces the openings offered in place of the request, keeping their order. */
    void setAlternatives(String slug, String requestId, List<Opening> openings);

    /** The openings offered in place of the request, in order; empty when none were. */
    List<Opening> alternatives(String slug, String requestId);
}
