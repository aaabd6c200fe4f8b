package org.slotbridge.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.slotbridge.engine.Fixtures.EVERY_DAY;
import static org.slotbridge.engine.Fixtures.MONDAY;
import static org.slotbridge.engine.Fixtures.NEW_YORK;
import static org.slotbridge.engine.Fixtures.WEEKDAYS;
import static org.slotbridge.engine.Fixtures.checkup;
import static org.slotbridge.engine.Fixtures.dates;
import static org.slotbridge.engine.Fixtures.day;
import static org.slotbridge.engine.Fixtures.hours;
import static org.slotbridge.engine.Fixtures.instants;
import static org.slotbridge.engine.Fixtures.opening;
import static org.slotbridge.engine.Fixtures.reason;
import static org.slotbridge.engine.Fixtures.starts;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.slotbridge.api.Audience;
import org.slotbridge.api.ClientKind;
import org.slotbridge.api.Opening;
import org.slotbridge.api.Order;
import org.slotbridge.api.Preferences;
import org.slotbridge.api.Timing;
import org.slotbridge.engine.Fixtures.Clinic;

/** The practice's and the reason's rules, and what is shown of the answer, in New York summer time (UTC-4). */
class OpeningFinderRulesTest {

    private static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");
    private static final LocalDate TUESDAY = MONDAY.plusDays(1);
    private static final LocalDate WEDNESDAY = MONDAY.plusDays(2);

    private final OpeningFinder finder = new OpeningFinder();

    private List<Opening> find(Clinic clinic, String reasonId, Preferences preferences) {
        return finder.find(clinic.schedule(NOW), reasonId, preferences, NOW);
    }

    private List<Opening> find(Clinic clinic, Preferences preferences) {
        return find(clinic, "checkup", preferences);
    }

    private static Preferences page(LocalDate from, LocalDate to, Order order, int limit, int offset) {
        return new Preferences(from, to, Set.of(), List.of(), null, null, order, limit, offset);
    }

    @Test
    void closedDatesHaveNoOpenings() {
        Clinic clinic = Clinic.in(NEW_YORK).grid(60).hours(hours("SMITH", EVERY_DAY, "08:00-09:00"))
                .reason(checkup(60)).closed(TUESDAY);

        assertEquals(instants("2026-06-15T12:00:00Z", "2026-06-17T12:00:00Z"),
                starts(find(clinic, dates(MONDAY, WEDNESDAY))));
    }

    @Test
    void blockoutWithoutProviderBlocksEveryProvider() {
        Clinic clinic = Clinic.in(NEW_YORK).grid(60).reason(checkup(60))
                .hours(hours("ADAMS", WEEKDAYS, "08:00-10:00"), hours("BAKER", WEEKDAYS, "08:00-10:00"))
                .blockout(null, "2026-06-15T12:00:00Z", "2026-06-15T13:00:00Z", null);

        assertEquals(List.of(opening("checkup", "ADAMS", null, "2026-06-15T13:00:00Z", "2026-06-15T14:00:00Z"),
                opening("checkup", "BAKER", null, "2026-06-15T13:00:00Z", "2026-06-15T14:00:00Z")),
                find(clinic, day(MONDAY)));
    }

    @Test
    void typedBlockoutsAreReservedForTheReasonsThatListThem() {
        Clinic clinic = Clinic.in(NEW_YORK).grid(60).hours(hours("SMITH", WEEKDAYS, "08:00-12:00"))
                .reason(checkup(60)).reason(reason("surgery", 60).blockoutTypes("surgery"))
                .blockout("SMITH", "2026-06-15T12:00:00Z", "2026-06-15T13:00:00Z", "surgery") // 08:00-09:00
                .blockout(null, "2026-06-15T13:00:00Z", "2026-06-15T14:00:00Z", "surgery")    // 09:00-10:00
                .blockout("SMITH", "2026-06-15T14:00:00Z", "2026-06-15T15:00:00Z", "lunch");  // 10:00-11:00

        assertEquals(instants("2026-06-15T15:00:00Z"), starts(find(clinic, "checkup", day(MONDAY))));
        assertEquals(instants("2026-06-15T12:00:00Z", "2026-06-15T13:00:00Z", "2026-06-15T15:00:00Z"),
                starts(find(clinic, "surgery", day(MONDAY))));
    }

