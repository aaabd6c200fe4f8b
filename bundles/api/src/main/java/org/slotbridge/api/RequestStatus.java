package org.slotbridge.api;

/** Where a request stands, from the client's pick to the staff's decision. */
public enum RequestStatus {
    /** Sent by the client; the hold keeps the time until staff decide. */
    PENDING,
    /** Staff proposed another opening, which is held; the client has not answered yet. */
    PROPOSED,
    /** Booked: by staff in Slotbridge, or seen booked in the PMS. */
    CONFIRMED,
    /** Staff said no; the hold has ended. */
    DECLINED,
    /** The client withdrew it; the hold has ended. */
    WITHDRAWN;

    /** True while staff or the client may still act on the request. */
    public boolean isOpen() {
        return this == PENDING || this == PROPOSED;
    }
}
