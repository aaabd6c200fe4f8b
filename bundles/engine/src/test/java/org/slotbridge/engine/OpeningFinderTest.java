package org.slotbridge.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.slotbridge.engine.Fixtures.EVERY_DAY;
import static org.slotbridge.engine.Fixtures.MONDAY;
import static org.slotbridge.engine.Fixtures.NEW_YORK;
import static org.slotbridge.engine.Fixtures.WEEKDAYS;
import static org.slotbridge.engine.Fixtures.at;
import static org.slotbridge.engine.Fixtures.checkup;
import static org.slotbridge.engine.Fixtures.dates;
import static org.slotbridge.engine.Fixtures.day;
import static org.slotbridge.engine.Fixtures.hours;
import static org.slotbridge.engine.Fixtures.instants;
import static org.slotbridge.engine.Fixtures.starts;
import static org.slotbridge.engine.Fixtures.withException;
import static org.slotbridge.engine.Fixtures.windows;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.slotbridge.api.Appointment;
import org.slotbridge.api.AppointmentStatus;
import org.slotbridge.api.NotFoundException;
import org.slotbridge.api.Opening;
import org.slotbridge.api.Preferences;
import org.slotbridge.engine.Fixtures.Clinic;

/** Working hours, busy time, rooms, the client's wishes and the limits in time, in New York summer time (UTC-4). */
class OpeningFinderTest {

    private static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");

    private final OpeningFinder finder = new OpeningFinder();

    private List<Opening> find(Clinic clinic, Preferences preferences) {
        return finder.find(clinic.schedule(NOW), "checkup", preferences, NOW);
    }

    private static Clinic smith(int grid, int minutes, String... windows) {
        return Clinic.in(NEW_YORK).grid(grid).hours(hours("SMITH", WEEKDAYS, windows)).reason(checkup(minutes));
    }

    @Test
    void workingHoursWithBreak() {
        List<Opening> found = find(smith(60, 60, "08:00-12:00", "13:00-17:00"), day(MONDAY));

        assertEquals(instants("2026-06-15T12:00:00Z", "2026-06-15T13:00:00Z", "2026-06-15T14:00:00Z",
                "2026-06-15T15:00:00Z", "2026-06-15T17:00:00Z", "2026-06-15T18:00:00Z",
                "2026-06-15T19:00:00Z", "2026-06-15T20:00:00Z"), starts(found));
        assertEquals(new Opening("checkup", "SMITH", null, at("2026-06-15T12:00:00Z"), at("2026-06-15T13:00:00Z")),
                found.get(0));
    }

    @Test
    void gridCountsFromEachWindowStartAndVisitStaysInOneWindow() {
        List<Opening> found = find(smith(40, 45, "08:00-10:00", "10:10-11:30"), day(MONDAY));

        // 08:00 and 08:40 fit; 09:20 would end at 10:05, after the first window; 10:10 restarts the grid,
        // and 10:50 would end at 11:35.
        assertEquals(instants("2026-06-15T12:00:00Z", "2026-06-15T12:40:00Z", "2026-06-15T14:10:00Z"),
                starts(found));
    }

    @Test
    void fixedStartsReplaceTheGrid() {
        Clinic clinic = smith(15, 30, "08:00-12:00").starts("07:30", "08:10", "11:30", "11:45");

        // 07:30 is before the window; 11:45 would end after it.
        assertEquals(instants("2026-06-15T12:10:00Z", "2026-06-15T15:30:00Z"), starts(find(clinic, day(MONDAY))));
    }

