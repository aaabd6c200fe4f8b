package org.slotbridge.engine;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.slotbridge.engine.ReferencePractice.WEEKDAYS;
import static org.slotbridge.engine.ReferencePractice.at;
import static org.slotbridge.engine.ReferencePractice.dates;
import static org.slotbridge.engine.ReferencePractice.instants;
import static org.slotbridge.engine.ReferencePractice.reason;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.slotbridge.api.AppointmentStatus;
import org.slotbridge.api.Audience;
import org.slotbridge.api.ClientKind;
import org.slotbridge.api.NotFoundException;
import org.slotbridge.api.Opening;
import org.slotbridge.api.Order;
import org.slotbridge.api.Preferences;
import org.slotbridge.api.Timing;

/**
 * Each rule of {@code docs/openings.md} on a small practice in New York summer time (UTC-4), with the
 * instants expected worked out by hand. Both the reference and the engine must give them.
 */
class RuleExamplesTest {

    /** Monday. */
    private static final LocalDate MONDAY = LocalDate.of(2026, 6, 15);
    private static final LocalDate TUESDAY = MONDAY.plusDays(1);
    private static final LocalDate WEDNESDAY = MONDAY.plusDays(2);
    private static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");
    private static final String NEW_YORK = "America/New_York";

    private static ReferencePractice practice() {
        return new ReferencePractice(NEW_YORK, MONDAY);
    }

    private static Preferences day(LocalDate date) {
        return dates(date, date);
    }

    @Test
    void breaksSplitTheDayAndAVisitEndsByTheBreak() {
        ReferencePractice p = practice().hours("A", WEEKDAYS, "08:00-10:00", "10:30-12:00")
                .reason(reason("visit", 45));

        // 09:15 ends just as the break starts; 09:30 would run into it; 11:15 ends at closing.
        p.assertStarts(instants("2026-06-15T08:00-04:00", "2026-06-15T08:15-04:00", "2026-06-15T08:30-04:00",
                "2026-06-15T08:45-04:00", "2026-06-15T09:00-04:00", "2026-06-15T09:15-04:00",
                "2026-06-15T10:30-04:00", "2026-06-15T10:45-04:00", "2026-06-15T11:00-04:00",
                "2026-06-15T11:15-04:00"), "visit", day(MONDAY), NOW);
    }

    @Test
    void aDateExceptionReplacesTheWeekdayAndAnEmptyOneIsADayOff() {
        ReferencePractice p = practice().hours("A", WEEKDAYS, "08:00-09:00")
                .exception("A", MONDAY, "14:00-15:00")
                .exception("A", TUESDAY)
                .grid(30, Duration.ofHours(1))
                .reason(reason("visit", 30));

        p.assertStarts(instants("2026-06-15T14:00-04:00", "2026-06-15T14:30-04:00",
                "2026-06-17T08:00-04:00", "2026-06-17T08:30-04:00"), "visit", dates(MONDAY, WEDNESDAY), NOW);
    }

    @Test
    void noOpeningsOnAClosedDate() {
        ReferencePractice p = practice().hours("A", WEEKDAYS, "09:00-10:00")
                .closed(TUESDAY)
                .grid(30, Duration.ofHours(1))
                .reason(reason("visit", 30));

        p.assertStarts(instants("2026-06-15T09:00-04:00", "2026-06-15T09:30-04:00",
                "2026-06-17T09:00-04:00", "2026-06-17T09:30-04:00"), "visit", dates(MONDAY, WEDNESDAY), NOW);
    }

