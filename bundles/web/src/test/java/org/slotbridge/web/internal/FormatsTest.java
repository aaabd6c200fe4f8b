package org.slotbridge.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

class FormatsTest {

    private final Formats newYork = new Formats(Fakes.NEW_YORK, LocalDate.of(2026, 12, 3));

    @Test
    void datesAndTimesReadTheWayPeopleSayThem() {
        assertEquals("Monday 7 December, 09:00", newYork.dateTime(Instant.parse("2026-12-07T14:00:00Z")));
        assertEquals("Tuesday 5 January 2027", newYork.day(LocalDate.of(2027, 1, 5)));
        assertEquals(LocalDate.of(2026, 12, 7), newYork.date(Instant.parse("2026-12-08T02:00:00Z")));
    }

    @Test
    void onlyATimeThatHappensTwiceCarriesItsOffset() {
        assertEquals("01:30 (UTC-04:00)", newYork.time(Instant.parse("2026-11-01T05:30:00Z")));
        assertEquals("01:30 (UTC-05:00)", newYork.time(Instant.parse("2026-11-01T06:30:00Z")));
        assertEquals("03:00", newYork.time(Instant.parse("2026-11-01T08:00:00Z")));
        // the spring gap has no duplicate: the time after it reads plainly
        assertEquals("03:00", newYork.time(Instant.parse("2026-03-08T07:00:00Z")));
        Formats london = new Formats(ZoneId.of("Europe/London"), LocalDate.of(2026, 10, 1));
        assertEquals("01:30 (UTC+01:00)", london.time(Instant.parse("2026-10-25T00:30:00Z")));
        assertEquals("01:30 (UTC)", london.time(Instant.parse("2026-10-25T01:30:00Z")));
    }
}
