package org.slotbridge.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.slotbridge.engine.Fixtures.MONDAY;
import static org.slotbridge.engine.Fixtures.NEW_YORK;
import static org.slotbridge.engine.Fixtures.WEEKDAYS;
import static org.slotbridge.engine.Fixtures.busy;
import static org.slotbridge.engine.Fixtures.dates;
import static org.slotbridge.engine.Fixtures.day;
import static org.slotbridge.engine.Fixtures.hours;
import static org.slotbridge.engine.Fixtures.instants;
import static org.slotbridge.engine.Fixtures.limitedTo;
import static org.slotbridge.engine.Fixtures.reason;
import static org.slotbridge.engine.Fixtures.rules;
import static org.slotbridge.engine.Fixtures.schedule;
import static org.slotbridge.engine.Fixtures.starts;
import static org.slotbridge.engine.Fixtures.withException;
import static org.slotbridge.engine.Fixtures.withProviders;
import static org.slotbridge.engine.Fixtures.withRooms;
import static org.slotbridge.engine.Fixtures.windows;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.slotbridge.api.Opening;
import org.slotbridge.api.Preferences;
import org.slotbridge.api.Reason;

/** The search rules one at a time, on ordinary dates in New York summer time (UTC-4). */
class OpeningFinderTest {

    private static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");

    private final OpeningFinder finder = new OpeningFinder();

    @Test
    void workingHoursWithBreak() {
        ScheduleSnapshot schedule = schedule(NEW_YORK, hours("SMITH", WEEKDAYS, "08:00-12:00", "13:00-17:00"));

        List<Opening> found = finder.find(schedule, reason(60), day(MONDAY), NOW, rules(60));

        assertEquals(instants("2026-06-15T12:00:00Z", "2026-06-15T13:00:00Z", "2026-06-15T14:00:00Z",
                "2026-06-15T15:00:00Z", "2026-06-15T17:00:00Z", "2026-06-15T18:00:00Z",
                "2026-06-15T19:00:00Z", "2026-06-15T20:00:00Z"), starts(found));
        Opening first = found.get(0);
        assertEquals(new Opening("checkup", "SMITH", null, Instant.parse("2026-06-15T12:00:00Z"),
                Instant.parse("2026-06-15T13:00:00Z")), first);
    }

    @Test
    void gridCountsFromEachWindowStartAndVisitStaysInOneWindow() {
        ScheduleSnapshot schedule = schedule(NEW_YORK, hours("SMITH", WEEKDAYS, "08:00-10:00", "10:10-11:30"));

        List<Opening> found = finder.find(schedule, reason(45), day(MONDAY), NOW, rules(40));

        // 08:00, 08:40 and 09:20 would end at 10:05, after the first window; 10:10 restarts the grid.
        assertEquals(instants("2026-06-15T12:00:00Z", "2026-06-15T12:40:00Z", "2026-06-15T14:10:00Z"),
                starts(found));
    }

    @Test
    void appointmentsAndBlockoutsExcluded() {
        Map<String, List<Interval>> busy = Map.of("SMITH", List.of(
                busy("2026-06-15T14:30:00Z", "2026-06-15T14:45:00Z"),   // blockout 10:30-10:45
                busy("2026-06-15T12:00:00Z", "2026-06-15T13:00:00Z"),   // appointment 08:00-09:00
                busy("2026-06-15T12:15:00Z", "2026-06-15T12:30:00Z"))); // nested in it
        ScheduleSnapshot schedule = schedule(NEW_YORK, busy, Map.of(), hours("SMITH", WEEKDAYS, "08:00-12:00"));

        List<Opening> found = finder.find(schedule, reason(30), day(MONDAY), NOW, rules(30));

        // 09:00 starts as the appointment ends; 10:00 ends as the blockout starts.
        assertEquals(instants("2026-06-15T13:00:00Z", "2026-06-15T13:30:00Z", "2026-06-15T14:00:00Z",
                "2026-06-15T15:00:00Z", "2026-06-15T15:30:00Z"), starts(found));
    }

    @Test
    void busyTimeOnAnotherUtcDateCounts() {
        // Honolulu (UTC-10) evenings fall on the next UTC date; Kiritimati (UTC+14) mornings on the previous.
        Map<String, List<Interval>> late =
                Map.of("KAI", List.of(busy("2026-06-16T08:00:00Z", "2026-06-16T09:00:00Z")));
        ScheduleSnapshot honolulu = schedule(ZoneId.of("Pacific/Honolulu"), late, Map.of(),
                hours("KAI", WEEKDAYS, "20:00-00:00"));
        assertEquals(instants("2026-06-16T06:00:00Z", "2026-06-16T07:00:00Z", "2026-06-16T09:00:00Z"),
                starts(finder.find(honolulu, reason(60), day(MONDAY), NOW, rules(60))));

        Map<String, List<Interval>> early =
                Map.of("KAI", List.of(busy("2026-06-14T10:00:00Z", "2026-06-14T11:00:00Z")));
        ScheduleSnapshot kiritimati = schedule(ZoneId.of("Pacific/Kiritimati"), early, Map.of(),
                hours("KAI", WEEKDAYS, "00:00-02:00"));
        assertEquals(instants("2026-06-14T11:00:00Z"),
                starts(finder.find(kiritimati, reason(60), day(MONDAY), NOW, rules(60))));
    }

