package org.slotbridge.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.slotbridge.engine.Fixtures.EVERY_DAY;
import static org.slotbridge.engine.Fixtures.NEW_YORK;
import static org.slotbridge.engine.Fixtures.day;
import static org.slotbridge.engine.Fixtures.hours;
import static org.slotbridge.engine.Fixtures.instants;
import static org.slotbridge.engine.Fixtures.reason;
import static org.slotbridge.engine.Fixtures.schedule;
import static org.slotbridge.engine.Fixtures.starts;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.slotbridge.api.Opening;
import org.slotbridge.api.Reason;

/** Daylight-saving changes and zones whose offsets are not whole hours. */
class OpeningFinderTimeZoneTest {

    /** 02:00 EST jumps to 03:00 EDT (07:00Z). */
    private static final LocalDate SPRING_FORWARD = LocalDate.of(2026, 3, 8);
    /** 02:00 EDT falls back to 01:00 EST (06:00Z), so 01:00-01:59 happens twice. */
    private static final LocalDate FALL_BACK = LocalDate.of(2026, 11, 1);
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    private final OpeningFinder finder = new OpeningFinder();

    /** No notice, and a horizon that reaches November from January. */
    private static SearchRules rules(int gridMinutes) {
        return new SearchRules(Duration.ofMinutes(gridMinutes), Duration.ZERO, 366);
    }

    @Test
    void springForwardSkipsMissingStartsAndCountsRealTime() {
        ScheduleSnapshot schedule = schedule(NEW_YORK, hours("SMITH", EVERY_DAY, "00:00-05:00"));

        List<Opening> found = finder.find(schedule, reason(60), day(SPRING_FORWARD), NOW, rules(30));

        // 02:00 and 02:30 do not exist. 01:30 EST runs 60 real minutes to 03:30 EDT. 04:30 would end after 05:00.
        assertEquals(instants("2026-03-08T05:00:00Z", "2026-03-08T05:30:00Z", "2026-03-08T06:00:00Z",
                "2026-03-08T06:30:00Z", "2026-03-08T07:00:00Z", "2026-03-08T07:30:00Z", "2026-03-08T08:00:00Z"),
                starts(found));
        assertTrue(found.stream().allMatch(o -> Duration.between(o.start(), o.end()).equals(Duration.ofHours(1))));
    }

    @Test
    void springForwardWindowEndingInTheGapEndsWithTheJump() {
        ScheduleSnapshot schedule = schedule(NEW_YORK, hours("SMITH", EVERY_DAY, "00:00-02:00", "02:30-04:00"));

        List<Opening> found = finder.find(schedule, reason(60), day(SPRING_FORWARD), NOW, rules(30));

        // 01:00 EST ends at 07:00Z, the instant the clock jumps past 02:00; the second window starts
        // in the gap, so its first real start is 03:00 EDT.
        assertEquals(instants("2026-03-08T05:00:00Z", "2026-03-08T05:30:00Z", "2026-03-08T06:00:00Z",
                "2026-03-08T07:00:00Z"), starts(found));
    }

    @Test
    void fallBackOffersRepeatedTimesTwice() {
        ScheduleSnapshot schedule = schedule(NEW_YORK, hours("SMITH", EVERY_DAY, "00:00-03:00"));

        List<Opening> found = finder.find(schedule, reason(30), day(FALL_BACK), NOW, rules(30));

        // 01:00 and 01:30 come once in EDT (05:00Z, 05:30Z) and once in EST (06:00Z, 06:30Z).
        assertEquals(instants("2026-11-01T04:00:00Z", "2026-11-01T04:30:00Z", "2026-11-01T05:00:00Z",
                "2026-11-01T05:30:00Z", "2026-11-01T06:00:00Z", "2026-11-01T06:30:00Z", "2026-11-01T07:00:00Z",
                "2026-11-01T07:30:00Z"), starts(found));
    }

    @Test
    void fallBackVisitAcrossTheChangeLastsItsRealDuration() {
        ScheduleSnapshot schedule = schedule(NEW_YORK, hours("SMITH", EVERY_DAY, "01:30-02:30"));

        List<Opening> found = finder.find(schedule, reason(60), day(FALL_BACK), NOW, rules(30));

        // 01:30 EDT to 01:30 EST would pass through 01:00-01:29 EST, outside the window. 01:30 EST to 02:30 EST fits.
        assertEquals(List.of(new Opening("checkup", "SMITH", null, Instant.parse("2026-11-01T06:30:00Z"),
                Instant.parse("2026-11-01T07:30:00Z"))), found);
    }

    @Test
    void fallBackWindowEndingInTheOverlapHoldsBothPasses() {
        ScheduleSnapshot schedule = schedule(NEW_YORK, hours("SMITH", EVERY_DAY, "00:00-01:30"));

        assertEquals(instants("2026-11-01T04:00:00Z", "2026-11-01T04:30:00Z", "2026-11-01T05:00:00Z",
                "2026-11-01T06:00:00Z"), starts(finder.find(schedule, reason(30), day(FALL_BACK), NOW, rules(30))));
        // An hour from 01:00 EDT or EST would run past 01:29 on the clock.
        assertEquals(instants("2026-11-01T04:00:00Z", "2026-11-01T04:30:00Z"),
                starts(finder.find(schedule, reason(60), day(FALL_BACK), NOW, rules(30))));
    }

