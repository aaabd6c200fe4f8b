package org.slotbridge.api;

/** Input that breaks a rule: names the field and says why. Answered with 400. */
public class InvalidInputException extends SlotbridgeException {

    private static final long serialVersionUID = 1L;

    private final String field;
    private final String reason;

    public InvalidInputException(String field, String reason) {
        super("invalid_input", field + ": " + reason);
        this.field = field;
        this.reason = reason;
    }

    /** The name of the offending field, as the caller spelled it. */
    public String field() {
        return field;
    }

    /** Why the value was refused, without the field name. */
    public String reason() {
        return reason;
    }
}