    @Test
    void blockoutsBlockTheirProviderOrEveryoneUnlessTheReasonMayUseTheirType() {
        ReferencePractice p = practice().hours("A", WEEKDAYS, "09:00-12:00").hours("B", WEEKDAYS, "09:00-12:00")
                .grid(60, Duration.ofHours(1))
                .blockout(null, null, "2026-06-15T09:00-04:00", "2026-06-15T10:00-04:00")
                .blockout("A", "surgery", "2026-06-15T10:00-04:00", "2026-06-15T11:00-04:00")
                .blockout("B", "lunch", "2026-06-15T11:00-04:00", "2026-06-15T12:00-04:00")
                .reason(reason("surgery", 60).blockoutTypes("surgery"))
                .reason(reason("visit", 60));

        // The practice-wide blockout takes 09:00 from both; A's surgery time is open to surgery only.
        p.assertFinds(List.of(
                opening("surgery", "A", null, "2026-06-15T10:00-04:00", "2026-06-15T11:00-04:00"),
                opening("surgery", "B", null, "2026-06-15T10:00-04:00", "2026-06-15T11:00-04:00"),
                opening("surgery", "A", null, "2026-06-15T11:00-04:00", "2026-06-15T12:00-04:00")),
                "surgery", day(MONDAY), NOW);
        p.assertFinds(List.of(
                opening("visit", "B", null, "2026-06-15T10:00-04:00", "2026-06-15T11:00-04:00"),
                opening("visit", "A", null, "2026-06-15T11:00-04:00", "2026-06-15T12:00-04:00")),
                "visit", day(MONDAY), NOW);
    }

    @Test
    void aPracticeWideTypedBlockoutIsReservedForTheReasonsOfItsType() {
        ReferencePractice p = practice().hours("A", WEEKDAYS, "09:00-11:00")
                .grid(60, Duration.ofHours(1))
                .blockout(null, "emergency", "2026-06-15T09:00-04:00", "2026-06-15T10:00-04:00")
                .reason(reason("emergency", 60).blockoutTypes("emergency", "surgery"))
                .reason(reason("visit", 60));

        p.assertStarts(instants("2026-06-15T09:00-04:00", "2026-06-15T10:00-04:00"), "emergency", day(MONDAY), NOW);
        p.assertStarts(instants("2026-06-15T10:00-04:00"), "visit", day(MONDAY), NOW);
    }

    @Test
    void assistantTimeInAPatternLeavesTheProviderFreeForAnotherVisitButNotTheRoom() {
        ReferencePractice p = practice().unit(15).hours("A", WEEKDAYS, "09:00-11:00").rooms("R1", "R2")
                .grid(15, Duration.ofHours(1))
                // A sees someone else in R1 from 09:15 to 09:45, while the assistant works on the filling
                .appointment("A", "R1", "2026-06-15T09:15-04:00", "2026-06-15T09:45-04:00")
                .reason(reason("filling", 60).pattern("X//X").rooms("R1", "R2"))
                .reason(reason("exam", 60).rooms("R1", "R2"));

        // 09:00 needs A at 09:00-09:15 and 09:45-10:00 only, but R1 throughout, so it takes R2.
        // 09:15 and 09:30 need A during the other visit; 09:45 needs A at 09:45 and 10:30, and R1 is free again.
        p.assertFinds(List.of(
                opening("filling", "A", "R2", "2026-06-15T09:00-04:00", "2026-06-15T10:00-04:00"),
                opening("filling", "A", "R1", "2026-06-15T09:45-04:00", "2026-06-15T10:45-04:00"),
                opening("filling", "A", "R1", "2026-06-15T10:00-04:00", "2026-06-15T11:00-04:00")),
                "filling", day(MONDAY), NOW);
        // Without a pattern the provider is needed throughout.
        p.assertStarts(instants("2026-06-15T09:45-04:00", "2026-06-15T10:00-04:00"), "exam", day(MONDAY), NOW);
    }

    @Test
    void theGridCountsFromTheStartOfEachWindow() {
        ReferencePractice p = practice().hours("A", WEEKDAYS, "08:00-10:00", "10:10-11:30")
                .grid(40, Duration.ofHours(1))
                .reason(reason("visit", 45));

        // 08:00, 08:40 fit; 09:20 would end at 10:05; the second window restarts the grid at 10:10.
        p.assertStarts(instants("2026-06-15T08:00-04:00", "2026-06-15T08:40-04:00", "2026-06-15T10:10-04:00"),
                "visit", day(MONDAY), NOW);
    }

