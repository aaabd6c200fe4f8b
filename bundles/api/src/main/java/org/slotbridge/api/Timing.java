package org.slotbridge.api;

import java.time.Duration;
import java.time.LocalTime;
import java.util.List;

/**
 * When openings may start, set for a whole practice and overridden per reason. On a reason a null
 * field means "as the practice says"; {@link #over} fills those in.
 *
 * @param grid          openings start every {@code grid}, counted from the start of each working window
 * @param starts        fixed local start times used instead of the grid; an empty list means the grid
 * @param bufferBefore  free time the provider and the room need just before the visit
 * @param bufferAfter   free time the provider and the room need just after the visit
 * @param minimumNotice no opening starts sooner than this after now
 * @param horizonDays   no opening starts on a local date more than this many days after today
 * @param dailyCap      at most this many online bookings per provider per local date; 0 means no cap
 */
public record Timing(Duration grid, List<LocalTime> starts, Duration bufferBefore, Duration bufferAfter,
                     Duration minimumNotice, Integer horizonDays, Integer dailyCap) {

    /** Every field left to the practice. */
    public static final Timing INHERIT = new Timing(null, null, null, null, null, null, null);

    /** Every 15 minutes, no buffers, at least one hour ahead, up to 180 days ahead, no cap. */
    public static final Timing DEFAULT = new Timing(Duration.ofMinutes(15), List.of(), Duration.ZERO, Duration.ZERO,
            Duration.ofHours(1), 180, 0);

    public Timing {
        if (grid != null && (grid.isNegative() || grid.isZero() || grid.toSeconds() % 60 != 0)) {
            throw new InvalidInputException("grid", "must be a whole number of minutes, at least one");
        }
        starts = starts == null ? null : starts.stream().distinct().sorted().toList();
        if (starts != null && starts.stream().anyMatch(t -> t.getSecond() != 0 || t.getNano() != 0)) {
            throw new InvalidInputException("starts", "fixed start times are whole minutes");
        }
        nonNegative(bufferBefore, "bufferBefore");
        nonNegative(bufferAfter, "bufferAfter");
        nonNegative(minimumNotice, "minimumNotice");
        if (horizonDays != null && (horizonDays < 0 || horizonDays > 3660)) {
            throw new InvalidInputException("horizonDays", "must be between 0 and 3660");
        }
        if (dailyCap != null && dailyCap < 0) {
            throw new InvalidInputException("dailyCap", "may not be negative; 0 means no cap");
        }
    }

    /** This timing with each null field taken from {@code base}. */
    public Timing over(Timing base) {
        return new Timing(grid != null ? grid : base.grid, starts != null ? starts : base.starts,
                bufferBefore != null ? bufferBefore : base.bufferBefore,
                bufferAfter != null ? bufferAfter : base.bufferAfter,
                minimumNotice != null ? minimumNotice : base.minimumNotice,
                horizonDays != null ? horizonDays : base.horizonDays,
                dailyCap != null ? dailyCap : base.dailyCap);
    }

    /** True when no field is null. */
    public boolean isComplete() {
        return grid != null && starts != null && bufferBefore != null && bufferAfter != null
                && minimumNotice != null && horizonDays != null && dailyCap != null;
    }

    private static void nonNegative(Duration value, String field) {
        if (value != null && (value.isNegative() || value.toSeconds() % 60 != 0)) {
            throw new InvalidInputException(field, "must be a whole number of minutes, not negative");
        }
    }
}