    @Test
    void fallBackVisitMayOutlastTheWallClockWindow() {
        ScheduleSnapshot schedule = schedule(NEW_YORK, hours("SMITH", EVERY_DAY, "00:00-02:00"));

        List<Opening> found = finder.find(schedule, reason(60), day(FALL_BACK), NOW, rules(30));

        // The window is two hours on the clock but three in real time: 01:30 EDT ends at 01:30 EST.
        assertEquals(instants("2026-11-01T04:00:00Z", "2026-11-01T04:30:00Z", "2026-11-01T05:00:00Z",
                "2026-11-01T05:30:00Z", "2026-11-01T06:00:00Z"), starts(found));
    }

    @Test
    void changeLateInTheLocalEvening() {
        // Nuuk changes at 01:00 UTC, which is late on Saturday evening there.
        ZoneId nuuk = ZoneId.of("America/Nuuk");
        // 2026-03-28 23:00 -02:00 jumps to Sunday 00:00 -01:00: Saturday 23:00-23:59 does not exist.
        ScheduleSnapshot spring = schedule(nuuk, hours("BERG", EVERY_DAY, "22:00-00:00"));
        assertEquals(instants("2026-03-29T00:00:00Z", "2026-03-29T00:30:00Z"),
                starts(finder.find(spring, reason(30), day(LocalDate.of(2026, 3, 28)), NOW, rules(30))));
        // 2026-10-25 00:00 -01:00 falls back to Saturday 23:00 -02:00: Saturday 23:00-23:59 happens twice,
        // and a visit from 23:30 -01:00 to 23:30 -02:00 stays on Saturday evening throughout.
        ScheduleSnapshot autumn = schedule(nuuk, hours("BERG", EVERY_DAY, "23:00-00:00"));
        assertEquals(instants("2026-10-25T00:00:00Z", "2026-10-25T00:30:00Z", "2026-10-25T01:00:00Z"),
                starts(finder.find(autumn, reason(60), day(LocalDate.of(2026, 10, 24)), NOW, rules(30))));
    }

    @Test
    void fallBackBothInstantsAreOffered() {
        ScheduleSnapshot schedule = schedule(NEW_YORK, hours("SMITH", EVERY_DAY, "01:00-02:00"));
        Reason reason = reason(30);

        List<Opening> found = finder.find(schedule, reason, day(FALL_BACK), NOW, rules(60));

        assertEquals(instants("2026-11-01T05:00:00Z", "2026-11-01T06:00:00Z"), starts(found));
        for (Opening opening : found) {
            assertTrue(finder.offers(schedule, reason, opening, NOW, rules(60)), opening::toString);
        }
    }

    @Test
    void halfHourZone() {
        ScheduleSnapshot schedule = schedule(ZoneId.of("Asia/Kolkata"), hours("RAO", EVERY_DAY, "09:00-10:00"));

        List<Opening> found = finder.find(schedule, reason(30), day(LocalDate.of(2026, 6, 15)), NOW, rules(30));

        assertEquals(instants("2026-06-15T03:30:00Z", "2026-06-15T04:00:00Z"), starts(found));
    }

    @Test
    void quarterHourZone() {
        ScheduleSnapshot schedule = schedule(ZoneId.of("Asia/Kathmandu"), hours("RAI", EVERY_DAY, "09:00-10:00"));

        List<Opening> found = finder.find(schedule, reason(30), day(LocalDate.of(2026, 6, 15)), NOW, rules(30));

        assertEquals(instants("2026-06-15T03:15:00Z", "2026-06-15T03:45:00Z"), starts(found));
    }

    @Test
    void quarterHourGapWhenKathmanduMovedToPlus0545() {
        // On 1986-01-01 the clock went from 00:00 +05:30 straight to 00:15 +05:45.
        ScheduleSnapshot schedule = schedule(ZoneId.of("Asia/Kathmandu"), hours("RAI", EVERY_DAY, "00:00-01:00"));
        Instant now = Instant.parse("1985-12-01T00:00:00Z");

        List<Opening> found = finder.find(schedule, reason(15), day(LocalDate.of(1986, 1, 1)), now, rules(5));

        assertEquals(Instant.parse("1985-12-31T18:30:00Z"), found.get(0).start());
        assertEquals(Instant.parse("1985-12-31T19:00:00Z"), found.get(found.size() - 1).start());
        assertEquals(7, found.size());
    }

    @Test
    void halfHourDaylightSavingOnLordHowe() {
        // 2026-04-05 02:00 +11:00 falls back to 01:30 +10:30: 01:30-01:59 happens twice.
        ScheduleSnapshot schedule = schedule(ZoneId.of("Australia/Lord_Howe"), hours("KING", EVERY_DAY, "01:00-03:00"));

        List<Opening> found = finder.find(schedule, reason(30), day(LocalDate.of(2026, 4, 5)), NOW, rules(30));

        assertEquals(instants("2026-04-04T14:00:00Z", "2026-04-04T14:30:00Z", "2026-04-04T15:00:00Z",
                "2026-04-04T15:30:00Z", "2026-04-04T16:00:00Z"), starts(found));
    }
}