    @Test
    void fixedStartsReplaceTheGridAndMustLieInAWindow() {
        Timing fixed = new Timing(Duration.ofMinutes(15),
                List.of(LocalTime.of(8, 10), LocalTime.of(11, 45), LocalTime.of(12, 15), LocalTime.of(16, 30),
                        LocalTime.of(16, 45)),
                Duration.ZERO, Duration.ZERO, Duration.ofHours(1), 180, 0);
        ReferencePractice p = practice().hours("A", WEEKDAYS, "08:00-12:00", "13:00-17:00")
                .timing(fixed)
                .reason(reason("visit", 30))
                .reason(reason("gridded", 30).timing(new Timing(Duration.ofMinutes(60), List.of(), null, null, null,
                        null, null)))
                .reason(reason("own", 30).starts("13:00", "17:00"));

        // 11:45 would run past noon, 12:15 is in the break, 16:45 would run past five.
        p.assertStarts(instants("2026-06-15T08:10-04:00", "2026-06-15T16:30-04:00"), "visit", day(MONDAY), NOW);
        // An empty list of the reason's own means the grid, here its own hourly grid.
        p.assertStarts(instants("2026-06-15T08:00-04:00", "2026-06-15T09:00-04:00", "2026-06-15T10:00-04:00",
                "2026-06-15T11:00-04:00", "2026-06-15T13:00-04:00", "2026-06-15T14:00-04:00",
                "2026-06-15T15:00-04:00", "2026-06-15T16:00-04:00"), "gridded", day(MONDAY), NOW);
        // 17:00 is where the window ends, not in it.
        p.assertStarts(instants("2026-06-15T13:00-04:00"), "own", day(MONDAY), NOW);
    }

    @Test
    void buffersNeedFreeTimeBeforeAndAfterEvenOutsideWorkingHours() {
        ReferencePractice p = practice().hours("A", WEEKDAYS, "09:00-12:00")
                .timing(new Timing(Duration.ofMinutes(30), List.of(), Duration.ofMinutes(15), Duration.ofMinutes(15),
                        Duration.ofHours(1), 180, 0))
                .appointment("A", null, "2026-06-15T10:00-04:00", "2026-06-15T10:30-04:00")
                .reason(reason("visit", 30));

        // 09:30 ends where the appointment starts, leaving no buffer; 10:30 starts where it ends.
        p.assertStarts(instants("2026-06-15T09:00-04:00", "2026-06-15T11:00-04:00", "2026-06-15T11:30-04:00"),
                "visit", day(MONDAY), NOW);

        p.appointment("A", null, "2026-06-15T12:05-04:00", "2026-06-15T12:20-04:00");
        // after hours, but inside the buffer after 11:30-12:00
        p.assertStarts(instants("2026-06-15T09:00-04:00", "2026-06-15T11:00-04:00"), "visit", day(MONDAY), NOW);
    }

    @Test
    void theRoomNeedsTheBuffersToo() {
        ReferencePractice p = practice().hours("A", WEEKDAYS, "09:00-10:30").rooms("R1", "R2")
                .timing(new Timing(Duration.ofMinutes(30), List.of(), Duration.ZERO, Duration.ofMinutes(10),
                        Duration.ofHours(1), 180, 0))
                // another provider's visit in R1
                .appointment("B", "R1", "2026-06-15T10:00-04:00", "2026-06-15T10:30-04:00")
                .reason(reason("only-r1", 30).rooms("R1"))
                .reason(reason("either", 30).rooms("R1", "R2"));

        // 09:30-10:00 would leave R1 no ten minutes after
        p.assertFinds(List.of(opening("only-r1", "A", "R1", "2026-06-15T09:00-04:00", "2026-06-15T09:30-04:00")),
                "only-r1", day(MONDAY), NOW);
        p.assertFinds(List.of(
                opening("either", "A", "R1", "2026-06-15T09:00-04:00", "2026-06-15T09:30-04:00"),
                opening("either", "A", "R2", "2026-06-15T09:30-04:00", "2026-06-15T10:00-04:00"),
                opening("either", "A", "R2", "2026-06-15T10:00-04:00", "2026-06-15T10:30-04:00")),
                "either", day(MONDAY), NOW);
    }

