package org.slotbridge.rest.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.slotbridge.api.ClientKind;
import org.slotbridge.api.InvalidInputException;
import org.slotbridge.api.Order;
import org.slotbridge.api.Preferences;
import org.slotbridge.api.Quoted;
import org.slotbridge.api.TimeWindow;

/** Reads the query parameters of an openings search; each bad one is refused by its own name. */
final class SearchParams {

    /** Days searched when the caller gives no end date, counting the first. */
    static final int DEFAULT_DAYS = 14;
    /** The most openings one answer may be asked for. */
    static final int MAX_LIMIT = 1000;
    /** The furthest one may page into an answer. */
    static final int MAX_OFFSET = 100_000;

    private SearchParams() {
    }

    /**
     * The preferences the parameters describe.
     *
     * @param today      the practice's local date now, the default {@code from}
     * @param providerId an already checked provider id, or null for any
     */
    static Preferences preferences(String from, String to, String days, String times, String providerId,
                                   LocalDate today) {
        LocalDate first = from == null || from.isBlank() ? today : date(from, "from");
        LocalDate last = to == null || to.isBlank() ? first.plusDays(DEFAULT_DAYS - 1) : date(to, "to");
        return new Preferences(first, last, days(days), times(times), providerId);
    }

    /**
     * How the answer is ordered and paged: {@code order} ({@code earliest}, the default, or {@code spread}),
     * {@code limit} (0, the default, means all), and {@code offset} or {@code page} (counted from 1, in
     * pages of {@code limit} openings).
     */
    static Paging paging(String order, String limit, String page, String offset) {
        Order read = Order.EARLIEST;
        if (order != null && !order.isBlank()) {
            try {
                read = Order.valueOf(order.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("order", Quoted.of(order) + " is not earliest or spread");
            }
        }
        int size = whole(limit, "limit", 0, MAX_LIMIT);
        boolean byPage = page != null && !page.isBlank();
        boolean byOffset = offset != null && !offset.isBlank();
        if (byPage && byOffset) {
            throw new InvalidInputException("page", "give page or offset, not both");
        }
        int skip = whole(offset, "offset", 0, MAX_OFFSET);
        if (byPage) {
            int number = whole(page, "page", 1, MAX_OFFSET);
            if (size == 0) {
                throw new InvalidInputException("page", "needs a limit: a page holds 'limit' openings");
            }
            if ((long) (number - 1) * size > MAX_OFFSET) {
                throw new InvalidInputException("page", "pages end at the " + MAX_OFFSET + "th opening");
            }
            skip = (number - 1) * size;
        }
        return new Paging(read, size, skip);
    }

    /** Whether the client is new ({@code new}) or already a client ({@code existing}); null when not said. */
    static ClientKind client(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "new" -> ClientKind.NEW;
            case "existing" -> ClientKind.EXISTING;
            default -> throw new InvalidInputException("client", Quoted.of(text) + " is not new or existing");
        };
    }

    /**
     * The order and page of an answer.
     *
     * @param order  how openings are ordered
     * @param limit  at most this many are returned; 0 means all
     * @param offset this many are skipped first
     */
    record Paging(Order order, int limit, int offset) {

        /** The same search, ordered and paged, for this client; one more than the page to tell whether more follow. */
        Preferences apply(Preferences search, ClientKind client) {
            return new Preferences(search.from(), search.to(), search.days(), search.times(), search.providerId(),
                    client, order, limit == 0 ? 0 : limit + 1, offset);
        }
    }

    private static int whole(String text, String field, int min, int max) {
        if (text == null || text.isBlank()) {
            return min;
        }
        try {
            int value = Integer.parseInt(text.strip());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below, as for a number out of range
        }
        throw new InvalidInputException(field, Quoted.of(text) + " is not a whole number from " + min + " to " + max);
    }

    static LocalDate date(String text, String field) {
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, Quoted.of(text) + " is not a date like 2026-12-07");
        }
    }

    /** Weekdays as {@code MON,TUE} or full names, in any case; empty means any day. */
    static Set<DayOfWeek> days(String text) {
        Set<DayOfWeek> result = EnumSet.noneOf(DayOfWeek.class);
        for (String item : items(text)) {
            result.add(day(item));
        }
        return result;
    }

    /** Time windows as {@code morning}, {@code afternoon}, {@code evening} or {@code HH:mm-HH:mm}. */
    static List<TimeWindow> times(String text) {
        List<TimeWindow> result = new ArrayList<>();
        for (String item : items(text)) {
            result.add(TimeWindow.parse(item, "times"));
        }
        return result;
    }

    private static DayOfWeek day(String item) {
        String name = item.toUpperCase(Locale.ROOT);
        for (DayOfWeek day : DayOfWeek.values()) {
            if (day.name().equals(name) || day.name().substring(0, 3).equals(name)) {
                return day;
            }
        }
        throw new InvalidInputException("days", Quoted.of(item) + " is not a weekday like MON or MONDAY");
    }

    private static List<String> items(String text) {
        List<String> result = new ArrayList<>();
        if (text != null) {
            for (String item : text.split(",")) {
                if (!item.isBlank()) {
                    result.add(item.trim());
                }
            }
        }
        return result;
    }
}
