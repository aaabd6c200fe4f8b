package org.slotbridge.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.slotbridge.engine.Fixtures.EVERY_DAY;
import static org.slotbridge.engine.Fixtures.NEW_YORK;
import static org.slotbridge.engine.Fixtures.checkup;
import static org.slotbridge.engine.Fixtures.day;
import static org.slotbridge.engine.Fixtures.hours;
import static org.slotbridge.engine.Fixtures.instants;
import static org.slotbridge.engine.Fixtures.starts;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.slotbridge.api.Opening;
import org.slotbridge.engine.Fixtures.Clinic;

/** Daylight-saving changes and zones whose offsets are not whole hours. */
class OpeningFinderTimeZoneTest {

    /** 02:00 EST jumps to 03:00 EDT (07:00Z). */
    private static final LocalDate SPRING_FORWARD = LocalDate.of(2026, 3, 8);
    /** 02:00 EDT falls back to 01:00 EST (06:00Z), so 01:00-01:59 happens twice. */
    private static final LocalDate FALL_BACK = LocalDate.of(2026, 11, 1);
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    private final OpeningFinder finder = new OpeningFinder();

    /** No notice, and a horizon that reaches November from January. */
    private static Clinic clinic(ZoneId zone, int gridMinutes, int visitMinutes, String... windows) {
        return Clinic.in(zone).grid(gridMinutes).hours(hours("SMITH", EVERY_DAY, windows))
                .reason(checkup(visitMinutes));
    }

    private List<Opening> find(Clinic clinic, LocalDate date) {
        return finder.find(clinic.schedule(NOW), "checkup", day(date), NOW);
    }

    @Test
    void springForwardSkipsMissingStartsAndCountsRealTime() {
        List<Opening> found = find(clinic(NEW_YORK, 30, 60, "00:00-05:00"), SPRING_FORWARD);

        // 02:00 and 02:30 do not exist. 01:30 EST runs 60 real minutes to 03:30 EDT. 04:30 would end after 05:00.
        assertEquals(instants("2026-03-08T05:00:00Z", "2026-03-08T05:30:00Z", "2026-03-08T06:00:00Z",
                "2026-03-08T06:30:00Z", "2026-03-08T07:00:00Z", "2026-03-08T07:30:00Z", "2026-03-08T08:00:00Z"),
                starts(found));
        assertTrue(found.stream().allMatch(o -> Duration.between(o.start(), o.end()).equals(Duration.ofHours(1))));
    }

    @Test
    void springForwardWindowEndingInTheGapEndsWithTheJump() {
        List<Opening> found = find(clinic(NEW_YORK, 30, 60, "00:00-02:00", "02:30-04:00"), SPRING_FORWARD);

        // 01:00 EST ends at 07:00Z, the instant the clock jumps past 02:00; the second window starts
        // in the gap, so its first real start is 03:00 EDT.
        assertEquals(instants("2026-03-08T05:00:00Z", "2026-03-08T05:30:00Z", "2026-03-08T06:00:00Z",
                "2026-03-08T07:00:00Z"), starts(found));
    }

    @Test
    void fallBackOffersRepeatedTimesTwice() {
        List<Opening> found = find(clinic(NEW_YORK, 30, 30, "00:00-03:00"), FALL_BACK);

        // 01:00 and 01:30 come once in EDT (05:00Z, 05:30Z) and once in EST (06:00Z, 06:30Z).
        assertEquals(instants("2026-11-01T04:00:00Z", "2026-11-01T04:30:00Z", "2026-11-01T05:00:00Z",
                "2026-11-01T05:30:00Z", "2026-11-01T06:00:00Z", "2026-11-01T06:30:00Z", "2026-11-01T07:00:00Z",
                "2026-11-01T07:30:00Z"), starts(found));
    }

    @Test
    void fallBackVisitAcrossTheChangeLastsItsRealDuration() {
        List<Opening> found = find(clinic(NEW_YORK, 30, 60, "01:30-02:30"), FALL_BACK);

        // 01:30 EDT to 01:30 EST would pass through 01:00-01:29 EST, outside the window. 01:30 EST to 02:30 EST fits.
        assertEquals(List.of(new Opening("checkup", "SMITH", null, Instant.parse("2026-11-01T06:30:00Z"),
                Instant.parse("2026-11-01T07:30:00Z"))), found);
    }

