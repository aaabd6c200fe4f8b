package org.slotbridge.api;

/** Whom a visit is for, seen from the client who books it. */
public enum PatientKind {
    SELF,
    FAMILY,
    PET
}
