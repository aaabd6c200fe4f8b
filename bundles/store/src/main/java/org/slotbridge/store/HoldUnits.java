package org.slotbridge.store;

import java.time.Duration;
import java.time.Instant;

/**
 * Holds claim time in units of five minutes, aligned to the epoch, one database row per unit and
 * resource. Two holds that share a unit on a provider or room exclude each other, even when their
 * exact times only meet inside that unit.
 */
public final class HoldUnits {

    /** The length of one unit. */
    public static final Duration UNIT = Duration.ofMinutes(5);

    private static final long UNIT_MILLIS = UNIT.toMillis();

    private HoldUnits() {
    }

    /** The start of the unit that contains {@code instant}. */
    public static Instant floor(Instant instant) {
        return Instant.ofEpochMilli(Math.floorDiv(instant.toEpochMilli(), UNIT_MILLIS) * UNIT_MILLIS);
    }

    /** The first unit boundary at or after {@code instant}. */
    public static Instant ceil(Instant instant) {
        return Instant.ofEpochMilli(-Math.floorDiv(-instant.toEpochMilli(), UNIT_MILLIS) * UNIT_MILLIS);
    }
}