    @Test
    void fallBackWindowEndingInTheOverlapHoldsBothPasses() {
        assertEquals(instants("2026-11-01T04:00:00Z", "2026-11-01T04:30:00Z", "2026-11-01T05:00:00Z",
                "2026-11-01T06:00:00Z"), starts(find(clinic(NEW_YORK, 30, 30, "00:00-01:30"), FALL_BACK)));
        // An hour from 01:00 EDT or EST would run past 01:29 on the clock.
        assertEquals(instants("2026-11-01T04:00:00Z", "2026-11-01T04:30:00Z"),
                starts(find(clinic(NEW_YORK, 30, 60, "00:00-01:30"), FALL_BACK)));
    }

    @Test
    void fallBackVisitMayOutlastTheWallClockWindow() {
        List<Opening> found = find(clinic(NEW_YORK, 30, 60, "00:00-02:00"), FALL_BACK);

        // The window is two hours on the clock but three in real time: 01:30 EDT ends at 01:30 EST.
        assertEquals(instants("2026-11-01T04:00:00Z", "2026-11-01T04:30:00Z", "2026-11-01T05:00:00Z",
                "2026-11-01T05:30:00Z", "2026-11-01T06:00:00Z"), starts(found));
    }

    @Test
    void changeLateInTheLocalEvening() {
        // Nuuk changes at 01:00 UTC, which is late on Saturday evening there.
        ZoneId nuuk = ZoneId.of("America/Nuuk");
        // 2026-03-28 23:00 -02:00 jumps to Sunday 00:00 -01:00: Saturday 23:00-23:59 does not exist.
        assertEquals(instants("2026-03-29T00:00:00Z", "2026-03-29T00:30:00Z"),
                starts(find(clinic(nuuk, 30, 30, "22:00-00:00"), LocalDate.of(2026, 3, 28))));
        // 2026-10-25 00:00 -01:00 falls back to Saturday 23:00 -02:00: Saturday 23:00-23:59 happens twice,
        // and a visit from 23:30 -01:00 to 23:30 -02:00 stays on Saturday evening throughout.
        assertEquals(instants("2026-10-25T00:00:00Z", "2026-10-25T00:30:00Z", "2026-10-25T01:00:00Z"),
                starts(find(clinic(nuuk, 30, 60, "23:00-00:00"), LocalDate.of(2026, 10, 24))));
    }

    @Test
    void springForwardAtMidnightRemovesTheFirstHourOfTheDay() {
        // Santiago: Sunday 2026-09-06 00:00 -04:00 jumps to 01:00 -03:00 (04:00Z).
        ZoneId santiago = ZoneId.of("America/Santiago");

        assertEquals(instants("2026-09-06T04:00:00Z", "2026-09-06T04:30:00Z"),
                starts(find(clinic(santiago, 30, 30, "00:00-02:00"), LocalDate.of(2026, 9, 6))));
        // Saturday evening is ordinary: its last visit ends at 04:00Z, when the clock shows Sunday 01:00.
        assertEquals(instants("2026-09-06T02:00:00Z", "2026-09-06T02:30:00Z", "2026-09-06T03:00:00Z",
                "2026-09-06T03:30:00Z"),
                starts(find(clinic(santiago, 30, 30, "22:00-00:00"), LocalDate.of(2026, 9, 5))));
    }

    @Test
    void fallBackAtMidnightRepeatsTheLastHourOfTheDayBefore() {
        // Santiago: Sunday 2026-04-05 00:00 -03:00 falls back to Saturday 23:00 -04:00 (03:00Z).
        ZoneId santiago = ZoneId.of("America/Santiago");

        // Saturday: 22:00, 22:30, 23:00 and 23:30 -03:00, then 23:00 -04:00; 23:30 -04:00 would run into
        // Sunday. 23:30 -03:00 runs on to 23:30 -04:00, still Saturday evening.
        assertEquals(instants("2026-04-05T01:00:00Z", "2026-04-05T01:30:00Z", "2026-04-05T02:00:00Z",
                "2026-04-05T02:30:00Z", "2026-04-05T03:00:00Z"),
                starts(find(clinic(santiago, 30, 60, "22:00-00:00"), LocalDate.of(2026, 4, 4))));
        // Sunday 00:00 first shows at 04:00Z; 00:30 would end after the window.
        assertEquals(instants("2026-04-05T04:00:00Z"),
                starts(find(clinic(santiago, 30, 60, "00:00-01:00"), LocalDate.of(2026, 4, 5))));
    }

