package org.slotbridge.booking.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.ComponentServiceObjects;
import org.slotbridge.api.Appointment;
import org.slotbridge.api.AppointmentStatus;
import org.slotbridge.api.Audience;
import org.slotbridge.api.Blockout;
import org.slotbridge.api.Client;
import org.slotbridge.api.ConflictException;
import org.slotbridge.api.Explanation;
import org.slotbridge.api.Hold;
import org.slotbridge.api.InvalidInputException;
import org.slotbridge.api.NewClientPolicy;
import org.slotbridge.api.NotFoundException;
import org.slotbridge.api.Opening;
import org.slotbridge.api.PatientKind;
import org.slotbridge.api.Obstacle;
import org.slotbridge.api.Practice;
import org.slotbridge.api.PracticeRules;
import org.slotbridge.api.Preferences;
import org.slotbridge.api.Reason;
import org.slotbridge.api.ReasonRules;
import org.slotbridge.api.Request;
import org.slotbridge.api.RequestForm;
import org.slotbridge.api.RequestStatus;
import org.slotbridge.api.Timing;
import org.slotbridge.api.service.IdempotencyKeys.Outcome;
import org.slotbridge.api.service.RequestListener;
import org.slotbridge.store.IdempotencyRepository;
import org.slotbridge.store.Store;
import org.slotbridge.store.internal.Fixtures;
import org.slotbridge.store.internal.TestDatabase;

/**
 * Booking on the real store and engine. The practice is in New York; "now" is Monday 2 March 2026,
 * 07:00 there, and the openings asked for are on Tuesday, when everyone works 08:00-12:00 and
 * 13:00-17:00 (13:00-17:00 and 18:00-22:00 UTC). The practice keeps the default timing (a 15-minute grid,
 * an hour's notice, 180 days ahead) but shows every opening of a day, so that the tests see them all.
 */
class BookingServiceTest {

    private static final String SLUG = Fixtures.SLUG;
    private static final Instant NOW = Instant.parse("2026-03-02T12:00:00Z");
    private static final LocalDate TUESDAY = LocalDate.of(2026, 3, 3);
    private static final Instant TUESDAY_EIGHT = Instant.parse("2026-03-03T13:00:00Z");

    private static final PracticeRules SHOW_ALL = rules(Timing.DEFAULT);

    private Store store;
    private TestClock clock;
    private PracticeSchedules schedules;
    private BookingService booking;
    private final List<Request> told = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() {
        store = TestDatabase.clean().store();
        Fixtures.setUp(store, SLUG, NewClientPolicy.WELCOME);
        store.run(s -> s.practices().saveRules(SLUG, SHOW_ALL));
        clock = new TestClock(NOW);
        schedules = new PracticeSchedules(store);
        booking = new BookingService(store, schedules, Settings.DEFAULT, clock);
        booking.listeners = List.of(Listeners.direct((practice, request) -> told.add(request)));
    }

    @Test
    void openingsListWhatIsFreeEarliestFirst() {
        List<Opening> openings = consults();
        assertEquals(new Opening("consult", "JONES", null, TUESDAY_EIGHT, TUESDAY_EIGHT.plusSeconds(1800)),
                openings.get(0));
        assertEquals("SMITH", openings.get(1).providerId());
        assertEquals(2 * 2 * 15, openings.size(), "two providers, two windows, fifteen 30-minute visits each");

        store.run(s -> s.schedule().saveAppointment(SLUG, new Appointment("A1", "JONES", null, TUESDAY_EIGHT,
                TUESDAY_EIGHT.plusSeconds(3600), null, AppointmentStatus.BOOKED, null)));
        store.run(s -> s.schedule().saveBlockout(SLUG, new Blockout("B1", null,
                Instant.parse("2026-03-03T18:00:00Z"), Instant.parse("2026-03-03T22:00:00Z"))));
        List<Opening> left = consults();
        assertFalse(left.stream().anyMatch(o -> o.providerId().equals("JONES")
                && o.start().isBefore(TUESDAY_EIGHT.plusSeconds(3600))), "the appointment takes its time");
        assertFalse(left.stream().anyMatch(o -> !o.start().isBefore(Instant.parse("2026-03-03T18:00:00Z"))),
                "a blockout without a provider blocks everyone");
    }

    @Test
    void aHoldHidesItsOpeningUntilItLapses() {
        Opening first = consults().get(0);
        Hold hold = booking.hold(SLUG, first);
        assertEquals(first, hold.opening());
        assertEquals(NOW.plus(Duration.ofMinutes(10)), hold.expiresAt());
        assertFalse(consults().contains(first));
        ConflictException taken = assertThrows(ConflictException.class, () -> booking.hold(SLUG, first));
        assertEquals(ConflictException.OPENING_TAKEN, taken.code());

        clock.advance(Duration.ofMinutes(10));
        assertTrue(consults().contains(first), "a lapsed hold takes no time");
        Hold again = booking.hold(SLUG, first);
        assertEquals(first, again.opening());
    }