    @Test
    void anotherProvidersBusyTimeDoesNotMatter() {
        Map<String, List<Interval>> busy =
                Map.of("JONES", List.of(busy("2026-06-15T12:00:00Z", "2026-06-15T16:00:00Z")));
        ScheduleSnapshot schedule = schedule(NEW_YORK, busy, Map.of(), hours("SMITH", WEEKDAYS, "08:00-10:00"));

        assertEquals(2, finder.find(schedule, reason(60), day(MONDAY), NOW, rules(60)).size());
    }

    @Test
    void roomNeededTakesLowestFreeRoom() {
        Map<String, List<Interval>> rooms = Map.of(
                "OP1", List.of(busy("2026-06-15T12:00:00Z", "2026-06-15T14:00:00Z")),
                "OP2", List.of(busy("2026-06-15T13:00:00Z", "2026-06-15T15:00:00Z")));
        ScheduleSnapshot schedule = schedule(NEW_YORK, Map.of(), rooms, hours("SMITH", WEEKDAYS, "08:00-12:00"));
        Reason reason = withRooms(reason(60), "OP2", "OP1");

        List<Opening> found = finder.find(schedule, reason, day(MONDAY), NOW, rules(60));

        assertEquals(List.of(
                new Opening("checkup", "SMITH", "OP2", Instant.parse("2026-06-15T12:00:00Z"),
                        Instant.parse("2026-06-15T13:00:00Z")),
                new Opening("checkup", "SMITH", "OP1", Instant.parse("2026-06-15T14:00:00Z"),
                        Instant.parse("2026-06-15T15:00:00Z")),
                new Opening("checkup", "SMITH", "OP1", Instant.parse("2026-06-15T15:00:00Z"),
                        Instant.parse("2026-06-15T16:00:00Z"))), found);
    }

    @Test
    void roomWithoutBusyTimeIsFree() {
        ScheduleSnapshot schedule = schedule(NEW_YORK, hours("SMITH", WEEKDAYS, "08:00-09:00"));

        List<Opening> found = finder.find(schedule, withRooms(reason(60), "OP9"), day(MONDAY), NOW, rules(60));

        assertEquals("OP9", found.get(0).roomId());
    }

    @Test
    void reasonWeekdaysAndWindows() {
        ScheduleSnapshot schedule = schedule(NEW_YORK, hours("SMITH", WEEKDAYS, "08:00-17:00"));
        Reason reason = limitedTo(reason(30), Set.of(DayOfWeek.TUESDAY), "08:00-09:00", "15:00-15:45");

        List<Opening> found = finder.find(schedule, reason, dates(MONDAY, MONDAY.plusDays(2)), NOW, rules(30));

        // Only the start must lie in a window: 15:30 ends at 16:00.
        assertEquals(instants("2026-06-16T12:00:00Z", "2026-06-16T12:30:00Z", "2026-06-16T19:00:00Z",
                "2026-06-16T19:30:00Z"), starts(found));
    }

    @Test
    void preferencesDaysTimesAndProvider() {
        ScheduleSnapshot schedule = schedule(NEW_YORK, hours("ADAMS", WEEKDAYS, "08:00-17:00"),
                hours("BAKER", WEEKDAYS, "08:00-17:00"));
        Preferences preferences = new Preferences(MONDAY, MONDAY.plusDays(6), Set.of(DayOfWeek.WEDNESDAY),
                windows("11:00-12:00", "16:00-00:00"), "BAKER");

        List<Opening> found = finder.find(schedule, reason(60), preferences, NOW, rules(60));

        assertEquals(instants("2026-06-17T15:00:00Z", "2026-06-17T20:00:00Z"), starts(found));
        assertTrue(found.stream().allMatch(o -> o.providerId().equals("BAKER")));
    }

    @Test
    void reasonProvidersLimitWhoIsSearched() {
        ScheduleSnapshot schedule = schedule(NEW_YORK, hours("ADAMS", WEEKDAYS, "08:00-09:00"),
                hours("BAKER", WEEKDAYS, "08:00-09:00"));
        Reason reason = withProviders(reason(60), "BAKER", "GONE");

        assertEquals(List.of("BAKER"), finder.find(schedule, reason, day(MONDAY), NOW, rules(60)).stream()
                .map(Opening::providerId).toList());
        Preferences adams = new Preferences(MONDAY, MONDAY, Set.of(), List.of(), "ADAMS");
        assertEquals(List.of(), finder.find(schedule, reason, adams, NOW, rules(60)));
    }

