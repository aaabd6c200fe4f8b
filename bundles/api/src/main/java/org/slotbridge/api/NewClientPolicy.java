package org.slotbridge.api;

/** Whether a practice takes online requests from clients it does not know yet. */
public enum NewClientPolicy {
    /** New clients may book online; this is the default. */
    WELCOME,
    /** Only clients the PMS already knows may book online. */
    EXISTING_ONLY
}