    @Test
    void appointmentsAndBlockoutsExcluded() {
        Clinic clinic = smith(30, 30, "08:00-12:00")
                .blockout("SMITH", "2026-06-15T14:30:00Z", "2026-06-15T14:45:00Z", null)     // 10:30-10:45
                .appointment("SMITH", null, "2026-06-15T12:00:00Z", "2026-06-15T13:00:00Z")  // 08:00-09:00
                .appointment("SMITH", null, "2026-06-15T12:15:00Z", "2026-06-15T12:30:00Z"); // nested in it

        // 09:00 starts as the appointment ends; 10:00 ends as the blockout starts.
        assertEquals(instants("2026-06-15T13:00:00Z", "2026-06-15T13:30:00Z", "2026-06-15T14:00:00Z",
                "2026-06-15T15:00:00Z", "2026-06-15T15:30:00Z"), starts(find(clinic, day(MONDAY))));
    }

    @Test
    void busyTimeOffTheUnitsStillAnswersExactly() {
        // 09:01-09:02 and 08:10:30-08:29:59.5 are kept as 09:00-09:05 and 08:10-08:30, which takes the visits
        // from 09:00 and 08:00 but not those that end at 09:00 or start at 08:30.
        Clinic clinic = smith(30, 30, "08:00-10:00")
                .appointment("SMITH", null, "2026-06-15T13:01:00Z", "2026-06-15T13:02:00Z")
                .blockout("SMITH", "2026-06-15T12:10:30Z", "2026-06-15T12:29:59.500Z", null);

        assertEquals(instants("2026-06-15T12:30:00Z", "2026-06-15T13:30:00Z"), starts(find(clinic, day(MONDAY))));
    }

    @Test
    void cancelledAppointmentsTakeNoTime() {
        Clinic clinic = smith(60, 60, "08:00-10:00");
        Schedule schedule = clinic.schedule(NOW);
        schedule.index().add(new Appointment("X", "SMITH", null, at("2026-06-15T12:00:00Z"),
                at("2026-06-15T13:00:00Z"), null, AppointmentStatus.CANCELLED, null));

        assertEquals(2, finder.find(schedule, "checkup", day(MONDAY), NOW).size());
    }

    @Test
    void busyTimeOnAnotherUtcDateCounts() {
        // Honolulu (UTC-10) evenings fall on the next UTC date; Kiritimati (UTC+14) mornings on the previous.
        Clinic honolulu = Clinic.in(ZoneId.of("Pacific/Honolulu")).grid(60).reason(checkup(60))
                .hours(hours("KAI", WEEKDAYS, "20:00-00:00"))
                .appointment("KAI", null, "2026-06-16T08:00:00Z", "2026-06-16T09:00:00Z");
        assertEquals(instants("2026-06-16T06:00:00Z", "2026-06-16T07:00:00Z", "2026-06-16T09:00:00Z"),
                starts(find(honolulu, day(MONDAY))));

        Clinic kiritimati = Clinic.in(ZoneId.of("Pacific/Kiritimati")).grid(60).reason(checkup(60))
                .hours(hours("KAI", WEEKDAYS, "00:00-02:00"))
                .appointment("KAI", null, "2026-06-14T10:00:00Z", "2026-06-14T11:00:00Z");
        assertEquals(instants("2026-06-14T11:00:00Z"), starts(find(kiritimati, day(MONDAY))));
    }

    @Test
    void anotherProvidersBusyTimeDoesNotMatter() {
        Clinic clinic = smith(60, 60, "08:00-10:00")
                .appointment("JONES", null, "2026-06-15T12:00:00Z", "2026-06-15T16:00:00Z")
                .blockout("JONES", "2026-06-15T12:00:00Z", "2026-06-15T16:00:00Z", null);

        assertEquals(2, find(clinic, day(MONDAY)).size());
    }