    @Test
    void noOpeningSoonerThanTheNoticeAfterNow() {
        ReferencePractice p = practice().hours("A", WEEKDAYS, "08:00-12:00")
                .grid(30, Duration.ofHours(1))
                .reason(reason("visit", 30))
                .reason(reason("urgent", 30).timing(new Timing(null, null, null, null, Duration.ofMinutes(10), null,
                        null)));
        Instant now = at("2026-06-15T08:00-04:00");

        // at now plus the notice is soon enough
        p.assertStarts(instants("2026-06-15T09:00-04:00", "2026-06-15T09:30-04:00", "2026-06-15T10:00-04:00",
                "2026-06-15T10:30-04:00", "2026-06-15T11:00-04:00", "2026-06-15T11:30-04:00"),
                "visit", day(MONDAY), now);
        p.assertStarts(instants("2026-06-15T08:30-04:00", "2026-06-15T09:00-04:00", "2026-06-15T09:30-04:00",
                "2026-06-15T10:00-04:00", "2026-06-15T10:30-04:00", "2026-06-15T11:00-04:00",
                "2026-06-15T11:30-04:00"), "urgent", day(MONDAY), now.plusSeconds(1));
    }

    @Test
    void noOpeningPastTheHorizonOrBeforeToday() {
        ReferencePractice p = practice().hours("A", WEEKDAYS, "09:00-10:00")
                .timing(new Timing(Duration.ofMinutes(60), List.of(), Duration.ZERO, Duration.ZERO, Duration.ZERO,
                        14, 0))
                .reason(reason("visit", 60));
        // Monday 2026-06-01 at 08:00: the horizon ends with Monday 2026-06-15
        Instant now = at("2026-06-01T08:00-04:00");

        p.assertStarts(instants("2026-06-12T09:00-04:00", "2026-06-15T09:00-04:00"), "visit",
                dates(LocalDate.of(2026, 6, 12), TUESDAY), now);
        p.assertStarts(instants("2026-06-01T09:00-04:00", "2026-06-02T09:00-04:00"), "visit",
                dates(LocalDate.of(2026, 5, 29), LocalDate.of(2026, 6, 2)), now);
    }

    @Test
    void theDailyCapCountsOnlineBookingsOnTheLocalDate() {
        ReferencePractice p = practice().hours("A", WEEKDAYS, "09:00-10:00").hours("B", WEEKDAYS, "09:00-10:00")
                .timing(new Timing(Duration.ofMinutes(60), List.of(), Duration.ZERO, Duration.ZERO,
                        Duration.ofHours(1), 180, 2))
                // A has two online bookings on Monday, one of them late in the evening (Tuesday in UTC)
                .booked("visit", "A", "2026-06-15T10:00-04:00", "2026-06-15T10:30-04:00")
                .booked("visit", "A", "2026-06-15T22:00-04:00", "2026-06-15T22:30-04:00")
                .booked("visit", "B", "2026-06-15T11:00-04:00", "2026-06-15T11:30-04:00")
                .reason(reason("visit", 60));

        p.assertFinds(List.of(
                opening("visit", "B", null, "2026-06-15T09:00-04:00", "2026-06-15T10:00-04:00"),
                opening("visit", "A", null, "2026-06-16T09:00-04:00", "2026-06-16T10:00-04:00"),
                opening("visit", "B", null, "2026-06-16T09:00-04:00", "2026-06-16T10:00-04:00")),
                "visit", dates(MONDAY, TUESDAY), NOW);
    }

