package org.slotbridge.engine.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.zone.ZoneRules;

import org.junit.jupiter.api.Test;

class DayClockTest {

    private static final ZoneRules NEW_YORK = ZoneId.of("America/New_York").getRules();

    private static long second(String instant) {
        return Instant.parse(instant).getEpochSecond();
    }

    @Test
    void ordinaryDateHasOneInstantPerMinute() {
        DayClock clock = DayClock.of(NEW_YORK, LocalDate.of(2026, 6, 15));

        assertTrue(clock.isSteady());
        assertArrayEquals(new long[] {second("2026-06-15T13:30:00Z")}, clock.instantsAt(9 * 60 + 30));
        assertEquals(second("2026-06-15T13:30:00Z"), clock.steadyInstantAt(9 * 60 + 30));
        assertEquals(second("2026-06-16T03:59:00Z"), clock.steadyInstantAt(23 * 60 + 59));
    }

    @Test
    void springForwardGapHasNoInstant() {
        DayClock clock = DayClock.of(NEW_YORK, LocalDate.of(2026, 3, 8));

        assertFalse(clock.isSteady());
        assertArrayEquals(new long[] {second("2026-03-08T06:59:00Z")}, clock.instantsAt(60 + 59));
        assertArrayEquals(new long[0], clock.instantsAt(2 * 60));
        assertArrayEquals(new long[0], clock.instantsAt(2 * 60 + 59));
        assertArrayEquals(new long[] {second("2026-03-08T07:00:00Z")}, clock.instantsAt(3 * 60));
    }

    @Test
    void fallBackOverlapHasTwoInstantsEarliestFirst() {
        DayClock clock = DayClock.of(NEW_YORK, LocalDate.of(2026, 11, 1));

        assertArrayEquals(new long[] {second("2026-11-01T05:30:00Z"), second("2026-11-01T06:30:00Z")},
                clock.instantsAt(60 + 30));
        assertArrayEquals(new long[] {second("2026-11-01T07:00:00Z")}, clock.instantsAt(2 * 60));
    }

    @Test
    void keepsWithinFollowsTheClockAcrossAChange() {
        DayClock fall = DayClock.of(NEW_YORK, LocalDate.of(2026, 11, 1));
        // 01:30 EDT to 01:30 EST passes 01:00-01:29 EST: inside 01:00-02:00, outside 01:30-02:30.
        long start = second("2026-11-01T05:30:00Z");
        assertTrue(fall.keepsWithin(start, start + 3600, 60, 120));
        assertFalse(fall.keepsWithin(start, start + 3600, 90, 150));

        DayClock spring = DayClock.of(NEW_YORK, LocalDate.of(2026, 3, 8));
        // 01:30 EST for an hour shows 01:30-01:59 and 03:00-03:29: beyond a window ending at 03:00.
        long early = second("2026-03-08T06:30:00Z");
        assertTrue(spring.keepsWithin(early, early + 3600, 60, 4 * 60));
        assertFalse(spring.keepsWithin(early, early + 3600, 60, 3 * 60));
        // The end instant itself may show any time: 01:00 EST to 07:00Z ends as the clock jumps.
        long one = second("2026-03-08T06:00:00Z");
        assertTrue(spring.keepsWithin(one, one + 3600, 0, 2 * 60));
    }

    @Test
    void keepsWithinEndsAtMidnightOfTheDate() {
        DayClock clock = DayClock.of(NEW_YORK, LocalDate.of(2026, 6, 15));
        long late = second("2026-06-16T03:00:00Z"); // 23:00

        assertTrue(clock.keepsWithin(late, late + 3600, 22 * 60, 24 * 60));
        assertFalse(clock.keepsWithin(late + 60, late + 3660, 22 * 60, 24 * 60));
    }
}
