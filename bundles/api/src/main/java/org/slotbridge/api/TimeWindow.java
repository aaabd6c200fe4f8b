package org.slotbridge.api;

import java.time.LocalTime;
import java.util.Objects;

/**
 * A span of local wall-clock time within one day, start inclusive and end exclusive.
 * An end of {@code 00:00} means the end of the day, so {@code 17:00-00:00} is the evening.
 *
 * @param start the first minute of the window
 * @param end   the first minute after the window
 */
public record TimeWindow(LocalTime start, LocalTime end) {

    public static final TimeWindow MORNING = new TimeWindow(LocalTime.MIDNIGHT, LocalTime.NOON);
    public static final TimeWindow AFTERNOON = new TimeWindow(LocalTime.NOON, LocalTime.of(17, 0));
    public static final TimeWindow EVENING = new TimeWindow(LocalTime.of(17, 0), LocalTime.MIDNIGHT);
    public static final TimeWindow ALL_DAY = new TimeWindow(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT);

    public TimeWindow {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (startMinute(start) >= endMinute(end)) {
            throw new InvalidInputException("window", "ends at " + end + ", not after its start " + start);
        }
    }

    /** Minutes from midnight to the start, 0 to 1439. */
    public int startMinute() {
        return startMinute(start);
    }

    /** Minutes from midnight to the end, 1 to 1440. */
    public int endMinute() {
        return endMinute(end);
    }

    /** True when the local time lies in this window. */
    public boolean contains(LocalTime time) {
        int minute = time.getHour() * 60 + time.getMinute();
        return minute >= startMinute() && minute < endMinute();
    }

    /**
     * Reads {@code HH:mm-HH:mm}, or one of {@code morning}, {@code afternoon}, {@code evening}.
     *
     * @throws InvalidInputException naming {@code field} when the text is neither
     */
    public static TimeWindow parse(String text, String field) {
        String value = text == null ? "" : text.trim().toLowerCase(java.util.Locale.ROOT);
        switch (value) {
            case "morning": return MORNING;
            case "afternoon": return AFTERNOON;
            case "evening": return EVENING;
            default: break;
        }
        int dash = value.indexOf('-');
        if (dash < 0) {
            throw new InvalidInputException(field,
                    Quoted.of(text) + " is not morning, afternoon, evening or a range like 08:00-12:30");
        }
        try {
            return new TimeWindow(LocalTime.parse(value.substring(0, dash).trim()),
                    LocalTime.parse(value.substring(dash + 1).trim()));
        } catch (java.time.format.DateTimeParseException e) {
            throw new InvalidInputException(field, Quoted.of(text) + " is not a range like 08:00-12:30");
        } catch (InvalidInputException e) {
            throw new InvalidInputException(field, e.reason());
        }
    }

    @Override
    public String toString() {
        return start + "-" + end;
    }

    private static int startMinute(LocalTime t) {
        return t.getHour() * 60 + t.getMinute();
    }

    private static int endMinute(LocalTime t) {
        int minute = t.getHour() * 60 + t.getMinute();
        return minute == 0 ? 24 * 60 : minute;
    }
}
