package org.slotbridge.api;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What suits the client: a date range in the practice's zone, and optionally weekdays, times of day
 * and one provider.
 *
 * @param from       the first local date, inclusive
 * @param to         the last local date, inclusive
 * @param days       weekdays that suit; empty means any
 * @param times      local time windows in which the visit may start; empty means any
 * @param providerId the provider wanted; null means any
 */
public record Preferences(LocalDate from, LocalDate to, Set<DayOfWeek> days, List<TimeWindow> times,
                          String providerId) {

    /** The longest range one search may cover, in days. */
    public static final int MAX_DAYS = 366;

    public Preferences {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new InvalidInputException("to", "is before 'from'");
        }
        if (from.plusDays(MAX_DAYS).isBefore(to)) {
            throw new InvalidInputException("to", "a search covers at most " + MAX_DAYS + " days");
        }
        days = Set.copyOf(days);
        times = List.copyOf(times);
    }
}