    @Test
    void roomNeededTakesLowestFreeRoom() {
        Clinic clinic = Clinic.in(NEW_YORK).grid(60).hours(hours("SMITH", WEEKDAYS, "08:00-12:00"))
                .reason(checkup(60).rooms("OP2", "OP1"))
                .appointment(null, "OP1", "2026-06-15T12:00:00Z", "2026-06-15T14:00:00Z")
                .appointment(null, "OP2", "2026-06-15T13:00:00Z", "2026-06-15T15:00:00Z");

        // 09:00 has neither room: OP1 is busy until 10:00 and OP2 from 09:00.
        assertEquals(List.of(
                new Opening("checkup", "SMITH", "OP2", at("2026-06-15T12:00:00Z"), at("2026-06-15T13:00:00Z")),
                new Opening("checkup", "SMITH", "OP1", at("2026-06-15T14:00:00Z"), at("2026-06-15T15:00:00Z")),
                new Opening("checkup", "SMITH", "OP1", at("2026-06-15T15:00:00Z"), at("2026-06-15T16:00:00Z"))),
                find(clinic, day(MONDAY)));
    }

    @Test
    void roomsAreNotBlockedByBlockoutsAndProvidersNotByRooms() {
        Clinic clinic = Clinic.in(NEW_YORK).grid(60).hours(hours("SMITH", WEEKDAYS, "08:00-10:00"))
                .reason(checkup(60).rooms("OP1"))
                .provider("JONES")
                .appointment("JONES", "OP1", "2026-06-15T12:00:00Z", "2026-06-15T13:00:00Z")
                .blockout(null, "2026-06-15T13:00:00Z", "2026-06-15T13:30:00Z", null);

        // 08:00 has no room (Jones's visit takes OP1); 09:00 is blocked for every provider; neither blocks the other.
        assertEquals(List.of(), find(clinic, day(MONDAY)));
        Clinic noBlockout = Clinic.in(NEW_YORK).grid(60).hours(hours("SMITH", WEEKDAYS, "08:00-10:00"))
                .reason(checkup(60).rooms("OP1"))
                .appointment("JONES", "OP1", "2026-06-15T12:00:00Z", "2026-06-15T13:00:00Z");
        assertEquals(List.of(new Opening("checkup", "SMITH", "OP1", at("2026-06-15T13:00:00Z"),
                at("2026-06-15T14:00:00Z"))), find(noBlockout, day(MONDAY)));
    }

    @Test
    void roomWithoutBusyTimeIsFree() {
        Clinic clinic = Clinic.in(NEW_YORK).grid(60).hours(hours("SMITH", WEEKDAYS, "08:00-09:00"))
                .reason(checkup(60).rooms("OP9"));

        assertEquals("OP9", find(clinic, day(MONDAY)).get(0).roomId());
    }

    @Test
    void reasonWeekdaysAndWindows() {
        Clinic clinic = Clinic.in(NEW_YORK).grid(30).hours(hours("SMITH", WEEKDAYS, "08:00-17:00"))
                .reason(checkup(30).weekdays(DayOfWeek.TUESDAY).windows("08:00-09:00", "15:00-15:45"));

        // Only the start must lie in a window: 15:30 ends at 16:00.
        assertEquals(instants("2026-06-16T12:00:00Z", "2026-06-16T12:30:00Z", "2026-06-16T19:00:00Z",
                "2026-06-16T19:30:00Z"), starts(find(clinic, dates(MONDAY, MONDAY.plusDays(2)))));
    }

    @Test
    void preferencesDaysTimesAndProvider() {
        Clinic clinic = Clinic.in(NEW_YORK).grid(60).reason(checkup(60))
                .hours(hours("ADAMS", WEEKDAYS, "08:00-17:00"), hours("BAKER", WEEKDAYS, "08:00-17:00"));
        Preferences preferences = new Preferences(MONDAY, MONDAY.plusDays(6), Set.of(DayOfWeek.WEDNESDAY),
                windows("11:00-12:00", "16:00-00:00"), "BAKER");

        List<Opening> found = find(clinic, preferences);

        assertEquals(instants("2026-06-17T15:00:00Z", "2026-06-17T20:00:00Z"), starts(found));
        assertTrue(found.stream().allMatch(o -> o.providerId().equals("BAKER")));
    }

