package org.slotbridge.api.service;

import java.time.Instant;
import java.util.List;

import org.slotbridge.api.Explanation;
import org.slotbridge.api.Hold;
import org.slotbridge.api.Opening;
import org.slotbridge.api.Preferences;
import org.slotbridge.api.Request;
import org.slotbridge.api.RequestForm;
import org.slotbridge.api.RequestReceipt;
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

    /**
     * A hold of the practice, live or kept by a request (then without expiry). Its id is all a client
     * needs: ids are random and cannot be guessed.
     *
     * @throws org.slotbridge.api.NotFoundException when the practice has no such hold, or it has lapsed
     */
    Hold findHold(String slug, String holdId);

    /**
     * Ends a hold no request was made on, offering its time again.
     *
     * @throws org.slotbridge.api.NotFoundException when the practice has no such hold, or it has lapsed
     * @throws org.slotbridge.api.ConflictException with code {@code hold_in_use} when a request keeps it: the
     *                                              request is withdrawn instead
     */
    void release(String slug, String holdId);

    /**
     * Turns a live hold into a pending request; the hold then lasts until staff decide.
     *
     * @throws org.slotbridge.api.ConflictException with code {@code hold_lapsed} when the hold is gone, and
     *                                              {@code opening_taken} when the PMS copy shows another visit
     *                                              booked over its time since it was taken
     */
    Request request(String slug, RequestForm form);

    /**
     * As {@link #request}, and gives the token of the client's link, this once.
     */
    RequestReceipt submit(String slug, RequestForm form);

    /**
     * The request as its client sees it through their link: the token given when it was sent, or any given
     * since ({@link ClientLinks}).
     *
     * @throws org.slotbridge.api.NotFoundException when there is no such request or the token is not its own
     */
    Request forClient(String slug, String requestId, String token);

    /**
     * The client accepts the opening staff proposed: the request is confirmed, its hold keeping the time.
     *
     * @throws org.slotbridge.api.ConflictException with code {@code not_proposed} when no proposal awaits an
     *                                              answer, or {@code booked_in_pms} when the PMS has booked the
     *                                              time for another visit since
     */
    Request accept(String slug, String requestId, String token);

    /**
     * The client refuses the opening staff proposed: the request is withdrawn and the proposal's hold ends.
     *
     * @throws org.slotbridge.api.ConflictException with code {@code not_proposed} when no proposal awaits an
     *                                              answer
     */
    Request refuse(String slug, String requestId, String token);

    /**
     * The client cancels their request while it is open or conflicted: it is withdrawn and its hold ends.
     *
     * @throws org.slotbridge.api.ConflictException with code {@code request_not_open} once it has ended
     */
    Request cancel(String slug, String requestId, String token);

    /**
     * The client of a conflicted request takes one of the openings offered instead: it is held for the
     * request, which is pending again.
     *
     * @throws org.slotbridge.api.ConflictException with code {@code not_conflicted} when the request is not
     *                                              conflicted, {@code not_offered} when the opening is not one of
     *                                              those offered, or {@code opening_taken} when it is not free
     */
    Request rebook(String slug, String requestId, String token, Opening opening);

    /**
     * The openings offered in place of a conflicted request, nearest to the lost time first; empty for
     * any other request.
     */
    List<Opening> alternatives(String slug, String requestId);

    /**
     * Reconciliation: the PMS copy shows a visit booked over the open request's held time on its provider
     * or room. Checked again against the schedule copy: when such a visit is still there, the request
     * becomes {@link RequestStatus#CONFLICTED}, its hold ends, and up to three openings nearest to the lost
     * time are kept with it.
     *
     * @return the request as it is now: unchanged when it was not open or nothing is booked over it
     */
    Request conflict(String slug, String requestId);

    /**
     * Reconciliation: the PMS moved the visit it booked for a confirmed request (its placer id). The request
     * takes the visit's time, provider and room, and stays confirmed; the PMS keeps the time from then on.
     *
     * @param opening the visit's time, of the request's reason
     * @return the request as it is now: unchanged when it already had that time
     * @throws org.slotbridge.api.ConflictException with code {@code request_not_confirmed} when it is not confirmed
     */
    Request movedInPms(String slug, String requestId, Opening opening);

    /**
     * Reconciliation: the PMS cancelled the visit it booked for a confirmed request (its placer id); the request
     * becomes {@link RequestStatus#CANCELLED}.
     *
     * @throws org.slotbridge.api.ConflictException with code {@code request_not_confirmed} when it is not confirmed
     */
    Request cancelledInPms(String slug, String requestId);

    /** The client withdraws an open or conflicted request, ending its hold. */
    Request withdraw(String slug, String requestId);

    /** One request of the practice. */
    Request find(String slug, String requestId);

    /** The practice's requests in one status, newest first. */
    List<Request> requests(String slug, RequestStatus status);

    /**
     * Staff confirm an open request, its hold keeping the time; a conflicted one only once the PMS booked a
     * visit for it.
     *
     * @throws org.slotbridge.api.ConflictException with code {@code request_not_open} once it has ended,
     *                                              {@code request_conflicted} when it lost its time,
     *                                              {@code request_past} when its time has come, or
     *                                              {@code booked_in_pms} when the PMS booked the time for another
     *                                              visit
     */
    Request confirm(String slug, String requestId, String staffNote);

    /**
     * Staff propose another opening for an open or conflicted request, which is held in place of the first; the
     * client has until an answer-by time ({@link Request#answerBy()}) to accept or refuse it.
     *
     * @throws org.slotbridge.api.InvalidInputException naming {@code opening.reason} when the opening is of
     *                                                  another reason than the request's
     * @throws org.slotbridge.api.ConflictException     with code {@code opening_taken} when the opening is not free
     */
    Request propose(String slug, String requestId, Opening opening, String staffNote);

    /** Staff decline an open or conflicted request, ending its hold. */
    Request decline(String slug, String requestId, String staffNote);
}