    @Test
    void fallBackBothInstantsAreOffered() {
        Clinic clinic = clinic(NEW_YORK, 60, 30, "01:00-02:00");
        Schedule schedule = clinic.schedule(NOW);

        List<Opening> found = finder.find(schedule, "checkup", day(FALL_BACK), NOW);

        assertEquals(instants("2026-11-01T05:00:00Z", "2026-11-01T06:00:00Z"), starts(found));
        for (Opening opening : found) {
            assertTrue(finder.offers(schedule, opening, NOW), opening::toString);
        }
    }

    @Test
    void halfHourZone() {
        List<Opening> found = find(clinic(ZoneId.of("Asia/Kolkata"), 30, 30, "09:00-10:00"), LocalDate.of(2026, 6, 15));

        assertEquals(instants("2026-06-15T03:30:00Z", "2026-06-15T04:00:00Z"), starts(found));
    }

    @Test
    void quarterHourZone() {
        List<Opening> found = find(clinic(ZoneId.of("Asia/Kathmandu"), 30, 30, "09:00-10:00"),
                LocalDate.of(2026, 6, 15));

        assertEquals(instants("2026-06-15T03:15:00Z", "2026-06-15T03:45:00Z"), starts(found));
    }

    @Test
    void quarterHourGapWhenKathmanduMovedToPlus0545() {
        // On 1986-01-01 the clock went from 00:00 +05:30 straight to 00:15 +05:45.
        Clinic clinic = clinic(ZoneId.of("Asia/Kathmandu"), 5, 15, "00:00-01:00");
        Instant now = Instant.parse("1985-12-01T00:00:00Z");

        List<Opening> found = finder.find(clinic.schedule(now), "checkup", day(LocalDate.of(1986, 1, 1)), now);

        assertEquals(Instant.parse("1985-12-31T18:30:00Z"), found.get(0).start());
        assertEquals(Instant.parse("1985-12-31T19:00:00Z"), found.get(found.size() - 1).start());
        assertEquals(7, found.size());
    }

    @Test
    void quarterHourUnitsInKathmanduLineUpWithUtc() {
        // With 15-minute units, 09:15 +05:45 is 03:30Z, a whole UTC unit; a busy 03:30Z-03:45Z takes 09:15-09:30.
        Clinic clinic = clinic(ZoneId.of("Asia/Kathmandu"), 15, 15, "09:00-10:00").unit(15)
                .appointment("SMITH", null, "2026-06-15T03:30:00Z", "2026-06-15T03:45:00Z");

        assertEquals(instants("2026-06-15T03:15:00Z", "2026-06-15T03:45:00Z", "2026-06-15T04:00:00Z"),
                starts(find(clinic, LocalDate.of(2026, 6, 15))));
    }

    @Test
    void halfHourDaylightSavingOnLordHowe() {
        // 2026-04-05 02:00 +11:00 falls back to 01:30 +10:30: 01:30-01:59 happens twice.
        List<Opening> found = find(clinic(ZoneId.of("Australia/Lord_Howe"), 30, 30, "01:00-03:00"),
                LocalDate.of(2026, 4, 5));

        assertEquals(instants("2026-04-04T14:00:00Z", "2026-04-04T14:30:00Z", "2026-04-04T15:00:00Z",
                "2026-04-04T15:30:00Z", "2026-04-04T16:00:00Z"), starts(found));
    }

    @Test
    void chathamIslandsOffsetOfTwelveFortyFive() {
        // Chatham is +12:45 in its winter: 09:00 local is 20:15Z the day before.
        List<Opening> found = find(clinic(ZoneId.of("Pacific/Chatham"), 30, 30, "09:00-10:00"),
                LocalDate.of(2026, 6, 15));

        assertEquals(instants("2026-06-14T20:15:00Z", "2026-06-14T20:45:00Z"), starts(found));
    }
}