    @Test
    void reasonProvidersLimitWhoIsSearched() {
        Clinic clinic = Clinic.in(NEW_YORK).grid(60).reason(checkup(60).providers("BAKER", "GONE"))
                .hours(hours("ADAMS", WEEKDAYS, "08:00-09:00"), hours("BAKER", WEEKDAYS, "08:00-09:00"));

        // GONE is a provider without hours: never offered.
        assertEquals(List.of("BAKER"), find(clinic, day(MONDAY)).stream().map(Opening::providerId).toList());
        assertEquals(List.of(), find(clinic, new Preferences(MONDAY, MONDAY, Set.of(), List.of(), "ADAMS")));
    }

    @Test
    void reasonProviderGroupAddsItsMembers() {
        Clinic clinic = Clinic.in(NEW_YORK).grid(60).group("hygiene", "CHEN").reason(checkup(60).providers("BAKER")
                .group("hygiene")).hours(hours("ADAMS", WEEKDAYS, "08:00-09:00"),
                        hours("BAKER", WEEKDAYS, "08:00-09:00"), hours("CHEN", WEEKDAYS, "08:00-09:00"));

        assertEquals(List.of("BAKER", "CHEN"), find(clinic, day(MONDAY)).stream().map(Opening::providerId).toList());
    }

    @Test
    void sameInstantOrderedByProvider() {
        Clinic clinic = Clinic.in(NEW_YORK).grid(60).reason(checkup(60))
                .hours(hours("BAKER", WEEKDAYS, "08:00-10:00"), hours("ADAMS", WEEKDAYS, "08:00-10:00"));

        List<Opening> found = find(clinic, day(MONDAY));

        assertEquals(List.of("ADAMS", "BAKER", "ADAMS", "BAKER"), found.stream().map(Opening::providerId).toList());
        assertEquals(instants("2026-06-15T12:00:00Z", "2026-06-15T12:00:00Z", "2026-06-15T13:00:00Z",
                "2026-06-15T13:00:00Z"), starts(found));
    }

    @Test
    void minimumNotice() {
        Clinic clinic = smith(30, 60, "08:00-12:00").notice(Duration.ofMinutes(70));
        Instant now = at("2026-06-15T13:00:00Z"); // 09:00 local

        // Earliest allowed start 10:10: the next grid start is 10:30.
        assertEquals(instants("2026-06-15T14:30:00Z", "2026-06-15T15:00:00Z"),
                starts(finder.find(clinic.schedule(now), "checkup", day(MONDAY), now)));
    }

    @Test
    void startExactlyAtNoticeIsOffered() {
        Clinic clinic = smith(60, 60, "08:00-12:00").notice(Duration.ofHours(1));
        Instant now = at("2026-06-15T13:00:00Z");

        assertEquals(instants("2026-06-15T14:00:00Z", "2026-06-15T15:00:00Z"),
                starts(finder.find(clinic.schedule(now), "checkup", day(MONDAY), now)));
        // A nanosecond later, 10:00 is too soon.
        Instant later = now.plusNanos(1);
        assertEquals(instants("2026-06-15T15:00:00Z"),
                starts(finder.find(clinic.schedule(now), "checkup", day(MONDAY), later)));
    }

    @Test
    void horizonAndPastDates() {
        Instant now = at("2026-06-15T10:00:00Z"); // Monday 06:00 local
        Clinic clinic = Clinic.in(NEW_YORK).grid(60).hours(hours("SMITH", EVERY_DAY, "08:00-09:00"))
                .reason(checkup(60)).horizon(2);

        assertEquals(instants("2026-06-15T12:00:00Z", "2026-06-16T12:00:00Z", "2026-06-17T12:00:00Z"),
                starts(finder.find(clinic.schedule(now), "checkup", dates(MONDAY.minusDays(3), MONDAY.plusDays(5)),
                        now)));
        Clinic todayOnly = Clinic.in(NEW_YORK).grid(60).hours(hours("SMITH", EVERY_DAY, "08:00-09:00"))
                .reason(checkup(60)).horizon(0);
        assertEquals(instants("2026-06-15T12:00:00Z"),
                starts(finder.find(todayOnly.schedule(now), "checkup", dates(MONDAY, MONDAY.plusDays(5)), now)));
    }

