package org.slotbridge.api;

/** Something named by the caller does not exist, or is not theirs to see. Answered with 404. */
public class NotFoundException extends SlotbridgeException {

    private static final long serialVersionUID = 1L;

    public NotFoundException(String what, String key) {
        super("not_found", "no " + what + " " + Quoted.of(key));
    }
}