    @Test
    void aReasonIsBookedOnlyWithinItsValidity() {
        ReferencePractice p = practice().hours("A", WEEKDAYS, "09:00-10:00")
                .grid(60, Duration.ofHours(1))
                .reason(reason("flu-shot", 60).valid(TUESDAY, WEDNESDAY));

        p.assertStarts(instants("2026-06-16T09:00-04:00", "2026-06-17T09:00-04:00"), "flu-shot",
                dates(MONDAY, MONDAY.plusDays(3)), NOW);
    }

    @Test
    void theAudienceAdmitsTheClientsItNamesAndAnyoneWhoHasNotSaid() {
        ReferencePractice p = practice().hours("A", WEEKDAYS, "09:00-10:00")
                .grid(60, Duration.ofHours(1))
                .reason(reason("welcome", 60).audience(Audience.NEW_CLIENTS))
                .reason(reason("follow-up", 60).audience(Audience.EXISTING_CLIENTS));
        List<Instant> nine = instants("2026-06-15T09:00-04:00");

        p.assertStarts(nine, "welcome", client(ClientKind.NEW), NOW);
        p.assertStarts(List.of(), "welcome", client(ClientKind.EXISTING), NOW);
        p.assertStarts(nine, "welcome", client(null), NOW);
        p.assertStarts(List.of(), "follow-up", client(ClientKind.NEW), NOW);
        p.assertStarts(nine, "follow-up", client(ClientKind.EXISTING), NOW);
        p.assertStarts(nine, "follow-up", client(null), NOW);
    }

    @Test
    void aReasonAllowsItsListedProvidersAndItsGroupAndOnlyThoseWithHours() {
        ReferencePractice p = practice().hours("A", WEEKDAYS, "09:00-10:00").hours("B", WEEKDAYS, "09:00-10:00")
                .hours("C", WEEKDAYS, "09:00-10:00").providerWithoutHours("D")
                .group("hygiene", "B", "C", "D")
                .grid(60, Duration.ofHours(1))
                .reason(reason("cleaning", 60).group("hygiene"))
                .reason(reason("check", 60).providers("A").group("hygiene"))
                .reason(reason("anyone", 60))
                .reason(reason("listed", 60).providers("C", "D"));

        p.assertFinds(List.of(nine("cleaning", "B"), nine("cleaning", "C")), "cleaning", day(MONDAY), NOW);
        p.assertFinds(List.of(nine("check", "A"), nine("check", "B"), nine("check", "C")), "check", day(MONDAY), NOW);
        p.assertFinds(List.of(nine("anyone", "A"), nine("anyone", "B"), nine("anyone", "C")), "anyone", day(MONDAY),
                NOW);
        p.assertFinds(List.of(nine("listed", "C")), "listed", day(MONDAY), NOW);
    }

    @Test
    void theReasonsWeekdaysAndWindowsLimitItsStarts() {
        ReferencePractice p = practice().hours("A", WEEKDAYS, "08:00-12:00")
                .grid(60, Duration.ofHours(1))
                .reason(reason("visit", 60).weekdays(DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY)
                        .windows("08:00-09:00", "10:00-10:30"));

        // 09:00 is where the first window ends; 10:00 starts in the second and may run past it.
        p.assertStarts(instants("2026-06-16T08:00-04:00", "2026-06-16T10:00-04:00", "2026-06-17T08:00-04:00",
                "2026-06-17T10:00-04:00"), "visit", dates(MONDAY, WEDNESDAY), NOW);
    }

