package org.slotbridge.api;

/** How a list of openings is ordered. */
public enum Order {
    /** Earliest first. */
    EARLIEST,
    /**
     * Spread across days: the first opening of each day, day by day, then the second of each day,
     * and so on, so the first page shows choices on many days.
     */
    SPREAD
}
