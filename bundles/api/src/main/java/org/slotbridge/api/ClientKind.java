package org.slotbridge.api;

/** Whether the person booking is already a client of the practice. */
public enum ClientKind {
    NEW,
    EXISTING
}