    @Test
    void reasonValidity() {
        Clinic clinic = Clinic.in(NEW_YORK).grid(60).hours(hours("SMITH", EVERY_DAY, "08:00-09:00"))
                .reason(checkup(60).valid(TUESDAY, WEDNESDAY));

        assertEquals(instants("2026-06-16T12:00:00Z", "2026-06-17T12:00:00Z"),
                starts(find(clinic, dates(MONDAY, MONDAY.plusDays(3)))));
    }

    @Test
    void audienceAgainstTheClient() {
        Clinic clinic = Clinic.in(NEW_YORK).grid(60).hours(hours("SMITH", EVERY_DAY, "08:00-09:00"))
                .reason(checkup(60).audience(Audience.NEW_CLIENTS));

        assertEquals(List.of(), find(clinic, client(ClientKind.EXISTING)));
        assertEquals(1, find(clinic, client(ClientKind.NEW)).size());
        // A client who has not said yet is shown the openings, and asked later.
        assertEquals(1, find(clinic, client(null)).size());
    }

    private static Preferences client(ClientKind kind) {
        return new Preferences(MONDAY, MONDAY, Set.of(), List.of(), null, kind, Order.EARLIEST, 0, 0);
    }

    @Test
    void patternNeedsTheProviderOnlyInItsXUnits() {
        // 15-minute units: X//X needs the provider for the first and the last quarter hour.
        Clinic clinic = Clinic.in(NEW_YORK).unit(15).grid(15).hours(hours("SMITH", WEEKDAYS, "08:00-10:00"))
                .reason(checkup(60).pattern("X//X")).reason(reason("plain", 60))
                .appointment("SMITH", null, "2026-06-15T12:15:00Z", "2026-06-15T12:45:00Z"); // 08:15-08:45

        // 08:15 and 08:30 need the provider within 08:15-08:45; 09:15 would end after 10:00.
        assertEquals(instants("2026-06-15T12:00:00Z", "2026-06-15T12:45:00Z", "2026-06-15T13:00:00Z"),
                starts(find(clinic, "checkup", day(MONDAY))));
        assertEquals(instants("2026-06-15T12:45:00Z", "2026-06-15T13:00:00Z"),
                starts(find(clinic, "plain", day(MONDAY))));
    }

    @Test
    void patternStillNeedsTheRoomThroughout() {
        Clinic clinic = Clinic.in(NEW_YORK).unit(15).grid(15).hours(hours("SMITH", WEEKDAYS, "08:00-10:00"))
                .reason(checkup(60).pattern("X//X").rooms("OP1"))
                .appointment(null, "OP1", "2026-06-15T12:15:00Z", "2026-06-15T12:45:00Z");

        assertEquals(instants("2026-06-15T12:45:00Z", "2026-06-15T13:00:00Z"), starts(find(clinic, day(MONDAY))));
    }

    @Test
    void bufferBeforeMayLieOutsideWorkingHours() {
        Clinic clinic = Clinic.in(NEW_YORK).grid(30).buffers(15, 0).hours(hours("SMITH", WEEKDAYS, "08:00-10:00"))
                .reason(checkup(30))
                .blockout("SMITH", "2026-06-15T11:40:00Z", "2026-06-15T11:50:00Z", null)      // 07:40-07:50
                .appointment("SMITH", null, "2026-06-15T13:05:00Z", "2026-06-15T13:20:00Z");  // 09:05-09:20

        // 08:00 needs 07:45-08:00 free; 09:00 is taken; 09:30 needs 09:15-09:30 free.
        assertEquals(instants("2026-06-15T12:30:00Z"), starts(find(clinic, day(MONDAY))));
    }

    @Test
    void bufferAfter() {
        Clinic clinic = Clinic.in(NEW_YORK).grid(30).buffers(0, 10).hours(hours("SMITH", WEEKDAYS, "08:00-10:00"))
                .reason(checkup(30))
                .appointment("SMITH", null, "2026-06-15T13:05:00Z", "2026-06-15T13:10:00Z");  // 09:05-09:10

        // 08:30 needs 09:00-09:10 free; 09:30 may use 10:00-10:10, after hours.
        assertEquals(instants("2026-06-15T12:00:00Z", "2026-06-15T13:30:00Z"), starts(find(clinic, day(MONDAY))));
    }