    @Test
    void sameInstantOrderedByProvider() {
        ScheduleSnapshot schedule = schedule(NEW_YORK, hours("BAKER", WEEKDAYS, "08:00-10:00"),
                hours("ADAMS", WEEKDAYS, "08:00-10:00"));

        List<Opening> found = finder.find(schedule, reason(60), day(MONDAY), NOW, rules(60));

        assertEquals(List.of("ADAMS", "BAKER", "ADAMS", "BAKER"), found.stream().map(Opening::providerId).toList());
        assertEquals(instants("2026-06-15T12:00:00Z", "2026-06-15T12:00:00Z", "2026-06-15T13:00:00Z",
                "2026-06-15T13:00:00Z"), starts(found));
    }

    @Test
    void minimumNotice() {
        ScheduleSnapshot schedule = schedule(NEW_YORK, hours("SMITH", WEEKDAYS, "08:00-12:00"));
        Instant now = Instant.parse("2026-06-15T13:00:00Z"); // 09:00 local
        SearchRules rules = new SearchRules(Duration.ofMinutes(30), Duration.ofMinutes(70), 180);

        List<Opening> found = finder.find(schedule, reason(60), day(MONDAY), now, rules);

        // Earliest allowed start 10:10: the next grid start is 10:30.
        assertEquals(instants("2026-06-15T14:30:00Z", "2026-06-15T15:00:00Z"), starts(found));
    }

    @Test
    void startExactlyAtNoticeIsOffered() {
        ScheduleSnapshot schedule = schedule(NEW_YORK, hours("SMITH", WEEKDAYS, "08:00-12:00"));
        SearchRules rules = new SearchRules(Duration.ofMinutes(60), Duration.ofHours(1), 180);

        List<Opening> found = finder.find(schedule, reason(60), day(MONDAY), Instant.parse("2026-06-15T13:00:00Z"),
                rules);

        assertEquals(instants("2026-06-15T14:00:00Z", "2026-06-15T15:00:00Z"), starts(found));
    }

    @Test
    void horizonAndPastDates() {
        ScheduleSnapshot schedule = schedule(NEW_YORK, hours("SMITH", Fixtures.EVERY_DAY, "08:00-09:00"));
        Instant now = Instant.parse("2026-06-15T10:00:00Z"); // Monday 06:00 local
        SearchRules rules = new SearchRules(Duration.ofMinutes(60), Duration.ZERO, 2);

        List<Opening> found = finder.find(schedule, reason(60), dates(MONDAY.minusDays(3), MONDAY.plusDays(5)), now,
                rules);

        assertEquals(instants("2026-06-15T12:00:00Z", "2026-06-16T12:00:00Z", "2026-06-17T12:00:00Z"),
                starts(found));
        SearchRules todayOnly = new SearchRules(Duration.ofMinutes(60), Duration.ZERO, 0);
        assertEquals(instants("2026-06-15T12:00:00Z"),
                starts(finder.find(schedule, reason(60), dates(MONDAY, MONDAY.plusDays(5)), now, todayOnly)));
    }

    @Test
    void todayIsTheLocalDateNotTheUtcDate() {
        ScheduleSnapshot schedule = schedule(NEW_YORK, hours("SMITH", Fixtures.EVERY_DAY, "08:00-09:00"));
        // Tuesday 01:00 UTC is still Monday 21:00 in New York: horizon 0 means Monday only.
        Instant now = Instant.parse("2026-06-16T01:00:00Z");
        SearchRules rules = new SearchRules(Duration.ofMinutes(60), Duration.ZERO, 0);

        assertEquals(List.of(), finder.find(schedule, reason(60), dates(MONDAY, MONDAY.plusDays(3)), now, rules));
    }

    @Test
    void dateExceptionsReplaceTheWeek() {
        var weekly = hours("SMITH", WEEKDAYS, "08:00-09:00");
        var hours = withException(withException(weekly, MONDAY.plusDays(1)), MONDAY.plusDays(2), "10:00-11:00");
        ScheduleSnapshot schedule = schedule(NEW_YORK, hours);

        List<Opening> found = finder.find(schedule, reason(60), dates(MONDAY, MONDAY.plusDays(3)), NOW, rules(60));

        // Tuesday is a day off; Wednesday has other hours.
        assertEquals(instants("2026-06-15T12:00:00Z", "2026-06-17T14:00:00Z", "2026-06-18T12:00:00Z"),
                starts(found));
    }