    @Test
    void theRoomTakenIsTheFreeOneWithTheLowestId() {
        ReferencePractice p = practice().hours("A", WEEKDAYS, "09:00-10:00").hours("B", WEEKDAYS, "09:00-10:00")
                .rooms("R3", "R1", "R2")
                .grid(30, Duration.ofHours(1))
                .appointment("C", "R1", "2026-06-15T09:00-04:00", "2026-06-15T09:30-04:00")
                .held("visit", "B", "R2", "2026-06-15T09:00-04:00", "2026-06-15T09:30-04:00")
                .reason(reason("visit", 30).rooms("R1", "R2", "R3"));

        // At 09:00 R1 has an appointment and R2 a hold (which also takes B); at 09:30 all are free.
        p.assertFinds(List.of(
                opening("visit", "A", "R3", "2026-06-15T09:00-04:00", "2026-06-15T09:30-04:00"),
                opening("visit", "A", "R1", "2026-06-15T09:30-04:00", "2026-06-15T10:00-04:00"),
                opening("visit", "B", "R1", "2026-06-15T09:30-04:00", "2026-06-15T10:00-04:00")),
                "visit", day(MONDAY), NOW);

        p.appointment("C", "R3", "2026-06-15T08:00-04:00", "2026-06-15T09:05-04:00");
        p.assertStarts(instants("2026-06-15T09:30-04:00", "2026-06-15T09:30-04:00"), "visit", day(MONDAY), NOW);
    }

    @Test
    void cancelledAppointmentsFreeTheirTimeAndNoShowsDoNot() {
        ReferencePractice p = practice().hours("A", WEEKDAYS, "09:00-11:00").rooms("R1")
                .grid(60, Duration.ofHours(1))
                .appointment("A", "R1", "2026-06-15T09:00-04:00", "2026-06-15T10:00-04:00",
                        AppointmentStatus.CANCELLED)
                .appointment("A", null, "2026-06-15T10:00-04:00", "2026-06-15T10:00:30-04:00",
                        AppointmentStatus.NO_SHOW)
                .reason(reason("visit", 60).rooms("R1"));

        p.assertStarts(instants("2026-06-15T09:00-04:00"), "visit", day(MONDAY), NOW);
    }

    @Test
    void theClientsTimesDaysAndProviderNarrowTheSearch() {
        ReferencePractice p = practice().hours("A", WEEKDAYS, "08:00-12:00").hours("B", WEEKDAYS, "08:00-12:00")
                .hours("C", Set.of(DayOfWeek.MONDAY), "21:00-00:00")
                .grid(60, Duration.ofHours(1))
                .reason(reason("visit", 60));

        Preferences times = new Preferences(MONDAY, MONDAY, Set.of(), ReferencePractice.windows("09:00-10:00"), null);
        p.assertFinds(List.of(nine("visit", "A"), nine("visit", "B")), "visit", times, NOW);

        Preferences days = new Preferences(MONDAY, WEDNESDAY, Set.of(DayOfWeek.TUESDAY),
                ReferencePractice.windows("09:00-10:00"), "B");
        p.assertFinds(List.of(opening("visit", "B", null, "2026-06-16T09:00-04:00", "2026-06-16T10:00-04:00")),
                "visit", days, NOW);

        // an end of 00:00 is the end of the day; the last visit ends at midnight
        Preferences evening = new Preferences(MONDAY, MONDAY, Set.of(), ReferencePractice.windows("22:00-00:00"), null);
        p.assertFinds(List.of(
                opening("visit", "C", null, "2026-06-15T22:00-04:00", "2026-06-15T23:00-04:00"),
                opening("visit", "C", null, "2026-06-15T23:00-04:00", "2026-06-16T00:00-04:00")),
                "visit", evening, NOW);
    }

