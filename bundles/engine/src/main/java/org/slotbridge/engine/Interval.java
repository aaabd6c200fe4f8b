package org.slotbridge.engine;

import java.time.Instant;
import java.util.Objects;

/**
 * A span of busy time on one resource, start inclusive, end exclusive.
 *
 * @param start the first instant taken
 * @param end   the first instant free again, after {@code start}
 */
public record Interval(Instant start, Instant end) {

    public Interval {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("interval ends at or before its start: " + start + " " + end);
        }
    }

    /** True when the two spans share at least one instant. */
    public boolean overlaps(Instant otherStart, Instant otherEnd) {
        return start.isBefore(otherEnd) && otherStart.isBefore(end);
    }
}
