package org.slotbridge.api;

/**
 * A failure a caller can act on, with a stable machine-readable code and a message a person can read.
 * The REST layer maps the subclasses to HTTP statuses; messages never carry personal data.
 */
public class SlotbridgeException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String code;

    public SlotbridgeException(String code, String message) {
        super(message);
        this.code = code;
    }

    public SlotbridgeException(String code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    /** A stable code, such as {@code invalid_input} or {@code opening_taken}. */
    public String code() {
        return code;
    }
}