    @Test
    void atMostShownPerDayOpeningsOfADateArePickedAcrossTheDay() {
        ReferencePractice p = practice().hours("A", WEEKDAYS, "08:00-12:00").hours("B", WEEKDAYS, "08:00-12:00")
                .grid(30, Duration.ofHours(1))
                .shownPerDay(3)
                .reason(reason("visit", 30));

        // 16 openings on Monday (08:00 A, 08:00 B, 08:30 A, ...): positions 0, 5 and 10.
        p.assertFinds(List.of(
                opening("visit", "A", null, "2026-06-15T08:00-04:00", "2026-06-15T08:30-04:00"),
                opening("visit", "B", null, "2026-06-15T09:00-04:00", "2026-06-15T09:30-04:00"),
                opening("visit", "A", null, "2026-06-15T10:30-04:00", "2026-06-15T11:00-04:00")),
                "visit", day(MONDAY), NOW);
        // A alone: 8 openings, positions 0, 2 and 5
        Preferences onlyA = new Preferences(MONDAY, MONDAY, Set.of(), List.of(), "A");
        p.assertStarts(instants("2026-06-15T08:00-04:00", "2026-06-15T09:00-04:00", "2026-06-15T10:30-04:00"),
                "visit", onlyA, NOW);
        // exactly three: all shown
        Preferences morning = new Preferences(MONDAY, MONDAY, Set.of(), ReferencePractice.windows("08:00-09:30"), "A");
        p.assertStarts(instants("2026-06-15T08:00-04:00", "2026-06-15T08:30-04:00", "2026-06-15T09:00-04:00"),
                "visit", morning, NOW);
    }

    @Test
    void spreadTakesTheFirstOfEachDateThenTheSecondAndPagesSkipAndLimit() {
        ReferencePractice p = practice().hours("A", WEEKDAYS, "09:00-10:00")
                .exception("A", TUESDAY, "09:00-10:30")
                .grid(30, Duration.ofHours(1))
                .reason(reason("visit", 30));
        List<Instant> earliest = instants("2026-06-15T09:00-04:00", "2026-06-15T09:30-04:00",
                "2026-06-16T09:00-04:00", "2026-06-16T09:30-04:00", "2026-06-16T10:00-04:00",
                "2026-06-17T09:00-04:00", "2026-06-17T09:30-04:00");
        List<Instant> spread = instants("2026-06-15T09:00-04:00", "2026-06-16T09:00-04:00",
                "2026-06-17T09:00-04:00", "2026-06-15T09:30-04:00", "2026-06-16T09:30-04:00",
                "2026-06-17T09:30-04:00", "2026-06-16T10:00-04:00");

        p.assertStarts(earliest, "visit", page(Order.EARLIEST, 0, 0), NOW);
        p.assertStarts(spread, "visit", page(Order.SPREAD, 0, 0), NOW);
        p.assertStarts(earliest.subList(2, 5), "visit", page(Order.EARLIEST, 3, 2), NOW);
        p.assertStarts(spread.subList(2, 5), "visit", page(Order.SPREAD, 3, 2), NOW);
        p.assertStarts(spread.subList(5, 7), "visit", page(Order.SPREAD, 10, 5), NOW);
        p.assertStarts(List.of(), "visit", page(Order.SPREAD, 1, 7), NOW);
    }

    @Test
    void theSpreadPicksComeFirstWhenADayIsCapped() {
        ReferencePractice p = practice().hours("A", WEEKDAYS, "09:00-11:00")
                .grid(30, Duration.ofHours(1))
                .shownPerDay(2)
                .reason(reason("visit", 30));

        // 4 a day, shown: positions 0 and 2, that is 09:00 and 10:00
        p.assertStarts(instants("2026-06-15T09:00-04:00", "2026-06-16T09:00-04:00", "2026-06-15T10:00-04:00",
                "2026-06-16T10:00-04:00"), "visit", new Preferences(MONDAY, TUESDAY, Set.of(), List.of(), null, null,
                Order.SPREAD, 0, 0), NOW);
    }

