package org.slotbridge.connector.hl7v2.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.slotbridge.api.InvalidInputException;

class Hl7TimeTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @Test
    void offsetInTheValueWins() {
        assertEquals(OffsetDateTime.parse("2026-03-05T09:30-05:00").toInstant(),
                Hl7Time.instant("TQ1-7", "20260305093000-0500", ZoneId.of("Asia/Tokyo")));
        assertEquals(OffsetDateTime.parse("2021-09-24T09:30+02:15").toInstant(),
                Hl7Time.instant("TQ1-7", "202109240930+0215", NEW_YORK));
    }

    @Test
    void withoutOffsetThePracticeZoneIsUsedWithItsDaylightTime() {
        assertEquals(Instant.parse("2026-01-15T14:30:00Z"), Hl7Time.instant("AIS-4", "202601150930", NEW_YORK));
        assertEquals(Instant.parse("2026-07-15T13:30:00Z"), Hl7Time.instant("AIS-4", "202607150930", NEW_YORK));
    }

    @Test
    void localTimeInTheSpringGapMovesForward() {
        // 2026-03-08 02:30 does not exist in New York; it is read as 03:30 daylight time
        assertEquals(OffsetDateTime.parse("2026-03-08T03:30-04:00").toInstant(),
                Hl7Time.instant("AIS-4", "202603080230", NEW_YORK));
    }

    @Test
    void fractionsOfSecondsAreKept() {
        assertEquals(Instant.parse("2021-08-17T13:19:43.400Z"),
                Hl7Time.instant("EVN-6", "20210817151943.4+0200", NEW_YORK));
    }

    @Test
    void aDateWithoutTimeOfDayIsNoStart() {
        assertFalse(Hl7Time.hasTimeOfDay("20220429"));
        assertFalse(Hl7Time.hasTimeOfDay("2022042911"));
        assertTrue(Hl7Time.hasTimeOfDay("202204291110"));
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> Hl7Time.instant("SCH-11", "20220429", NEW_YORK));
        assertEquals("SCH-11", e.field());
        assertEquals("'20220429' has a date but no time of day", e.reason());
    }

    @Test
    void malformedValuesAreRefusedWithTheirField() {
        assertEquals("TQ1-7", assertThrows(InvalidInputException.class,
                () -> Hl7Time.instant("TQ1-7", "2026-03-05T09:30", NEW_YORK)).field());
        assertEquals("'202613050930' is not a valid date/time", assertThrows(InvalidInputException.class,
                () -> Hl7Time.instant("TQ1-7", "202613050930", NEW_YORK)).reason());
        assertThrows(InvalidInputException.class, () -> Hl7Time.instant("TQ1-7", "202603050930+2500", NEW_YORK));
    }

    @Test
    void datesKeepTheirWrittenDay() {
        assertEquals(LocalDate.of(1988, 8, 18), Hl7Time.date("PID-7", "198808181126+0215"));
        assertEquals(LocalDate.of(1983, 2, 15), Hl7Time.date("PID-7", "19830215"));
        assertThrows(InvalidInputException.class, () -> Hl7Time.date("PID-7", "1983"));
    }

    @Test
    void writtenTimestampsCarryTheOffset() {
        assertEquals("20260305093000-0500", Hl7Time.format(Instant.parse("2026-03-05T14:30:00Z"), NEW_YORK));
        assertEquals("20260705093000-0400", Hl7Time.format(Instant.parse("2026-07-05T13:30:00Z"), NEW_YORK));
    }

    @Test
    void durationsAcceptTheCommonUnitSpellings() {
        assertEquals(Duration.ofMinutes(90), Hl7Time.duration("SCH-9", "90", "MIN"));
        assertEquals(Duration.ofMinutes(70), Hl7Time.duration("SCH-9", "70", "Min"));
        assertEquals(Duration.ofMinutes(50), Hl7Time.duration("AIS-7", "50", "min"));
        assertEquals(Duration.ofSeconds(60), Hl7Time.duration("SCH-9", "60", "s"));
        assertEquals(Duration.ofMinutes(90), Hl7Time.duration("SCH-9", "1.5", "H"));
        assertEquals(Duration.ofMinutes(30), Hl7Time.duration("SCH-9", "30", null));
    }

    @Test
    void badDurationsNameTheirField() {
        InvalidInputException unit = assertThrows(InvalidInputException.class,
                () -> Hl7Time.duration("SCH-9", "30", "FORTNIGHT"));
        assertEquals("SCH-10", unit.field());
        assertEquals("SCH-9", assertThrows(InvalidInputException.class,
                () -> Hl7Time.duration("SCH-9", "half", "MIN")).field());
        assertEquals("AIS-7", assertThrows(InvalidInputException.class,
                () -> Hl7Time.duration("AIS-7", "0", "MIN")).field());
    }

    @Test
    void timingQuantityDurationCodes() {
        assertEquals(Duration.ofMinutes(30), Hl7Time.tqDuration("M30"));
        assertEquals(Duration.ofHours(2), Hl7Time.tqDuration("h2"));
        assertEquals(Duration.ofSeconds(45), Hl7Time.tqDuration("S45"));
        assertNull(Hl7Time.tqDuration("2 hours"));
        assertNull(Hl7Time.tqDuration("INDEF"));
        assertNull(Hl7Time.tqDuration("M0"));
    }
}
