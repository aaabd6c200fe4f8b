package org.slotbridge.api;

/**
 * The request was valid but the state does not allow it now: the opening was taken, the request
 * was already decided. Answered with 409.
 */
public class ConflictException extends SlotbridgeException {

    private static final long serialVersionUID = 1L;

    /** Code for an opening that someone else holds or that the schedule no longer allows. */
    public static final String OPENING_TAKEN = "opening_taken";
    /** The code for a hold that ended, or never was, when a request was made on it. */
    public static final String HOLD_LAPSED = "hold_lapsed";

    public ConflictException(String code, String message) {
        super(code, message);
    }
}
