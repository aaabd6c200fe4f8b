package org.slotbridge.api;

/** Who may book a reason online. */
public enum Audience {
    /** New and existing clients alike. */
    ANYONE,
    /** Only clients the practice does not know yet. */
    NEW_CLIENTS,
    /** Only clients the practice already knows. */
    EXISTING_CLIENTS;

    /** True when a client of this kind may book; an unknown kind (null) is admitted, to be asked later. */
    public boolean admits(ClientKind kind) {
        return kind == null || this == ANYONE
                || this == NEW_CLIENTS && kind == ClientKind.NEW
                || this == EXISTING_CLIENTS && kind == ClientKind.EXISTING;
    }
}