    @Test
    void todayIsTheLocalDateNotTheUtcDate() {
        // Tuesday 01:00 UTC is still Monday 21:00 in New York: horizon 0 means Monday only.
        Instant now = at("2026-06-16T01:00:00Z");
        Clinic clinic = Clinic.in(NEW_YORK).grid(60).hours(hours("SMITH", EVERY_DAY, "08:00-09:00"))
                .reason(checkup(60)).horizon(0);

        assertEquals(List.of(), finder.find(clinic.schedule(now), "checkup", dates(MONDAY, MONDAY.plusDays(3)), now));
    }

    @Test
    void dateExceptionsReplaceTheWeek() {
        var weekly = hours("SMITH", WEEKDAYS, "08:00-09:00");
        var hours = withException(withException(weekly, MONDAY.plusDays(1)), MONDAY.plusDays(2), "10:00-11:00");
        Clinic clinic = Clinic.in(NEW_YORK).grid(60).hours(hours).reason(checkup(60));

        // Tuesday is a day off; Wednesday has other hours.
        assertEquals(instants("2026-06-15T12:00:00Z", "2026-06-17T14:00:00Z", "2026-06-18T12:00:00Z"),
                starts(find(clinic, dates(MONDAY, MONDAY.plusDays(3)))));
    }

    @Test
    void windowEndingAtMidnightTakesTheLastVisit() {
        assertEquals(instants("2026-06-16T02:00:00Z", "2026-06-16T03:00:00Z"),
                starts(find(smith(60, 60, "22:00-00:00"), day(MONDAY))));
    }

    @Test
    void providerWithoutHoursNeverWorks() {
        Preferences jones = new Preferences(MONDAY, MONDAY, Set.of(), List.of(), "JONES");

        assertEquals(List.of(), find(smith(60, 60, "08:00-09:00").provider("JONES"), jones));
    }

    @Test
    void unknownReasonIsNotFound() {
        Schedule schedule = smith(60, 60, "08:00-09:00").schedule(NOW);

        assertThrows(NotFoundException.class, () -> finder.find(schedule, "nothing", day(MONDAY), NOW));
    }

    @Test
    void indexMustCoverTheDatesSearchedWithADayEitherSide() {
        Clinic clinic = smith(60, 60, "08:00-09:00");
        // Monday's local dates need from Sunday 00:00Z to Wednesday 00:00Z.
        Schedule exact = clinic.schedule(at("2026-06-14T00:00:00Z"), at("2026-06-17T00:00:00Z"));
        assertEquals(1, finder.find(exact, "checkup", day(MONDAY), NOW).size());

        Schedule lateStart = clinic.schedule(at("2026-06-14T00:00:01Z"), at("2026-06-17T00:00:00Z"));
        assertThrows(IllegalArgumentException.class, () -> finder.find(lateStart, "checkup", day(MONDAY), NOW));
        Schedule earlyEnd = clinic.schedule(at("2026-06-14T00:00:00Z"), at("2026-06-16T23:59:59Z"));
        assertThrows(IllegalArgumentException.class, () -> finder.find(earlyEnd, "checkup", day(MONDAY), NOW));
        // Buffers widen what must be covered.
        Schedule buffered = clinic.buffers(0, 10).schedule(at("2026-06-14T00:00:00Z"), at("2026-06-17T00:00:00Z"));
        assertThrows(IllegalArgumentException.class, () -> finder.find(buffered, "checkup", day(MONDAY), NOW));
    }