    @Test
    void windowEndingAtMidnightTakesTheLastVisit() {
        ScheduleSnapshot schedule = schedule(NEW_YORK, hours("SMITH", WEEKDAYS, "22:00-00:00"));

        List<Opening> found = finder.find(schedule, reason(60), day(MONDAY), NOW, rules(60));

        assertEquals(instants("2026-06-16T02:00:00Z", "2026-06-16T03:00:00Z"), starts(found));
    }

    @Test
    void providerWithoutHoursNeverWorks() {
        ScheduleSnapshot schedule = schedule(NEW_YORK, hours("SMITH", WEEKDAYS, "08:00-09:00"));
        Preferences other = new Preferences(MONDAY, MONDAY, Set.of(), List.of(), "JONES");

        assertEquals(List.of(), finder.find(schedule, reason(60), other, NOW, rules(60)));
    }

    @Test
    void offersWhatFindFinds() {
        Map<String, List<Interval>> rooms =
                Map.of("OP1", List.of(busy("2026-06-15T12:00:00Z", "2026-06-15T13:00:00Z")));
        ScheduleSnapshot schedule = schedule(NEW_YORK, Map.of(), rooms, hours("SMITH", WEEKDAYS, "08:00-12:00"));
        Reason reason = withRooms(reason(60), "OP1", "OP2");

        List<Opening> found = finder.find(schedule, reason, day(MONDAY), NOW, rules(30));

        assertEquals(7, found.size());
        assertEquals("OP2", found.get(0).roomId());
        for (Opening opening : found) {
            assertTrue(finder.offers(schedule, reason, opening, NOW, rules(30)), opening::toString);
        }
    }

    @Test
    void offersRefusesWhatFindWouldNotList() {
        ScheduleSnapshot schedule = schedule(NEW_YORK,
                Map.of("SMITH", List.of(busy("2026-06-15T14:00:00Z", "2026-06-15T14:01:00Z"))),
                Map.of(), hours("SMITH", WEEKDAYS, "08:00-12:00"));
        Reason reason = withRooms(reason(60), "OP1", "OP2");
        Instant nine = Instant.parse("2026-06-15T13:00:00Z");
        Instant ten = nine.plusSeconds(3600);

        assertTrue(finder.offers(schedule, reason, opening("OP1", nine, 60), NOW, rules(30)));
        // another room than the one the search would pick
        assertFalse(finder.offers(schedule, reason, opening("OP2", nine, 60), NOW, rules(30)));
        // off the grid, a wrong length, another reason, another provider
        assertFalse(finder.offers(schedule, reason, opening("OP1", nine.plusSeconds(600), 60), NOW, rules(30)));
        assertFalse(finder.offers(schedule, reason, opening("OP1", nine, 45), NOW, rules(30)));
        assertFalse(finder.offers(schedule, reason, new Opening("other", "SMITH", "OP1", nine, ten), NOW, rules(30)));
        assertFalse(finder.offers(schedule, reason, new Opening("checkup", "JONES", "OP1", nine, ten), NOW,
                rules(30)));
        // the provider is busy at 10:00 for a minute, and 11:30 would run past noon
        assertFalse(finder.offers(schedule, reason, opening("OP1", ten, 60), NOW, rules(30)));
        assertFalse(finder.offers(schedule, reason, opening("OP1", nine.plusSeconds(9000), 60), NOW, rules(30)));
        // too soon, or beyond the horizon
        SearchRules notice = new SearchRules(Duration.ofMinutes(30), Duration.ofHours(1), 180);
        assertFalse(finder.offers(schedule, reason, opening("OP1", nine, 60), nine.minusSeconds(1800), notice));
        assertTrue(finder.offers(schedule, reason, opening("OP1", nine, 60), nine.minusSeconds(3600), notice));
        SearchRules shortHorizon = new SearchRules(Duration.ofMinutes(30), Duration.ZERO, 3);
        assertFalse(finder.offers(schedule, reason, opening("OP1", nine, 60), NOW, shortHorizon));
    }

    @Test
    void offersHonoursReasonWindows() {
        ScheduleSnapshot schedule = schedule(NEW_YORK, hours("SMITH", WEEKDAYS, "08:00-12:00"));
        Reason reason = limitedTo(reason(60), Set.of(), "08:00-09:00");

        assertTrue(finder.offers(schedule, reason, opening(null, Instant.parse("2026-06-15T12:00:00Z"), 60), NOW,
                rules(60)));
        assertFalse(finder.offers(schedule, reason, opening(null, Instant.parse("2026-06-15T13:00:00Z"), 60), NOW,
                rules(60)));
    }

    private static Opening opening(String room, Instant start, int minutes) {
        return new Opening("checkup", "SMITH", room, start, start.plusSeconds(60L * minutes));
    }
}