    @Test
    void reasonTimingOverridesThePractice() {
        Clinic clinic = Clinic.in(NEW_YORK).grid(30).hours(hours("SMITH", WEEKDAYS, "08:00-10:00"))
                .reason(checkup(30).timing(new Timing(null, null, null, Duration.ofMinutes(10), null,
                        null, null)))
                .appointment("SMITH", null, "2026-06-15T13:05:00Z", "2026-06-15T13:10:00Z");

        assertEquals(instants("2026-06-15T12:00:00Z", "2026-06-15T13:30:00Z"), starts(find(clinic, day(MONDAY))));
    }

    @Test
    void roomsNeedTheBuffersToo() {
        Clinic clinic = Clinic.in(NEW_YORK).grid(30).buffers(15, 0).hours(hours("SMITH", WEEKDAYS, "08:00-10:00"))
                .reason(checkup(30).rooms("OP1", "OP2"))
                .appointment(null, "OP1", "2026-06-15T12:20:00Z", "2026-06-15T12:25:00Z");  // 08:20-08:25

        // 08:00 and 08:30 need OP1 during 07:45-08:30 and 08:15-09:00.
        assertEquals(List.of("OP2", "OP2", "OP1", "OP1"), find(clinic, day(MONDAY)).stream()
                .map(Opening::roomId).toList());
    }

    @Test
    void dailyCapCountsOnlineBookingsOfTheLocalDate() {
        Clinic clinic = Clinic.in(NEW_YORK).grid(60).dailyCap(2).reason(checkup(60))
                .hours(hours("ADAMS", WEEKDAYS, "08:00-10:00"), hours("BAKER", WEEKDAYS, "08:00-10:00"))
                .booked(opening("other", "ADAMS", null, "2026-06-15T20:00:00Z", "2026-06-15T20:30:00Z"))
                // Monday 23:30 in New York, though Tuesday in UTC.
                .booked(opening("checkup", "ADAMS", null, "2026-06-16T03:30:00Z", "2026-06-16T04:00:00Z"))
                .booked(opening("checkup", "BAKER", null, "2026-06-15T20:00:00Z", "2026-06-15T21:00:00Z"));

        assertEquals(List.of("BAKER", "BAKER", "ADAMS", "BAKER", "ADAMS", "BAKER"),
                find(clinic, dates(MONDAY, TUESDAY)).stream().map(Opening::providerId).toList());
        assertEquals(instants("2026-06-15T12:00:00Z", "2026-06-15T13:00:00Z", "2026-06-16T12:00:00Z",
                "2026-06-16T12:00:00Z", "2026-06-16T13:00:00Z", "2026-06-16T13:00:00Z"),
                starts(find(clinic, dates(MONDAY, TUESDAY))));
    }

    @Test
    void holdsTakeTheirProviderAndRoom() {
        Clinic clinic = Clinic.in(NEW_YORK).grid(60).hours(hours("SMITH", WEEKDAYS, "08:00-11:00"))
                .reason(checkup(60).rooms("OP1", "OP2"))
                .hold(opening("other", "SMITH", "OP2", "2026-06-15T12:00:00Z", "2026-06-15T13:00:00Z"))
                .hold(opening("other", "JONES", "OP1", "2026-06-15T13:00:00Z", "2026-06-15T14:00:00Z"));

        assertEquals(List.of(opening("checkup", "SMITH", "OP2", "2026-06-15T13:00:00Z", "2026-06-15T14:00:00Z"),
                opening("checkup", "SMITH", "OP1", "2026-06-15T14:00:00Z", "2026-06-15T15:00:00Z")),
                find(clinic, day(MONDAY)));
    }

    @Test
    void shownPerDayPicksPositionsSpreadOverTheDay() {
        Clinic one = Clinic.in(NEW_YORK).grid(30).hours(hours("ADAMS", WEEKDAYS, "08:00-12:00"))
                .reason(checkup(60)).shownPerDay(3);
        // Seven openings, 08:00 to 11:00: positions 0, 2 and 4.
        assertEquals(instants("2026-06-15T12:00:00Z", "2026-06-15T13:00:00Z", "2026-06-15T14:00:00Z"),
                starts(find(one, day(MONDAY))));

        Clinic two = one.hours(hours("BAKER", WEEKDAYS, "08:00-12:00"));
        // Fourteen, by start then provider: positions 0, 4 and 9 are Adams 08:00, Adams 09:00 and Baker 10:00.
        List<Opening> found = find(two, day(MONDAY));
        assertEquals(instants("2026-06-15T12:00:00Z", "2026-06-15T13:00:00Z", "2026-06-15T14:00:00Z"),
                starts(found));
        assertEquals(List.of("ADAMS", "ADAMS", "BAKER"), found.stream().map(Opening::providerId).toList());
    }

