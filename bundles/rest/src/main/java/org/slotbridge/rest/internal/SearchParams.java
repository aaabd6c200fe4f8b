package org.slotbridge.rest.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.slotbridge.api.InvalidInputException;
import org.slotbridge.api.Preferences;
import org.slotbridge.api.TimeWindow;

/** Reads the query parameters of an openings search; each bad one is refused by its own name. */
final class SearchParams {

    /** Days searched when the caller gives no end date, counting the first. */
    static final int DEFAULT_DAYS = 14;

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

    static LocalDate date(String text, String field) {
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "'" + text + "' is not a date like 2026-12-07");
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
        throw new InvalidInputException("days", "'" + item + "' is not a weekday like MON or MONDAY");
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
