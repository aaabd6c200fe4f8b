package org.slotbridge.api.service;

import java.time.Instant;
import java.util.List;

import org.slotbridge.api.Explanation;
import org.slotbridge.api.Hold;
import org.slotbridge.api.Opening;
import org.slotbridge.api.Preferences;
import org.slotbridge.api.Request;
import org.slotbridge.api.RequestForm;
import org.slotbridge.api.RequestStatus;

/**
 * Openings, holds and the life of a request. The one place that decides whether an opening is still
 * free. Failures are {@link org.slotbridge.api.SlotbridgeException}s: invalid input, not found, or a
 * conflict such as an opening someone else has taken.
 */
public interface Booking {

    /**
     * The openings for a reason that suit the preferences, in the order and page they ask for, at most
     * the practice's number shown per day.
     */
    List<Opening> openings(String slug, String reasonId, Preferences preferences);

    /**
     * For staff: whether the reason is offered with this provider at this instant, and every reason
     * why not (see docs/openings.md).
     */
    Explanation explain(String slug, String reasonId, String providerId, Instant start);

    /**
     * Takes an exclusive hold on an opening exactly as {@link #openings} returned it.
     *
     * @throws org.slotbridge.api.ConflictException with code {@code opening_taken} when it is no longer free
     */
    Hold hold(String slug, Opening opening);

    /** Turns a live hold into a pending request; the hold then lasts until staff decide. */
    Request request(String slug, RequestForm form);

    /** The client withdraws an open request, ending its hold. */
    Request withdraw(String slug, String requestId);

    /** One request of the practice. */
    Request find(String slug, String requestId);

    /** The practice's requests in one status, newest first. */
    List<Request> requests(String slug, RequestStatus status);

    /** Staff confirm an open request. */
    Request confirm(String slug, String requestId, String staffNote);

    /** Staff propose another opening, which is held in place of the first. */
    Request propose(String slug, String requestId, Opening opening, String staffNote);

    /** Staff decline an open request, ending its hold. */
    Request decline(String slug, String requestId, String staffNote);
}
