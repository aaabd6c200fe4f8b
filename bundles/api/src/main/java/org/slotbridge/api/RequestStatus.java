package org.slotbridge.api;

/**
 * Where a request stands, from the client's pick to its end. Open requests ({@link #isOpen()}) keep their
 * time with a hold; every other status but {@link #CONFIRMED} has released it.
 * <p>
 * Steps: PENDING to CONFIRMED, PROPOSED, DECLINED, WITHDRAWN, EXPIRED or CONFLICTED; PROPOSED to CONFIRMED
 * (staff, or the client accepting), PROPOSED again, DECLINED, WITHDRAWN (the client refusing or cancelling),
 * EXPIRED or CONFLICTED; CONFLICTED to PENDING (the client takes one of the openings offered instead),
 * PROPOSED, DECLINED, WITHDRAWN, EXPIRED, or CONFIRMED when the PMS books a visit carrying its placer id;
 * CONFIRMED to CANCELLED when the PMS cancels that visit. Any other step is refused.
 */
public enum RequestStatus {
    /** Sent by the client ("pre-booked"); the hold keeps the time until staff decide. */
    PENDING,
    /** Staff proposed another opening, which is held; the client has not answered yet. */
    PROPOSED,
    /**
     * Booked: by staff in Slotbridge, by the client accepting a proposal, or seen booked in the PMS. Once the
     * PMS shows the visit, the request follows it: it takes the visit's time when the PMS moves it, and
     * becomes {@link #CANCELLED} when the PMS cancels it.
     */
    CONFIRMED,
    /** Staff said no; the hold has ended. */
    DECLINED,
    /**
     * The client withdrew it, cancelling it or refusing a proposal; the hold has ended. A refused proposal
     * ends here rather than in {@link #DECLINED}, which always means the staff's no: the status tells who
     * ended the request.
     */
    WITHDRAWN,
    /**
     * Nobody decided in time, and the hold has ended: a pending, proposed or conflicted request whose visit start
     * came without a decision, or a proposal the client did not answer before its answer-by time (a setting of
     * booking, counted from the proposal).
     */
    EXPIRED,
    /**
     * The PMS copy shows another visit booked over the request's held time on its provider or room (staff
     * booked it by phone, say). The hold has ended; the nearest openings are offered instead, and the client
     * may take one, which makes the request pending again.
     */
    CONFLICTED,
    /**
     * The PMS cancelled the visit the request was confirmed as (the practice, or the client by phone). Nothing
     * is held for it; its time may be offered again.
     */
    CANCELLED;

    /** True while the request holds its time and staff or the client may still decide on it. */
    public boolean isOpen() {
        return this == PENDING || this == PROPOSED;
    }

    /** True when nothing more can happen to the request in Slotbridge. */
    public boolean isFinal() {
        return this == CONFIRMED || this == DECLINED || this == WITHDRAWN || this == EXPIRED || this == CANCELLED;
    }
}
