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
 * @param client     whether the client is new or known to the practice; null when not yet said
 * @param order      how the answer is ordered
 * @param limit      at most this many openings are returned; 0 means all
 * @param offset     this many openings, in {@code order}, are skipped first (paging)
 */
public record Preferences(LocalDate from, LocalDate to, Set<DayOfWeek> days, List<TimeWindow> times,
                          String providerId, ClientKind client, Order order, int limit, int offset) {

    /** The longest range one search may cover, in days. */
    public static final int MAX_DAYS = 366;

    /** Preferences of any client, earliest first, every opening. */
    public Preferences(LocalDate from, LocalDate to, Set<DayOfWeek> days, List<TimeWindow> times,
                       String providerId) {
        this(from, to, days, times, providerId, null, Order.EARLIEST, 0, 0);
    }

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
        order = order == null ? Order.EARLIEST : order;
        if (limit < 0) {
            throw new InvalidInputException("limit", "may not be negative; 0 means all");
        }
        if (offset < 0) {
            throw new InvalidInputException("offset", "may not be negative");
        }
    }
}
