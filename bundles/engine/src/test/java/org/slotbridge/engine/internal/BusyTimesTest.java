package org.slotbridge.engine.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.slotbridge.engine.Interval;

class BusyTimesTest {

    private static final long BASE = 1_800_000_000L;
    private static final long FROM = BASE;
    private static final long TO = BASE + 1000;

    @Test
    void longIntervalHidesBehindLaterShortOnes() {
        // Sorted by start, 10-100 comes first and covers 20-30 and 40-50: 60-70 must still be seen busy.
        BusyTimes busy = BusyTimes.of(List.of(span(40, 50), span(10, 100), span(20, 30)), FROM, TO);

        assertFalse(busy.isFree(BASE + 60, BASE + 70));
        assertTrue(busy.isFree(BASE + 100, BASE + 110));
        assertTrue(busy.isFree(BASE, BASE + 10));
    }

    @Test
    void touchingIsNotOverlapping() {
        BusyTimes busy = BusyTimes.of(List.of(span(10, 20), span(20, 30), span(50, 60)), FROM, TO);

        assertTrue(busy.isFree(BASE + 30, BASE + 50));
        assertFalse(busy.isFree(BASE + 29, BASE + 31));
        assertFalse(busy.isFree(BASE + 59, BASE + 70));
        assertFalse(busy.isFree(FROM, TO));
    }

    @Test
    void partSecondsCountAsBusy() {
        Instant start = Instant.ofEpochSecond(BASE + 10, 500_000_000);
        Instant end = Instant.ofEpochSecond(BASE + 20, 1);
        BusyTimes busy = BusyTimes.of(List.of(new Interval(start, end)), FROM, TO);

        assertTrue(busy.isFree(BASE, BASE + 10));
        assertFalse(busy.isFree(BASE, BASE + 11));
        assertFalse(busy.isFree(BASE + 20, BASE + 30));
        assertTrue(busy.isFree(BASE + 21, BASE + 30));
    }

    @Test
    void intervalsOutsideTheSpanOfInterestAreDropped() {
        BusyTimes busy = BusyTimes.of(List.of(span(2000, 3000)), FROM, TO);

        assertTrue(busy.isFree(BASE + 2500, BASE + 2600));
        assertTrue(BusyTimes.of(null, FROM, TO).isFree(FROM, TO));
    }

    private static Interval span(long start, long end) {
        return new Interval(Instant.ofEpochSecond(BASE + start), Instant.ofEpochSecond(BASE + end));
    }
}
