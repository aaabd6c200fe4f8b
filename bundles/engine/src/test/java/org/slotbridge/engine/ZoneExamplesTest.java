package org.slotbridge.engine;

import static org.slotbridge.engine.ReferencePractice.EVERY_DAY;
import static org.slotbridge.engine.ReferencePractice.at;
import static org.slotbridge.engine.ReferencePractice.dates;
import static org.slotbridge.engine.ReferencePractice.instants;
import static org.slotbridge.engine.ReferencePractice.reason;
import static org.slotbridge.engine.RuleExamplesTest.opening;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.slotbridge.api.Preferences;
import org.slotbridge.api.Timing;

/**
 * Openings across changes of offset, in zones chosen for how their clocks change, with the instants
 * worked out by hand from the tzdb rules of each zone (each written with the offset in force then).
 */
class ZoneExamplesTest {

    private static ReferencePractice practice(String zone, LocalDate date, int gridMinutes) {
        return new ReferencePractice(zone, date).grid(gridMinutes, Duration.ZERO);
    }

    private static Instant weekBefore(LocalDate date) {
        return date.minusDays(7).atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    private static Preferences day(LocalDate date) {
        return dates(date, date);
    }

    @Test
    void newYorkSpringGapHasNoHalfPastTwoAndAVisitMaySpanIt() {
        LocalDate date = LocalDate.of(2026, 3, 8); // 02:00 EST becomes 03:00 EDT
        ReferencePractice p = practice("America/New_York", date, 30).hours("A", EVERY_DAY, "00:00-06:00")
                .reason(reason("short", 30)).reason(reason("long", 60));

        p.assertStarts(instants("2026-03-08T00:00-05:00", "2026-03-08T00:30-05:00", "2026-03-08T01:00-05:00",
                "2026-03-08T01:30-05:00", "2026-03-08T03:00-04:00", "2026-03-08T03:30-04:00",
                "2026-03-08T04:00-04:00", "2026-03-08T04:30-04:00", "2026-03-08T05:00-04:00",
                "2026-03-08T05:30-04:00"), "short", day(date), weekBefore(date));
        p.assertStarts(instants("2026-03-08T00:00-05:00", "2026-03-08T00:30-05:00", "2026-03-08T01:00-05:00",
                "2026-03-08T01:30-05:00", "2026-03-08T03:00-04:00", "2026-03-08T03:30-04:00",
                "2026-03-08T04:00-04:00", "2026-03-08T04:30-04:00", "2026-03-08T05:00-04:00"),
                "long", day(date), weekBefore(date));
        // an hour of real time, from 01:30 EST to 03:30 EDT
        Preferences halfPastOne = new Preferences(date, date, Set.of(), ReferencePractice.windows("01:30-02:00"), null);
        p.assertFinds(List.of(opening("long", "A", null, "2026-03-08T01:30-05:00", "2026-03-08T03:30-04:00")),
                "long", halfPastOne, weekBefore(date));
    }

    @Test
    void newYorkFallOverlapOffersHalfPastOneTwice() {
        LocalDate date = LocalDate.of(2026, 11, 1); // 02:00 EDT becomes 01:00 EST
        ReferencePractice p = practice("America/New_York", date, 30).hours("A", EVERY_DAY, "00:00-04:00")
                .hours("B", EVERY_DAY, "01:00-02:00")
                .reason(reason("short", 30).providers("A")).reason(reason("long", 90).providers("B"));

        p.assertStarts(instants("2026-11-01T00:00-04:00", "2026-11-01T00:30-04:00", "2026-11-01T01:00-04:00",
                "2026-11-01T01:30-04:00", "2026-11-01T01:00-05:00", "2026-11-01T01:30-05:00",
                "2026-11-01T02:00-05:00", "2026-11-01T02:30-05:00", "2026-11-01T03:00-05:00",
                "2026-11-01T03:30-05:00"), "short", day(date), weekBefore(date));
        Preferences halfPastOne = new Preferences(date, date, Set.of(), ReferencePractice.windows("01:30-02:00"), null);
        p.assertFinds(List.of(
                opening("short", "A", null, "2026-11-01T01:30-04:00", "2026-11-01T01:00-05:00"),
                opening("short", "A", null, "2026-11-01T01:30-05:00", "2026-11-01T02:00-05:00")),
                "short", halfPastOne, weekBefore(date));
        // Ninety minutes fit in the window 01:00-02:00 while its hour happens twice, when starting in the first.
        p.assertFinds(List.of(
                opening("long", "B", null, "2026-11-01T01:00-04:00", "2026-11-01T01:30-05:00"),
                opening("long", "B", null, "2026-11-01T01:30-04:00", "2026-11-01T02:00-05:00")),
                "long", day(date), weekBefore(date));
        p.assertOffers(true, opening("short", "A", null, "2026-11-01T01:30-05:00", "2026-11-01T02:00-05:00"),
                weekBefore(date));
        p.assertOffers(false, opening("long", "B", null, "2026-11-01T01:00-05:00", "2026-11-01T02:30-05:00"),
                weekBefore(date));
    }

    @Test
    void londonSkipsOneAndRepeatsOne() {
        LocalDate spring = LocalDate.of(2026, 3, 29); // 01:00 GMT becomes 02:00 BST
        LocalDate fall = LocalDate.of(2026, 10, 25); // 02:00 BST becomes 01:00 GMT
        ReferencePractice p = practice("Europe/London", spring, 30).hours("A", EVERY_DAY, "00:00-03:00")
                .reason(reason("visit", 30));

        p.assertStarts(instants("2026-03-29T00:00Z", "2026-03-29T00:30Z", "2026-03-29T02:00+01:00",
                "2026-03-29T02:30+01:00"), "visit", day(spring), weekBefore(spring));
        p.assertStarts(instants("2026-10-25T00:00+01:00", "2026-10-25T00:30+01:00", "2026-10-25T01:00+01:00",
                "2026-10-25T01:30+01:00", "2026-10-25T01:00Z", "2026-10-25T01:30Z", "2026-10-25T02:00Z",
                "2026-10-25T02:30Z"), "visit", day(fall), weekBefore(fall));
    }

    @Test
    void sydneyRepeatsTwoOClockInAprilAndSkipsItInOctober() {
        LocalDate fall = LocalDate.of(2026, 4, 5); // 03:00 AEDT becomes 02:00 AEST
        LocalDate spring = LocalDate.of(2026, 10, 4); // 02:00 AEST becomes 03:00 AEDT
        ReferencePractice p = practice("Australia/Sydney", fall, 60).hours("A", EVERY_DAY, "01:00-04:00")
                .reason(reason("visit", 60)).reason(reason("long", 90));

        p.assertStarts(instants("2026-04-05T01:00+11:00", "2026-04-05T02:00+11:00", "2026-04-05T02:00+10:00",
                "2026-04-05T03:00+10:00"), "visit", day(fall), weekBefore(fall));
        p.assertStarts(instants("2026-10-04T01:00+10:00", "2026-10-04T03:00+11:00"), "visit", day(spring),
                weekBefore(spring));
        // ninety real minutes from 01:00 AEST end at 03:30 AEDT
        p.assertFinds(List.of(opening("long", "A", null, "2026-10-04T01:00+10:00", "2026-10-04T03:30+11:00")),
                "long", day(spring), weekBefore(spring));
    }

    @Test
    void lordHoweShiftsByHalfAnHour() {
        LocalDate fall = LocalDate.of(2026, 4, 5); // 02:00 +11:00 becomes 01:30 +10:30
        LocalDate spring = LocalDate.of(2026, 10, 4); // 02:00 +10:30 becomes 02:30 +11:00
        ReferencePractice p = practice("Australia/Lord_Howe", fall, 30).hours("A", EVERY_DAY, "01:00-03:00")
                .exception("A", spring, "01:00-04:00")
                .reason(reason("visit", 30));

        p.assertStarts(instants("2026-04-05T01:00+11:00", "2026-04-05T01:30+11:00", "2026-04-05T01:30+10:30",
                "2026-04-05T02:00+10:30", "2026-04-05T02:30+10:30"), "visit", day(fall), weekBefore(fall));
        p.assertStarts(instants("2026-10-04T01:00+10:30", "2026-10-04T01:30+10:30", "2026-10-04T02:30+11:00",
                "2026-10-04T03:00+11:00", "2026-10-04T03:30+11:00"), "visit", day(spring), weekBefore(spring));
    }

    @Test
    void kathmanduIsAQuarterHourOffTheHourAndBusyTimeIsExact() {
        LocalDate date = LocalDate.of(2026, 6, 18);
        ReferencePractice p = new ReferencePractice("Asia/Kathmandu", date).unit(15).grid(60, Duration.ZERO)
                .hours("A", EVERY_DAY, "09:00-11:00")
                .appointment("A", null, "2026-06-18T03:20:00Z", "2026-06-18T03:25:00Z")
                // ends one second before 10:00 +05:45
                .appointment("A", null, "2026-06-18T04:14:59Z", "2026-06-18T04:15:00Z")
                .reason(reason("visit", 60));

        p.assertFinds(List.of(opening("visit", "A", null, "2026-06-18T10:00+05:45", "2026-06-18T11:00+05:45")),
                "visit", day(date), weekBefore(date));
        p.assertStarts(instants("2026-06-19T09:00+05:45", "2026-06-19T10:00+05:45"), "visit",
                day(date.plusDays(1)), weekBefore(date));
    }

    @Test
    void santiagoRepeatsTheLastHourOfSaturdayAndSkipsTheFirstOfSunday() {
        LocalDate saturday = LocalDate.of(2026, 4, 4); // Sunday 00:00 -03:00 becomes Saturday 23:00 -04:00
        ReferencePractice p = practice("America/Santiago", saturday, 30).hours("A", EVERY_DAY, "00:00-01:00")
                .exception("A", saturday, "22:00-00:00")
                .reason(reason("visit", 30));

        List<Instant> both = instants("2026-04-04T22:00-03:00", "2026-04-04T22:30-03:00", "2026-04-04T23:00-03:00",
                "2026-04-04T23:30-03:00", "2026-04-04T23:00-04:00", "2026-04-04T23:30-04:00",
                "2026-04-05T00:00-04:00", "2026-04-05T00:30-04:00");
        p.assertStarts(both, "visit", dates(saturday, saturday.plusDays(1)), weekBefore(saturday));
        // the repeated hour belongs to Saturday: six openings there, shown at positions 0, 2 and 4
        p.shownPerDay(3);
        p.assertStarts(instants("2026-04-04T22:00-03:00", "2026-04-04T23:00-03:00", "2026-04-04T23:00-04:00",
                "2026-04-05T00:00-04:00", "2026-04-05T00:30-04:00"), "visit", dates(saturday, saturday.plusDays(1)),
                weekBefore(saturday));

        LocalDate springSaturday = LocalDate.of(2026, 9, 5); // Sunday 00:00 -04:00 becomes 01:00 -03:00
        ReferencePractice q = practice("America/Santiago", springSaturday, 30).hours("A", EVERY_DAY, "00:00-02:00")
                .exception("A", springSaturday, "23:00-00:00")
                .reason(reason("visit", 30)).reason(reason("long", 60));
        q.assertStarts(instants("2026-09-05T23:00-04:00", "2026-09-05T23:30-04:00", "2026-09-06T01:00-03:00",
                "2026-09-06T01:30-03:00"), "visit", dates(springSaturday, springSaturday.plusDays(1)),
                weekBefore(springSaturday));
        // 23:30 for an hour would reach Sunday; 01:30 for an hour would leave the window
        q.assertStarts(instants("2026-09-05T23:00-04:00", "2026-09-06T01:00-03:00"), "long",
                dates(springSaturday, springSaturday.plusDays(1)), weekBefore(springSaturday));
    }

    @Test
    void casablancaFallsBackForRamadanAndSpringsForwardAfter() {
        LocalDate ramadan = LocalDate.of(2026, 2, 15); // 03:00 +01:00 becomes 02:00 +00:00
        LocalDate after = LocalDate.of(2026, 3, 22); // 02:00 +00:00 becomes 03:00 +01:00
        ReferencePractice p = practice("Africa/Casablanca", ramadan, 60).hours("A", EVERY_DAY, "01:00-04:00")
                .reason(reason("visit", 60));

        p.assertStarts(instants("2026-02-15T01:00+01:00", "2026-02-15T02:00+01:00", "2026-02-15T02:00Z",
                "2026-02-15T03:00Z"), "visit", day(ramadan), weekBefore(ramadan));
        p.assertStarts(instants("2026-03-22T01:00Z", "2026-03-22T03:00+01:00"), "visit", day(after),
                weekBefore(after));
    }

    @Test
    void havanaChangesAtMidnight() {
        LocalDate spring = LocalDate.of(2026, 3, 8); // 00:00 -05:00 becomes 01:00 -04:00: the day starts at 01:00
        LocalDate fall = LocalDate.of(2026, 11, 1); // 01:00 -04:00 becomes 00:00 -05:00: midnight happens twice
        ReferencePractice p = practice("America/Havana", spring, 30).hours("A", EVERY_DAY, "00:00-03:00")
                .exception("A", fall, "00:00-02:00")
                .reason(reason("visit", 30));

        p.assertStarts(instants("2026-03-08T01:00-04:00", "2026-03-08T01:30-04:00", "2026-03-08T02:00-04:00",
                "2026-03-08T02:30-04:00"), "visit", day(spring), weekBefore(spring));
        p.assertStarts(instants("2026-11-01T00:00-04:00", "2026-11-01T00:30-04:00", "2026-11-01T00:00-05:00",
                "2026-11-01T00:30-05:00", "2026-11-01T01:00-05:00", "2026-11-01T01:30-05:00"), "visit", day(fall),
                weekBefore(fall));
    }

    @Test
    void apiaSkippedAWholeDate() {
        LocalDate thursday = LocalDate.of(2011, 12, 29); // midnight -10:00 became Saturday midnight +14:00
        ReferencePractice p = practice("Pacific/Apia", thursday, 60).hours("A", EVERY_DAY, "09:00-10:00", "23:00-00:00")
                .reason(reason("visit", 60));

        p.assertStarts(instants("2011-12-29T09:00-10:00", "2011-12-29T23:00-10:00", "2011-12-31T09:00+14:00",
                "2011-12-31T23:00+14:00"), "visit", dates(thursday, thursday.plusDays(2)), weekBefore(thursday));
        p.assertStarts(List.of(), "visit", day(thursday.plusDays(1)), weekBefore(thursday));
    }

    @Test
    void todayIsTheLocalDateOfNow() {
        LocalDate date = LocalDate.of(2026, 6, 19);
        ReferencePractice p = practice("Pacific/Kiritimati", date, 60).hours("A", EVERY_DAY, "08:00-10:00")
                .timing(new Timing(Duration.ofMinutes(60), List.of(), Duration.ZERO, Duration.ZERO, Duration.ZERO, 1,
                        0))
                .reason(reason("visit", 60));
        // 00:30 on the 19th at +14:00 is still the 18th in UTC: today is the 19th, and a horizon of one day
        // ends with the 20th
        Instant now = at("2026-06-19T00:30+14:00");

        p.assertStarts(instants("2026-06-19T08:00+14:00", "2026-06-19T09:00+14:00", "2026-06-20T08:00+14:00",
                "2026-06-20T09:00+14:00"), "visit", dates(date.minusDays(1), date.plusDays(3)), now);
    }
}