    @Test
    void ofManyVisitorsPickingOneOpeningAtOnceOneHoldsIt() throws Exception {
        Opening opening = consults().get(0);
        int visitors = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(visitors);
        try {
            List<Future<Hold>> picks = new ArrayList<>();
            for (int i = 0; i < visitors; i++) {
                picks.add(pool.submit(() -> {
                    start.await();
                    try {
                        return booking.hold(SLUG, opening);
                    } catch (ConflictException e) {
                        return null;
                    }
                }));
            }
            start.countDown();
            int held = 0;
            for (Future<Hold> pick : picks) {
                held += pick.get(1, TimeUnit.MINUTES) != null ? 1 : 0;
            }
            assertEquals(1, held);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void visitorsSearchingAtOnceShareOneReadOfTheSchedule() throws Exception {
        int visitors = 6;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(visitors);
        try {
            List<Future<List<Opening>>> searches = new ArrayList<>();
            for (int i = 0; i < visitors; i++) {
                searches.add(pool.submit(() -> {
                    start.await();
                    return consults();
                }));
            }
            start.countDown();
            List<Opening> first = searches.get(0).get(1, TimeUnit.MINUTES);
            for (Future<List<Opening>> search : searches) {
                assertEquals(first, search.get(1, TimeUnit.MINUTES));
            }
            assertEquals(1, schedules.builds(), "the schedule was read once for all of them");
            assertEquals(freshConsults(), first);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void holdsRefuseOpeningsTheSearchWouldNotOffer() {
        Opening offered = consults().get(0);
        assertEquals("opening", invalid(() -> booking.hold(SLUG, new Opening("consult", "JONES", null,
                offered.start(), offered.start().plusSeconds(3600)))));
        assertEquals("provider", invalid(() -> booking.hold(SLUG, new Opening("checkup", "NOBODY", "OP1",
                offered.start(), offered.start().plusSeconds(3600)))));
        assertEquals("room", invalid(() -> booking.hold(SLUG, new Opening("consult", "JONES", "OP1",
                offered.start(), offered.end()))));
        Opening checkup = checkups().get(0);
        assertEquals("room", invalid(() -> booking.hold(SLUG, new Opening("checkup", checkup.providerId(), null,
                checkup.start(), checkup.end()))));
        assertThrows(NotFoundException.class, () -> booking.hold(SLUG, new Opening("nothing", "JONES", null,
                offered.start(), offered.end())));
        assertThrows(NotFoundException.class, () -> booking.hold("nowhere", offered));

        String huge = "Z".repeat(5000);
        InvalidInputException provider = assertThrows(InvalidInputException.class, () -> booking.hold(SLUG,
                new Opening("consult", huge, null, offered.start(), offered.end())));
        assertTrue(provider.getMessage().length() < 200, "the message quotes the start of the value only");
        InvalidInputException room = assertThrows(InvalidInputException.class, () -> booking.hold(SLUG,
                new Opening("checkup", checkup.providerId(), huge, checkup.start(), checkup.end())));
        assertEquals("room", room.field());
        assertTrue(room.getMessage().length() < 200, "the message quotes the start of the value only");

        Opening offGrid = new Opening("consult", "JONES", null, offered.start().plusSeconds(60),
                offered.end().plusSeconds(60));
        assertEquals("opening", invalid(() -> booking.hold(SLUG, offGrid)), "never an opening: a 400, not a 409");
        Opening sunday = new Opening("consult", "JONES", null, Instant.parse("2026-03-08T14:00:00Z"),
                Instant.parse("2026-03-08T14:30:00Z"));
        assertEquals("opening", invalid(() -> booking.hold(SLUG, sunday)));
        Opening nextYear = new Opening("consult", "JONES", null, Instant.parse("2027-03-02T14:00:00Z"),
                Instant.parse("2027-03-02T14:30:00Z"));
        assertEquals("opening", invalid(() -> booking.hold(SLUG, nextYear)), "beyond the horizon");

        store.run(s -> s.schedule().saveAppointment(SLUG, new Appointment("A9", offered.providerId(), null,
                offered.start(), offered.end(), null, AppointmentStatus.BOOKED, null)));
        assertEquals(ConflictException.OPENING_TAKEN,
                assertThrows(ConflictException.class, () -> booking.hold(SLUG, offered)).code(),
                "an opening the PMS has booked since is taken, not invalid");
    }

    @Test
    void aHoldThePmsHasBookedOverCannotBecomeARequest() {
        Opening opening = consults().get(0);
        Hold hold = booking.hold(SLUG, opening);
        store.run(s -> s.schedule().saveAppointment(SLUG, new Appointment("PHONE-2", opening.providerId(), null,
                opening.start().plusSeconds(900), opening.end().plusSeconds(900), null, AppointmentStatus.BOOKED,
                null)));

        ConflictException refused = assertThrows(ConflictException.class,
                () -> booking.request(SLUG, form(hold, "mia@example.org", "1234", "Mia")));
        assertEquals(ConflictException.OPENING_TAKEN, refused.code());
        assertTrue(booking.requests(SLUG, RequestStatus.PENDING).isEmpty(), "no request was made");
        assertThrows(NotFoundException.class, () -> booking.findHold(SLUG, hold.id()),
                "the hold ended, so the quarter hour the PMS left free can be offered again");
        assertEquals("hold_lapsed", assertThrows(ConflictException.class,
                () -> booking.request(SLUG, form(hold, "mia@example.org", "1234", "Mia"))).code());
    }

    @Test
    void staffCannotConfirmATimeThePmsHasBookedSince() {
        Opening opening = consults().get(0);
        Request pending = requestOn(opening, "mia@example.org");
        store.run(s -> s.schedule().saveAppointment(SLUG, new Appointment("PHONE-1", opening.providerId(), null,
                opening.start().plusSeconds(900), opening.end().plusSeconds(900), null, AppointmentStatus.BOOKED,
                null)));

        ConflictException refused = assertThrows(ConflictException.class,
                () -> booking.confirm(SLUG, pending.id(), null));
        assertEquals("booked_in_pms", refused.code());
        assertEquals(RequestStatus.PENDING, booking.find(SLUG, pending.id()).status(), "nothing changed");

        store.run(s -> s.schedule().saveAppointment(SLUG, new Appointment("PHONE-1", opening.providerId(), null,
                opening.start().plusSeconds(900), opening.end().plusSeconds(900), null, AppointmentStatus.CANCELLED,
                null)));
        assertEquals(RequestStatus.CONFIRMED, booking.confirm(SLUG, pending.id(), null).status(),
                "once the PMS frees the time again, staff may confirm");
    }

    @Test
    void aHoldBlocksTheRoomForOtherProviders() {
        Opening checkup = checkups().get(0);
        assertEquals("OP1", checkup.roomId());
        booking.hold(SLUG, checkup);
        List<Opening> after = checkups().stream().filter(o -> o.start().equals(checkup.start())).toList();
        assertEquals(1, after.size(), "one provider and one room left at that time");
        assertEquals("OP2", after.get(0).roomId());
    }

    @Test
    void aNewClientsRequestKeepsTheHoldAndTellsTheListeners() {
        Hold hold = booking.hold(SLUG, consults().get(0));
        Request request = booking.request(SLUG, form(hold, "mia@example.org", "1234", "Mia Park"));

        assertEquals(RequestStatus.PENDING, request.status());
        assertEquals(hold.id(), request.holdId());
        assertEquals(hold.opening(), request.opening());
        assertTrue(request.newClient());
        assertEquals("Mia Park", request.client().name());
        assertTrue(request.client().hasPrivacyCode());
        assertEquals("Mia Park", request.patient().name());
        assertEquals(PatientKind.SELF, request.patient().kind());
        assertEquals("Sensitive tooth", request.memo());
        assertEquals(NOW, request.createdAt());
        assertEquals(List.of(request), told);

        clock.advance(Duration.ofHours(2));
        assertNull(store.call(s -> s.holds().find(SLUG, hold.id())).orElseThrow().expiresAt(), "kept, not lapsing");
        assertFalse(consults().contains(hold.opening()));
        assertEquals(request, booking.find(SLUG, request.id()));
        assertEquals(List.of(request), booking.requests(SLUG, RequestStatus.PENDING));
    }

    @Test
    void aPrivacyCodeIsReadWithoutTheSpacesAroundIt() {
        requestOn(consults().get(0), "mia@example.org");
        Hold second = booking.hold(SLUG, consults().get(0));
        Request again = booking.request(SLUG, form(second, "mia@example.org", "  1234 ", "Mia Park"));
        assertFalse(again.newClient(), "the same client, known by the same code");
    }

    @Test
    void aKnownClientMustGiveTheirPrivacyCode() {
        List<Opening> openings = consults();
        booking.request(SLUG, form(booking.hold(SLUG, openings.get(0)), "mia@example.org", "1234", "Mia Park"));
        Hold second = booking.hold(SLUG, openings.get(1));

        assertEquals("privacyCode",
                invalid(() -> booking.request(SLUG, form(second, "MIA@example.org", "9999", null))));
        assertNotNull(store.call(s -> s.holds().find(SLUG, second.id())).orElseThrow().expiresAt(),
                "a refused request leaves the hold as it was");

        Request again = booking.request(SLUG, form(second, "MIA@example.org", "1234", null));
        assertFalse(again.newClient());
        assertEquals("Mia Park", again.client().name());
    }

    @Test
    void aClientFromThePmsWithoutCodeMakesTheGivenCodeTheirs() {
        store.run(s -> s.clients().saveFromPms(SLUG, new Client(null, "C7", "Leo Park", null, "+1 555 010 2030",
                false)));
        List<Opening> openings = consults();
        Request first = booking.request(SLUG, form(booking.hold(SLUG, openings.get(0)), null, "abcd", null,
                "(555) 010-2030"));
        assertFalse(first.newClient(), "the PMS knew the client");
        assertEquals("C7", first.client().pmsId());
        assertTrue(first.client().hasPrivacyCode());

        Hold second = booking.hold(SLUG, openings.get(1));
        assertEquals("privacyCode", invalid(() -> booking.request(SLUG, form(second, null, "wxyz", null,
                "555 010 2030"))));
    }

    @Test
    void aPracticeForExistingClientsOnlyTurnsNewOnesAway() {
        store.run(s -> s.practices().save(Fixtures.practice(SLUG, NewClientPolicy.EXISTING_ONLY)));
        Hold hold = booking.hold(SLUG, consults().get(0));
        ConflictException closed = assertThrows(ConflictException.class,
                () -> booking.request(SLUG, form(hold, "new@example.org", "1234", "New Person")));
        assertEquals("new_clients_closed", closed.code());
        assertTrue(told.isEmpty());
    }

    @Test
    void requestFormsAreChecked() {
        Hold hold = booking.hold(SLUG, consults().get(0));
        assertEquals("email", invalid(() -> booking.request(SLUG, form(hold, null, "1234", "Mia", null))));
        assertEquals("email", invalid(() -> booking.request(SLUG, form(hold, "mia@", "1234", "Mia"))));
        assertEquals("phone", invalid(() -> booking.request(SLUG, form(hold, null, "1234", "Mia", "call me"))));
        assertEquals("privacyCode", invalid(() -> booking.request(SLUG, form(hold, "mia@example.org", "123",
                "Mia"))));
        assertEquals("privacyCode", invalid(() -> booking.request(SLUG, form(hold, "mia@example.org",
                "x".repeat(65), "Mia"))));
        assertEquals("privacyCode", invalid(() -> booking.request(SLUG, form(hold, "mia@example.org", "      ",
                "Mia"))), "a code of spaces is no code");
        assertEquals("clientName", invalid(() -> booking.request(SLUG, form(hold, "mia@example.org", "1234",
                null))));
        assertEquals("memo", invalid(() -> booking.request(SLUG, new RequestForm(hold.id(), "mia@example.org",
                null, "1234", "Mia", null, null, "x".repeat(2001)))));
        assertEquals("patientName", invalid(() -> booking.request(SLUG, new RequestForm(hold.id(),
                "mia@example.org", null, "1234", "Mia", null, PatientKind.PET, null))));
        assertEquals("holdId", invalid(() -> booking.request(SLUG, new RequestForm(" ", "mia@example.org",
                null, "1234", "Mia", null, null, null))));
        assertTrue(told.isEmpty());
    }

    @Test
    void aRequestNeedsALiveUnusedHold() {
        Hold hold = booking.hold(SLUG, consults().get(0));
        booking.request(SLUG, form(hold, "mia@example.org", "1234", "Mia Park"));
        assertEquals("hold_used", assertThrows(ConflictException.class,
                () -> booking.request(SLUG, form(hold, "mia@example.org", "1234", "Mia Park"))).code());

        Hold lapsing = booking.hold(SLUG, consults().get(0));
        clock.advance(Duration.ofMinutes(11));
        assertEquals("hold_lapsed", assertThrows(ConflictException.class,
                () -> booking.request(SLUG, form(lapsing, "leo@example.org", "1234", "Leo"))).code());
        assertEquals("hold_lapsed", assertThrows(ConflictException.class,
                () -> booking.request(SLUG, new RequestForm("no-such-hold", "leo@example.org", null, "1234",
                        "Leo", null, null, null))).code());
    }

    @Test
    void aBareHoldIsFoundAndReleasedButNotOneARequestKeeps() {
        Opening opening = consults().get(0);
        Hold hold = booking.hold(SLUG, opening);
        assertEquals(hold, booking.findHold(SLUG, hold.id()));
        assertThrows(NotFoundException.class, () -> booking.findHold("elsewhere", hold.id()));
        assertThrows(NotFoundException.class, () -> booking.release("elsewhere", hold.id()));

        booking.release(SLUG, hold.id());
        assertTrue(consults().contains(opening), "a released hold offers its time again");
        assertThrows(NotFoundException.class, () -> booking.findHold(SLUG, hold.id()));
        assertThrows(NotFoundException.class, () -> booking.release(SLUG, hold.id()));
        assertThrows(NotFoundException.class, () -> booking.release(SLUG, "no-such-hold"));

        Request request = requestOn(opening, "mia@example.org");
        assertNull(booking.findHold(SLUG, request.holdId()).expiresAt(), "a kept hold does not lapse");
        assertEquals("hold_in_use", assertThrows(ConflictException.class,
                () -> booking.release(SLUG, request.holdId())).code());
        assertFalse(consults().contains(opening), "the request keeps its time");

        Hold lapsing = booking.hold(SLUG, consults().get(0));
        clock.advance(Duration.ofMinutes(10));
        assertThrows(NotFoundException.class, () -> booking.findHold(SLUG, lapsing.id()));
        assertThrows(NotFoundException.class, () -> booking.release(SLUG, lapsing.id()));
    }

    @Test
    void confirmKeepsTheTimeAndDeclineFreesIt() {
        List<Opening> openings = consults();
        Request kept = requestOn(openings.get(0), "mia@example.org");
        Request freed = requestOn(openings.get(1), "leo@example.org");

        clock.advance(Duration.ofMinutes(30));
        Request confirmed = booking.confirm(SLUG, kept.id(), "See you then");
        assertEquals(RequestStatus.CONFIRMED, confirmed.status());
        assertEquals("See you then", confirmed.staffNote());
        assertEquals(NOW.plus(Duration.ofMinutes(30)), confirmed.decidedAt());
        assertNull(confirmed.holdId());
        Request declined = booking.decline(SLUG, freed.id(), "Fully booked");
        assertEquals(RequestStatus.DECLINED, declined.status());

        List<Opening> now = consults();
        assertFalse(now.contains(openings.get(0)), "a confirmed request keeps its time");
        assertTrue(now.contains(openings.get(1)), "a declined request frees its time");
        assertEquals(List.of(confirmed, declined), told.subList(2, 4));

        for (Request decided : List.of(confirmed, declined)) {
            ConflictException closed = assertThrows(ConflictException.class,
                    () -> booking.confirm(SLUG, decided.id(), null));
            assertEquals("request_not_open", closed.code());
            assertThrows(ConflictException.class, () -> booking.decline(SLUG, decided.id(), null));
            assertThrows(ConflictException.class, () -> booking.withdraw(SLUG, decided.id()));
        }
        assertEquals(4, told.size(), "refused decisions tell nobody");
    }

    @Test
    void aNoteTooLongIsRefusedNamingTheNote() {
        Request request = requestOn(consults().get(0), "mia@example.org");
        String longNote = "x".repeat(Forms.MAX_NOTE + 1);
        assertEquals("note", assertThrows(InvalidInputException.class,
                () -> booking.confirm(SLUG, request.id(), longNote)).field());
        assertEquals("note", assertThrows(InvalidInputException.class,
                () -> booking.decline(SLUG, request.id(), longNote)).field());
        assertEquals("note", assertThrows(InvalidInputException.class,
                () -> booking.propose(SLUG, request.id(), consults().get(0), longNote)).field());
    }

    @Test
    void theClientMayWithdraw() {
        Opening opening = consults().get(0);
        Request request = requestOn(opening, "mia@example.org");
        Request withdrawn = booking.withdraw(SLUG, request.id());
        assertEquals(RequestStatus.WITHDRAWN, withdrawn.status());
        assertTrue(consults().contains(opening));
        assertThrows(NotFoundException.class, () -> booking.withdraw(SLUG, "no-such-request"));
        assertThrows(NotFoundException.class, () -> booking.withdraw("elsewhere", request.id()));
    }

    @Test
    void proposingMovesTheHoldToTheNewOpening() {
        List<Opening> openings = consults();
        Opening asked = openings.get(0);
        Request request = requestOn(asked, "mia@example.org");
        // the same provider half an hour later overlaps nothing; an hour later too
        Opening later = openings.stream().filter(o -> o.providerId().equals(asked.providerId())
                && o.start().equals(asked.start().plusSeconds(3600))).findFirst().orElseThrow();

        Request proposed = booking.propose(SLUG, request.id(), later, "Could you come an hour later?");
        assertEquals(RequestStatus.PROPOSED, proposed.status());
        assertEquals(later, proposed.opening());
        assertNotNull(proposed.holdId());
        assertFalse(proposed.holdId().equals(request.holdId()));
        List<Opening> now = consults();
        assertTrue(now.contains(asked), "the first opening is free again");
        assertFalse(now.contains(later), "the proposed one is held");

        assertEquals(RequestStatus.CONFIRMED, booking.confirm(SLUG, request.id(), null).status());
        assertFalse(consults().contains(later));
    }

    @Test
    void proposingTakenTimeChangesNothing() {
        List<Opening> openings = consults();
        Request request = requestOn(openings.get(0), "mia@example.org");
        Opening other = openings.get(4);
        booking.hold(SLUG, other);

        ConflictException taken = assertThrows(ConflictException.class,
                () -> booking.propose(SLUG, request.id(), other, null));
        assertEquals(ConflictException.OPENING_TAKEN, taken.code());
        Request unchanged = booking.find(SLUG, request.id());
        assertEquals(request, unchanged);
        assertFalse(consults().contains(openings.get(0)), "the request still holds its time");
    }

    @Test
    void proposingTheRequestsOwnTimeIsRefused() {
        Opening asked = consults().get(0);
        Request request = requestOn(asked, "mia@example.org");
        assertEquals("opening", invalid(() -> booking.propose(SLUG, request.id(), asked, null)));
        assertEquals(request, booking.find(SLUG, request.id()), "nothing changed");

        Opening quarterPast = new Opening("consult", asked.providerId(), null, asked.start().plusSeconds(900),
                asked.end().plusSeconds(900));
        booking.propose(SLUG, request.id(), quarterPast, null);
        assertEquals("opening", invalid(() -> booking.propose(SLUG, request.id(), quarterPast, null)),
                "nor proposed twice");
    }

    @Test
    void proposingATimeThatOverlapsTheRequestsOwnHoldWorks() {
        Opening asked = consults().get(0);
        Request request = requestOn(asked, "mia@example.org");
        Opening quarterPast = new Opening("consult", asked.providerId(), null, asked.start().plusSeconds(900),
                asked.end().plusSeconds(900));
        Request moved = booking.propose(SLUG, request.id(), quarterPast, null);
        assertEquals(quarterPast, moved.opening());
        assertTrue(store.call(s -> s.holds().find(SLUG, request.holdId())).isEmpty(), "the old hold ended");
        assertFalse(consults().contains(quarterPast));
    }

    @Test
    void aFailingListenerDoesNotStopTheOthersNorTheChange() {
        List<Request> seen = new ArrayList<>();
        RequestListener broken = (practice, request) -> {
            throw new IllegalStateException("mail server down");
        };
        booking.listeners = List.of(Listeners.direct(broken),
                Listeners.direct((practice, request) -> seen.add(request)));
        Request request = requestOn(consults().get(0), "mia@example.org");
        assertEquals(List.of(request), seen);
        assertEquals(RequestStatus.PENDING, booking.find(SLUG, request.id()).status());
    }

    @Test
    void aListenerTheFrameworkWillNotTakeBackDoesNotFailTheChange() {
        List<Request> seen = new ArrayList<>();
        ComponentServiceObjects<RequestListener> refusing = new ComponentServiceObjects<>() {
            @Override
            public RequestListener getService() {
                return (practice, request) -> seen.add(request);
            }

            @Override
            public void ungetService(RequestListener service) {
                throw new IllegalArgumentException();
            }

            @Override
            public ServiceReference<RequestListener> getServiceReference() {
                return null;
            }
        };
        booking.listeners = List.of(refusing, Listeners.direct((practice, request) -> seen.add(request)));
        Request request = requestOn(consults().get(0), "mia@example.org");
        assertEquals(List.of(request, request), seen, "both listeners are told, and the request is answered");
        assertEquals(RequestStatus.PENDING, booking.find(SLUG, request.id()).status());
    }

    @Test
    void aPracticeWithoutOnlineBookingOffersNothing() {
        Opening opening = consults().get(0);
        store.run(s -> s.practices().save(new Practice(SLUG, "Riverside", Fixtures.ZONE, null, null,
                NewClientPolicy.WELCOME, false)));
        assertTrue(consults().isEmpty());
        assertEquals("booking_closed", assertThrows(ConflictException.class,
                () -> booking.hold(SLUG, opening)).code());
    }

    @Test
    void theSweepDeletesLapsedHolds() {
        Hold hold = booking.hold(SLUG, consults().get(0));
        clock.advance(Duration.ofMinutes(15));
        booking.sweep();
        assertTrue(store.call(s -> s.holds().find(SLUG, hold.id())).isEmpty());
    }

    @Test
    void theSweepDeletesIdempotencyKeysPastTheirDayInBatches() {
        Instant dayAgo = NOW.minus(IdempotencyRepository.KEPT).minusSeconds(1);
        int old = 1203;
        store.run(s -> {
            for (int i = 0; i < old; i++) {
                s.idempotency().claim(SLUG, "old-" + i, "f".repeat(64), dayAgo);
            }
            s.idempotency().claim(SLUG, "young", "f".repeat(64), NOW.minusSeconds(60));
        });
        assertEquals(old, booking.sweepKeys(), "three transactions of at most 500 keys each");
        assertEquals(0, booking.sweepKeys());
        assertEquals(Outcome.MISMATCH, store.call(s -> s.idempotency().claim(SLUG, "young", "e".repeat(64), NOW))
                .outcome(), "the key of a minute ago is still there");
    }

    @Test
    void theScheduleIsReadAgainOnlyWhenSomethingWrittenPastBookingChangedIt() {
        List<Opening> first = consults();
        long builds = schedules.builds();
        assertEquals(first, consults());
        assertEquals(builds, schedules.builds(), "nothing changed, nothing is read again");

        store.run(s -> s.schedule().saveAppointment(SLUG, new Appointment("A1", "JONES", null, TUESDAY_EIGHT,
                TUESDAY_EIGHT.plusSeconds(3600), null, AppointmentStatus.BOOKED, null)));
        List<Opening> after = consults();
        assertEquals(builds + 1, schedules.builds(), "the store's schedule version tells of the change");
        assertFalse(after.contains(first.get(0)));
        assertEquals(freshConsults(), after);
    }

    @Test
    void aConfigurationChangeIsReadWithoutReadingTheScheduleAgain() {
        consults();
        long builds = schedules.builds();
        store.run(s -> s.practices().saveReason(SLUG, new Reason("consult", "Consultation", null, null,
                Duration.ofMinutes(60), Set.of(), Set.of(), Set.of(), List.of())));
        List<Opening> longer = consults();
        assertFalse(longer.isEmpty());
        assertTrue(longer.stream().allMatch(o -> o.end().equals(o.start().plusSeconds(3600))),
                "the new duration is used at once");
        assertEquals(builds, schedules.builds());
    }

    @Test
    void changesToldInOrderAreAppliedInPlaceAndAMissedOneMakesTheIndexBeReadAgain() {
        List<Opening> before = consults();
        long builds = schedules.builds();
        Appointment jones = new Appointment("A1", "JONES", null, TUESDAY_EIGHT, TUESDAY_EIGHT.plusSeconds(3600),
                null, AppointmentStatus.BOOKED, null);
        long onVersion = saveAndTell(null, jones);
        List<Opening> after = consults();
        assertFalse(after.contains(before.get(0)), "the told change is searched at once");
        assertEquals(builds, schedules.builds(), "and applied in place");
        assertEquals(freshConsults(), after);

        schedules.appointmentChanged(SLUG, null, jones, onVersion);
        assertEquals(freshConsults(), consults(), "told twice, applied once");
        assertEquals(builds, schedules.builds());

        store.run(s -> s.schedule().saveAppointment(SLUG, new Appointment("A2", "SMITH", null, TUESDAY_EIGHT,
                TUESDAY_EIGHT.plusSeconds(1800), null, AppointmentStatus.BOOKED, null)));
        Appointment moved = new Appointment("A1", "JONES", null, TUESDAY_EIGHT.plusSeconds(3600),
                TUESDAY_EIGHT.plusSeconds(7200), null, AppointmentStatus.BOOKED, null);
        saveAndTell(jones, moved);
        List<Opening> afterGap = consults();
        assertEquals(builds + 1, schedules.builds(), "a change on a version the index never held is not patched in");
        assertEquals(freshConsults(), afterGap);
        assertTrue(afterGap.contains(before.get(0)), "moved away, the first time is free again");
    }

    @Test
    void anIndexServesTheNextDayAndIsBuiltAgainWhenTheDaysPassIt() {
        consults();
        long builds = schedules.builds();
        clock.advance(Duration.ofDays(1));
        consults();
        assertEquals(builds, schedules.builds(), "built with a day to spare");

        clock.advance(Duration.ofDays(1));
        LocalDate today = LocalDate.of(2026, 3, 4);
        Preferences lastDays = new Preferences(today.plusDays(170), today.plusDays(180), Set.of(), List.of(), null);
        List<Opening> far = booking.openings(SLUG, "consult", lastDays);
        assertEquals(builds + 1, schedules.builds());
        assertFalse(far.isEmpty());
        assertEquals(fresh().openings(SLUG, "consult", lastDays), far);
    }

    @Test
    void aPracticeThatFailedToLoadIsLoadedOnceItIsThere() {
        Preferences tuesday = new Preferences(TUESDAY, TUESDAY, Set.of(), List.of(), null);
        assertThrows(NotFoundException.class, () -> booking.openings("later", "consult", tuesday));
        Fixtures.setUp(store, "later", NewClientPolicy.WELCOME);
        assertFalse(booking.openings("later", "consult", tuesday).isEmpty());
    }

    @Test
    void aReasonForNewClientsTurnsKnownClientsAway() {
        saveConsultFor(Audience.NEW_CLIENTS);
        requestOn(consults().get(0), "mia@example.org");
        told.clear();

        Hold second = booking.hold(SLUG, consults().get(0));
        ConflictException refused = assertThrows(ConflictException.class,
                () -> booking.request(SLUG, form(second, "mia@example.org", "1234", null)));
        assertEquals("new_clients_only", refused.code());
        assertTrue(told.isEmpty());
        assertNotNull(store.call(s -> s.holds().find(SLUG, second.id())).orElseThrow().expiresAt(),
                "the hold stays as it was");
    }

    @Test
    void aReasonForExistingClientsTurnsNewOnesAwayAndStoresNothingOfThem() {
        saveConsultFor(Audience.EXISTING_CLIENTS);
        Hold hold = booking.hold(SLUG, consults().get(0));
        ConflictException refused = assertThrows(ConflictException.class,
                () -> booking.request(SLUG, form(hold, "new@example.org", "1234", "New Person")));
        assertEquals("existing_clients_only", refused.code());
        assertTrue(store.call(s -> s.clients().findByContact(SLUG, "new@example.org", null)).isEmpty());

        store.run(s -> s.clients().saveFromPms(SLUG, new Client(null, "C7", "Leo Park", "leo@example.org", null,
                false)));
        Request known = booking.request(SLUG, form(hold, "leo@example.org", "abcd", null));
        assertFalse(known.newClient(), "a client the PMS knows may book it, on the same hold");
    }

    @Test
    void staffAreToldWhetherATimeIsOfferedAndWhyNot() {
        Opening first = consults().get(0);
        Explanation offered = booking.explain(SLUG, "consult", "JONES", TUESDAY_EIGHT);
        assertTrue(offered.offered());
        assertEquals(first, offered.opening());

        booking.hold(SLUG, first);
        assertTrue(codes(booking.explain(SLUG, "consult", "JONES", TUESDAY_EIGHT)).contains("hold"));
        store.run(s -> s.schedule().saveAppointment(SLUG, new Appointment("A1", "SMITH", null, TUESDAY_EIGHT,
                TUESDAY_EIGHT.plusSeconds(1800), null, AppointmentStatus.BOOKED, null)));
        assertTrue(codes(booking.explain(SLUG, "consult", "SMITH", TUESDAY_EIGHT)).contains("appointment"));
        assertTrue(codes(booking.explain(SLUG, "consult", "SMITH", TUESDAY_EIGHT.plusSeconds(600)))
                .contains("off_grid"));
        Instant nextYear = Instant.parse("2027-03-02T14:00:00Z");
        assertTrue(codes(booking.explain(SLUG, "consult", "SMITH", nextYear)).contains("horizon"),
                "a time far past the index is answered too");

        assertThrows(NotFoundException.class, () -> booking.explain(SLUG, "consult", "NOBODY", TUESDAY_EIGHT));
        assertThrows(NotFoundException.class, () -> booking.explain(SLUG, "nothing", "JONES", TUESDAY_EIGHT));
        assertThrows(NotFoundException.class, () -> booking.explain("nowhere", "consult", "JONES", TUESDAY_EIGHT));
        assertEquals("start", invalid(() -> booking.explain(SLUG, "consult", "JONES", null)));
        assertEquals("provider", invalid(() -> booking.explain(SLUG, "consult", null, TUESDAY_EIGHT)));
    }

    @Test
    void aDailyCapCountsHoldsAndVisitsBookedOnlineButNotOtherVisits() {
        store.run(s -> s.practices().saveRules(SLUG, rules(new Timing(Duration.ofMinutes(15), List.of(),
                Duration.ZERO, Duration.ZERO, Duration.ofHours(1), 180, 1))));
        Opening jones = consults().get(0);
        assertEquals("JONES", jones.providerId());
        Request request = requestOn(jones, "mia@example.org");
        assertTrue(consults().stream().noneMatch(o -> o.providerId().equals("JONES")),
                "Dr. Jones has his one online booking of the day");
        assertTrue(consults().stream().anyMatch(o -> o.providerId().equals("SMITH")));

        // the PMS books the visit and echoes the request's id; sync ends the hold in the same transaction
        store.run(s -> {
            s.schedule().saveAppointment(SLUG, new Appointment("A9", "JONES", null, jones.start(), jones.end(), null,
                    AppointmentStatus.BOOKED, request.id()));
            s.holds().releaseFor(SLUG, request.id());
        });
        assertTrue(consults().stream().noneMatch(o -> o.providerId().equals("JONES")),
                "still his online booking once the PMS shows it");

        store.run(s -> s.schedule().saveAppointment(SLUG, new Appointment("A9", "JONES", null, jones.start(),
                jones.end(), null, AppointmentStatus.BOOKED, null)));
        assertTrue(consults().stream().anyMatch(o -> o.providerId().equals("JONES")),
                "a visit booked by phone is no online booking");
    }

    @Test
    void aHoldIsCheckedAgainstTheHoldsOnItsProviderAndOnItsReasonsRoomsWhoeverHoldsThem() {
        store.run(s -> s.practices().saveRules(SLUG, rules(new Timing(Duration.ofMinutes(15), List.of(),
                Duration.ZERO, Duration.ZERO, Duration.ofHours(1), 180, 1))));
        Opening jones = checkups().get(0);
        assertEquals(List.of("JONES", "OP1"), List.of(jones.providerId(), jones.roomId()));
        Opening jonesLater = consults().stream()
                .filter(o -> o.providerId().equals("JONES") && o.start().isAfter(jones.end()))
                .findFirst().orElseThrow();
        booking.hold(SLUG, jones);

        // OP1 is Dr. Jones's now, so the check offers Dr. Smith the next room, as the search does
        Opening smith = new Opening("checkup", "SMITH", "OP2", jones.start(), jones.end());
        assertEquals(smith, booking.hold(SLUG, smith).opening());
        // and Dr. Jones's hold is his one online booking of the day, whatever its reason
        assertEquals(ConflictException.OPENING_TAKEN,
                assertThrows(ConflictException.class, () -> booking.hold(SLUG, jonesLater)).code());
    }

    @Test
    void aTimeSharingAHoldUnitWithAHoldIsNotOfferedWhenThePracticeUnitIsNotAMultipleOfFive() {
        store.run(s -> {
            s.practices().saveRules(SLUG, new PracticeRules(3, new Timing(Duration.ofMinutes(3), List.of(),
                    Duration.ZERO, Duration.ZERO, Duration.ofHours(1), 180, 0), Set.of(), Map.of(), 1000));
            s.practices().saveReason(SLUG, new Reason("quick", "Quick look", null, null, Duration.ofMinutes(3),
                    Set.of("JONES"), Set.of(), Set.of(), List.of(), ReasonRules.NONE));
        });
        List<Opening> before = quickOnes();
        Opening first = before.get(0);
        assertEquals(0, first.start().getEpochSecond() % 300, "the day starts on a hold unit");
        // 08:03-08:06 takes the hold units 08:00-08:05 and 08:05-08:10
        Opening held = before.get(1);
        booking.hold(SLUG, held);

        List<Instant> offered = quickOnes().stream().map(Opening::start).toList();
        for (int minutes : new int[] {0, 3, 6, 9}) {
            assertFalse(offered.contains(first.start().plus(Duration.ofMinutes(minutes))),
                    "shares a hold unit with the hold: " + minutes);
        }
        Opening next = quickOnes().get(0);
        assertEquals(first.start().plus(Duration.ofMinutes(12)), next.start(), "the first time past those units");
        assertEquals(next, booking.hold(SLUG, next).opening(), "what is offered can be held");
    }

    private List<Opening> quickOnes() {
        return booking.openings(SLUG, "quick", new Preferences(TUESDAY, TUESDAY, Set.of(), List.of(), null));
    }

    @Test
    void aHoldIsRefusedWhenAnotherHoldLiesInItsBuffer() {
        store.run(s -> s.practices().saveRules(SLUG, rules(new Timing(Duration.ofMinutes(15), List.of(),
                Duration.ZERO, Duration.ofMinutes(30), Duration.ofHours(1), 180, 0))));
        Opening eight = new Opening("consult", "JONES", null, TUESDAY_EIGHT, TUESDAY_EIGHT.plusSeconds(1800));
        Opening quarterToNine = new Opening("consult", "JONES", null, TUESDAY_EIGHT.plusSeconds(2700),
                TUESDAY_EIGHT.plusSeconds(4500));
        assertTrue(consults().containsAll(List.of(eight, quarterToNine)));
        booking.hold(SLUG, quarterToNine);

        // the two visits share no time, so only the check of the buffer after 08:00 can refuse it
        assertEquals(ConflictException.OPENING_TAKEN,
                assertThrows(ConflictException.class, () -> booking.hold(SLUG, eight)).code());
    }

    private Request requestOn(Opening opening, String email) {
        return booking.request(SLUG, form(booking.hold(SLUG, opening), email, "1234", "Someone"));
    }

    private List<Opening> consults() {
        return booking.openings(SLUG, "consult", new Preferences(TUESDAY, TUESDAY, Set.of(), List.of(), null));
    }

    /** The openings a booking service with nothing cached finds now. */
    private List<Opening> freshConsults() {
        return fresh().openings(SLUG, "consult", new Preferences(TUESDAY, TUESDAY, Set.of(), List.of(), null));
    }

    private BookingService fresh() {
        return new BookingService(store, new PracticeSchedules(store), Settings.DEFAULT, clock);
    }

    /** Saves an appointment as sync does, and tells the schedules of it; returns the version it was made on. */
    private long saveAndTell(Appointment before, Appointment after) {
        long onVersion = store.call(s -> {
            s.schedule().saveAppointment(SLUG, after);
            return s.practices().versions(SLUG).schedule();
        });
        schedules.appointmentChanged(SLUG, before, after, onVersion);
        return onVersion;
    }

    private void saveConsultFor(Audience audience) {
        store.run(s -> s.practices().saveReason(SLUG, new Reason("consult", "Consultation", null, null,
                Duration.ofMinutes(30), Set.of(), Set.of(), Set.of(), List.of(),
                new ReasonRules(null, null, null, audience, Set.of(), null, Timing.INHERIT))));
    }

    private static PracticeRules rules(Timing timing) {
        return new PracticeRules(5, timing, Set.of(), Map.of(), 100);
    }

    private static List<String> codes(Explanation explanation) {
        return explanation.obstacles().stream().map(Obstacle::code).toList();
    }

    private List<Opening> checkups() {
        return booking.openings(SLUG, "checkup", new Preferences(TUESDAY, TUESDAY, Set.of(), List.of(), null));
    }

    private static RequestForm form(Hold hold, String email, String code, String name) {
        return form(hold, email, code, name, null);
    }

    private static RequestForm form(Hold hold, String email, String code, String name, String phone) {
        return new RequestForm(hold.id(), email, phone, code, name, null, null, "Sensitive tooth");
    }

    private static String invalid(Runnable call) {
        return assertThrows(InvalidInputException.class, call::run).field();
    }
}