    @Test
    void earliestAndSpreadOrders() {
        Clinic clinic = Clinic.in(NEW_YORK).grid(60).hours(hours("SMITH", EVERY_DAY, "08:00-10:00"))
                .reason(checkup(60));

        assertEquals(instants("2026-06-15T12:00:00Z", "2026-06-15T13:00:00Z", "2026-06-16T12:00:00Z",
                "2026-06-16T13:00:00Z", "2026-06-17T12:00:00Z", "2026-06-17T13:00:00Z"),
                starts(find(clinic, page(MONDAY, WEDNESDAY, Order.EARLIEST, 0, 0))));
        assertEquals(instants("2026-06-15T12:00:00Z", "2026-06-16T12:00:00Z", "2026-06-17T12:00:00Z",
                "2026-06-15T13:00:00Z", "2026-06-16T13:00:00Z", "2026-06-17T13:00:00Z"),
                starts(find(clinic, page(MONDAY, WEDNESDAY, Order.SPREAD, 0, 0))));
    }

    @Test
    void pagesSkipOffsetAndTakeLimit() {
        Clinic clinic = Clinic.in(NEW_YORK).grid(60).hours(hours("SMITH", EVERY_DAY, "08:00-10:00"))
                .reason(checkup(60));

        assertEquals(instants("2026-06-16T12:00:00Z", "2026-06-16T13:00:00Z", "2026-06-17T12:00:00Z"),
                starts(find(clinic, page(MONDAY, WEDNESDAY, Order.EARLIEST, 3, 2))));
        assertEquals(instants("2026-06-17T12:00:00Z", "2026-06-15T13:00:00Z", "2026-06-16T13:00:00Z"),
                starts(find(clinic, page(MONDAY, WEDNESDAY, Order.SPREAD, 3, 2))));
        assertEquals(instants("2026-06-17T12:00:00Z", "2026-06-17T13:00:00Z"),
                starts(find(clinic, page(MONDAY, WEDNESDAY, Order.EARLIEST, 0, 4))));
        assertEquals(List.of(), find(clinic, page(MONDAY, WEDNESDAY, Order.EARLIEST, 5, 6)));
    }

    @Test
    void everyPageIsASliceOfTheWholeAnswer() {
        Clinic clinic = Clinic.in(NEW_YORK).grid(30).shownPerDay(5).reason(checkup(45))
                .hours(hours("ADAMS", WEEKDAYS, "08:00-12:00", "13:00-17:00"), hours("BAKER", EVERY_DAY, "09:00-13:00"))
                .appointment("ADAMS", null, "2026-06-16T14:00:00Z", "2026-06-16T17:00:00Z");
        Schedule schedule = clinic.schedule(NOW);
        LocalDate last = MONDAY.plusDays(9);
        for (Order order : Order.values()) {
            List<Opening> all = finder.find(schedule, "checkup", page(MONDAY, last, order, 0, 0), NOW);
            for (int offset = 0; offset <= all.size(); offset += 3) {
                for (int limit = 1; limit <= 7; limit += 3) {
                    List<Opening> expected = all.subList(offset, Math.min(all.size(), offset + limit));
                    Preferences page = page(MONDAY, last, order, limit, offset);
                    assertEquals(expected, finder.find(schedule, "checkup", page, NOW),
                            order + " offset " + offset + " limit " + limit);
                }
            }
        }
    }

    @Test
    void spreadWithOneShownPerDayIsTheFirstOfEachDay() {
        Clinic clinic = Clinic.in(NEW_YORK).grid(60).hours(hours("SMITH", EVERY_DAY, "08:00-10:00"))
                .reason(checkup(60)).shownPerDay(1);

        assertEquals(instants("2026-06-15T12:00:00Z", "2026-06-16T12:00:00Z", "2026-06-17T12:00:00Z"),
                starts(find(clinic, page(MONDAY, WEDNESDAY, Order.SPREAD, 0, 0))));
    }
}
