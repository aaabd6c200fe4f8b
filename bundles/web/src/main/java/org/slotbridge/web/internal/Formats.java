package org.slotbridge.web.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Dates and times as clients read them, in the practice's zone: "Monday 7 December, 09:00". A local
 * time that happens twice on the day clocks go back carries its offset, so the two are told apart.
 */
final class Formats {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM", Locale.ENGLISH);
    private static final DateTimeFormatter DAY_AND_YEAR =
            DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

    private final ZoneId zone;
    private final LocalDate today;

    /** Formats for {@code zone}; a date outside the year of {@code today} also shows its year. */
    Formats(ZoneId zone, LocalDate today) {
        this.zone = zone;
        this.today = today;
    }

    ZoneId zone() {
        return zone;
    }

    LocalDate date(Instant instant) {
        return instant.atZone(zone).toLocalDate();
    }

    /** "Monday 7 December", with the year when it is not this year. */
    String day(LocalDate date) {
        return (date.getYear() == today.getYear() ? DAY : DAY_AND_YEAR).format(date);
    }

    /** "09:00", or "01:30 (UTC-04:00)" when that local time happens twice that day. */
    String time(Instant instant) {
        ZonedDateTime local = instant.atZone(zone);
        String time = TIME.format(local);
        if (isAmbiguous(local.toLocalDateTime())) {
            ZoneOffset offset = local.getOffset();
            time += " (UTC" + (offset.equals(ZoneOffset.UTC) ? "" : offset.getId()) + ")";
        }
        return time;
    }

    /** "Monday 7 December, 09:00". */
    String dateTime(Instant instant) {
        return day(date(instant)) + ", " + time(instant);
    }

    private boolean isAmbiguous(LocalDateTime local) {
        return zone.getRules().getValidOffsets(local).size() > 1;
    }
}
