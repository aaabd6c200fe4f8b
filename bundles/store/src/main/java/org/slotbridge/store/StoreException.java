package org.slotbridge.store;

/** The database failed in a way the caller cannot act on: unreachable, out of space, broken schema. */
public class StoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
