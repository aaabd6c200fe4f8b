package org.slotbridge.store;

import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

import org.osgi.annotation.versioning.ProviderType;
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
}