    @Test
    void datesOutsideTheHorizonNeedNoIndex() {
        Clinic clinic = smith(60, 60, "08:00-09:00").horizon(5);
        Schedule small = clinic.schedule(at("2026-05-30T00:00:00Z"), at("2026-06-02T00:00:00Z"));

        assertEquals(List.of(), finder.find(small, "checkup", day(MONDAY), NOW));
    }

    @Test
    void offersWhatFindFinds() {
        Clinic clinic = Clinic.in(NEW_YORK).grid(30).hours(hours("SMITH", WEEKDAYS, "08:00-12:00"))
                .reason(checkup(60).rooms("OP1", "OP2"))
                .appointment(null, "OP1", "2026-06-15T12:00:00Z", "2026-06-15T13:00:00Z");
        Schedule schedule = clinic.schedule(NOW);

        List<Opening> found = finder.find(schedule, "checkup", day(MONDAY), NOW);

        assertEquals(7, found.size());
        assertEquals("OP2", found.get(0).roomId());
        for (Opening opening : found) {
            assertTrue(finder.offers(schedule, opening, NOW), opening::toString);
        }
    }

    @Test
    void offersRefusesWhatFindWouldNotList() {
        Clinic clinic = Clinic.in(NEW_YORK).grid(30).hours(hours("SMITH", WEEKDAYS, "08:00-12:00"))
                .reason(checkup(60).rooms("OP1", "OP2"))
                .appointment("SMITH", null, "2026-06-15T14:00:00Z", "2026-06-15T14:01:00Z");
        Schedule schedule = clinic.schedule(NOW);
        Instant nine = at("2026-06-15T13:00:00Z");
        Instant ten = nine.plusSeconds(3600);

        assertTrue(finder.offers(schedule, opening("OP1", nine, 60), NOW));
        // another room than the one the search would pick
        assertFalse(finder.offers(schedule, opening("OP2", nine, 60), NOW));
        // off the grid, a wrong length, another reason, another provider
        assertFalse(finder.offers(schedule, opening("OP1", nine.plusSeconds(600), 60), NOW));
        assertFalse(finder.offers(schedule, opening("OP1", nine, 45), NOW));
        assertFalse(finder.offers(schedule, new Opening("other", "SMITH", "OP1", nine, ten), NOW));
        assertFalse(finder.offers(schedule, new Opening("checkup", "JONES", "OP1", nine, ten), NOW));
        // the provider is busy at 10:00 for a minute, and 11:30 would run past noon
        assertFalse(finder.offers(schedule, opening("OP1", ten, 60), NOW));
        assertFalse(finder.offers(schedule, opening("OP1", nine.plusSeconds(9000), 60), NOW));
        // too soon, or beyond the horizon
        Schedule notice = clinic.notice(Duration.ofHours(1)).schedule(NOW);
        assertFalse(finder.offers(notice, opening("OP1", nine, 60), nine.minusSeconds(1800)));
        assertTrue(finder.offers(notice, opening("OP1", nine, 60), nine.minusSeconds(3600)));
        Schedule shortHorizon = clinic.notice(Duration.ZERO).horizon(3).schedule(NOW);
        assertFalse(finder.offers(shortHorizon, opening("OP1", nine, 60), NOW));
    }

    @Test
    void offersHonoursReasonWindows() {
        Clinic clinic = Clinic.in(NEW_YORK).grid(60).hours(hours("SMITH", WEEKDAYS, "08:00-12:00"))
                .reason(checkup(60).windows("08:00-09:00"));
        Schedule schedule = clinic.schedule(NOW);

        assertTrue(finder.offers(schedule, opening(null, at("2026-06-15T12:00:00Z"), 60), NOW));
        assertFalse(finder.offers(schedule, opening(null, at("2026-06-15T13:00:00Z"), 60), NOW));
    }

    private static Opening opening(String room, Instant start, int minutes) {
        return new Opening("checkup", "SMITH", room, start, start.plusSeconds(60L * minutes));
    }
}
