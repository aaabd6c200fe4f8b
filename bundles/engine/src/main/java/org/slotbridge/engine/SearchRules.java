package org.slotbridge.engine;

import java.time.Duration;
import java.util.Objects;

/**
 * The practice-wide rules of a search.
 *
 * @param grid          openings start every {@code grid}, counted from the start of each working window
 * @param minimumNotice no opening starts sooner than this after now
 * @param horizonDays   no opening starts on a local date more than this many days after today
 */
public record SearchRules(Duration grid, Duration minimumNotice, int horizonDays) {

    /** Every 15 minutes, at least one hour ahead, up to 180 days ahead. */
    public static final SearchRules DEFAULT = new SearchRules(Duration.ofMinutes(15), Duration.ofHours(1), 180);

    public SearchRules {
        Objects.requireNonNull(grid, "grid");
        Objects.requireNonNull(minimumNotice, "minimumNotice");
        if (grid.toMinutes() < 1 || grid.toSeconds() % 60 != 0) {
            throw new IllegalArgumentException("grid must be a whole number of minutes, at least one");
        }
        if (minimumNotice.isNegative() || horizonDays < 0) {
            throw new IllegalArgumentException("notice and horizon may not be negative");
        }
    }
}