    @Test
    void aHoldIsCheckedAgainAsItsDateWouldBeSearchedForItsProvider() {
        ReferencePractice p = practice().hours("A", WEEKDAYS, "09:00-11:00").rooms("R1", "R2")
                .grid(30, Duration.ofHours(1))
                .shownPerDay(1)
                .appointment("C", "R1", "2026-06-15T09:00-04:00", "2026-06-15T09:30-04:00")
                .reason(reason("visit", 30).rooms("R1", "R2"));
        Opening inR2 = opening("visit", "A", "R2", "2026-06-15T09:00-04:00", "2026-06-15T09:30-04:00");
        Opening inR1 = opening("visit", "A", "R1", "2026-06-15T09:00-04:00", "2026-06-15T09:30-04:00");
        Opening notShown = opening("visit", "A", "R1", "2026-06-15T10:30-04:00", "2026-06-15T11:00-04:00");

        p.assertOffers(true, inR2, NOW);
        p.assertOffers(false, inR1, NOW);
        // one opening a day is shown, but every opening of the day may be held
        p.assertOffers(true, notShown, NOW);
        p.assertOffers(false, opening("visit", "A", "R1", "2026-06-15T10:30-04:00", "2026-06-15T11:05-04:00"), NOW);
        p.assertOffers(false, opening("other", "A", "R1", "2026-06-15T10:30-04:00", "2026-06-15T11:00-04:00"), NOW);

        // the appointment in R1 is cancelled: R1 has come free, so the hold on R2 is refused
        ReferencePractice q = practice().hours("A", WEEKDAYS, "09:00-11:00").rooms("R1", "R2")
                .grid(30, Duration.ofHours(1))
                .appointment("C", "R1", "2026-06-15T09:00-04:00", "2026-06-15T09:30-04:00",
                        AppointmentStatus.CANCELLED)
                .reason(reason("visit", 30).rooms("R1", "R2"));
        q.assertOffers(false, inR2, NOW);
        q.assertOffers(true, inR1, NOW);
    }

    @Test
    void aHoldIsRefusedOnceTheDailyCapIsReached() {
        ReferencePractice p = practice().hours("A", WEEKDAYS, "09:00-11:00")
                .timing(new Timing(Duration.ofMinutes(60), List.of(), Duration.ZERO, Duration.ZERO,
                        Duration.ofHours(1), 180, 1))
                .booked("visit", "A", "2026-06-16T09:00-04:00", "2026-06-16T10:00-04:00")
                .reason(reason("visit", 60));

        p.assertOffers(true, opening("visit", "A", null, "2026-06-15T10:00-04:00", "2026-06-15T11:00-04:00"), NOW);
        p.assertOffers(false, opening("visit", "A", null, "2026-06-16T10:00-04:00", "2026-06-16T11:00-04:00"), NOW);
    }

    @Test
    void anUnknownReasonIsNotFound() {
        ReferencePractice p = practice().hours("A", WEEKDAYS, "09:00-10:00").reason(reason("visit", 30));

        assertAll(
                () -> assertThrows(NotFoundException.class, () -> p.reference().find("nothing", day(MONDAY), NOW)),
                () -> assertThrows(NotFoundException.class,
                        () -> new OpeningFinder().find(p.schedule(), "nothing", day(MONDAY), NOW)),
                () -> assertThrows(NotFoundException.class, () -> new OpeningFinder().explain(p.schedule(), "nothing",
                        "A", at("2026-06-15T09:00-04:00"), NOW)));
    }

    private static Preferences page(Order order, int limit, int offset) {
        return new Preferences(MONDAY, WEDNESDAY, Set.of(), List.of(), null, null, order, limit, offset);
    }

    private static Preferences client(ClientKind kind) {
        return new Preferences(MONDAY, MONDAY, Set.of(), List.of(), null, kind, Order.EARLIEST, 0, 0);
    }

    private static Opening nine(String reasonId, String provider) {
        return opening(reasonId, provider, null, "2026-06-15T09:00-04:00", "2026-06-15T10:00-04:00");
    }

    static Opening opening(String reasonId, String provider, String room, String start, String end) {
        return new Opening(reasonId, provider, room, at(start), at(end));
    }
}
