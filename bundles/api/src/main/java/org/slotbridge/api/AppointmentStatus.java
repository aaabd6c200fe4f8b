package org.slotbridge.api;

/** The state of an appointment in the schedule copy. */
public enum AppointmentStatus {
    /** Booked: it takes its provider's and room's time. */
    BOOKED,
    /** The client did not come; the time was still taken. */
    NO_SHOW,
    /** Cancelled or deleted in the PMS; its time is free again. */
    CANCELLED;

    /** True when an appointment in this state keeps its time from being offered. */
    public boolean takesTime() {
        return this != CANCELLED;
    }
}
