package org.slotbridge.engine.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.slotbridge.api.TimeWindow;

/**
 * Times for the staff's explanations, in the practice's zone: the time alone on the date being
 * explained, with its date otherwise, and with its offset on a date whose offset changes, where a
 * time alone can mean two instants.
 */
final class Words {

    private final ZoneId zone;
    private final LocalDate date;
    private final boolean steady;
    private final int unitSeconds;

    Words(ZoneId zone, LocalDate date, boolean steady, int unitSeconds) {
        this.zone = zone;
        this.date = date;
        this.steady = steady;
        this.unitSeconds = unitSeconds;
    }

    String time(Instant instant) {
        ZonedDateTime local = instant.atZone(zone);
        String text = String.format(Locale.ROOT, "%02d:%02d", local.getHour(), local.getMinute());
        if (local.getSecond() != 0 || local.getNano() != 0) {
            text += String.format(Locale.ROOT, ":%02d", local.getSecond());
        }
        if (!local.toLocalDate().equals(date)) {
            text = local.toLocalDate() + " " + text;
        }
        return steady ? text : text + " " + local.getOffset();
    }

    String time(long epochSecond) {
        return time(Instant.ofEpochSecond(epochSecond));
    }

    /** "from 09:00 to 09:45" for a span of units. */
    String units(long fromUnit, long toUnit) {
        return "from " + time(fromUnit * unitSeconds) + " to " + time(toUnit * unitSeconds);
    }

    /** "from 09:00 to 09:45 and from 11:00 to 11:30" for spans of units. */
    String spans(List<Span> spans) {
        return spans.stream().map(s -> units(s.from(), s.to())).collect(Collectors.joining(" and "));
    }

    static String minute(int minute) {
        return String.format(Locale.ROOT, "%02d:%02d", minute / 60, minute % 60);
    }

    static String windows(List<TimeWindow> windows) {
        return windows.stream().map(TimeWindow::toString).collect(Collectors.joining(", "));
    }
}
