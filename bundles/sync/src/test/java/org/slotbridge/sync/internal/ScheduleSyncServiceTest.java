package org.slotbridge.sync.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slotbridge.api.Appointment;
import org.slotbridge.api.AppointmentStatus;
import org.slotbridge.api.Blockout;
import org.slotbridge.api.Client;
import org.slotbridge.api.ConflictException;
import org.slotbridge.api.InvalidInputException;
import org.slotbridge.api.NewClientPolicy;
import org.slotbridge.api.NotFoundException;
import org.slotbridge.api.Opening;
import org.slotbridge.api.Patient;
import org.slotbridge.api.PatientKind;
import org.slotbridge.api.PracticeRules;
import org.slotbridge.api.Preferences;
import org.slotbridge.api.Provider;
import org.slotbridge.api.Request;
import org.slotbridge.api.RequestForm;
import org.slotbridge.api.RequestStatus;
import org.slotbridge.api.Room;
import org.slotbridge.api.Timing;
import org.slotbridge.api.service.Booking;
import org.slotbridge.api.service.InboxJournal;
import org.slotbridge.api.service.InboxJournal.InboxFile;
import org.slotbridge.api.service.InboxJournal.Mark;
import org.slotbridge.api.service.InboxJournal.Progress;
import org.slotbridge.booking.internal.TestBooking;
import org.slotbridge.store.Store;
import org.slotbridge.store.internal.Fixtures;
import org.slotbridge.store.internal.InboxJournalService;
import org.slotbridge.store.internal.TestDatabase;

/**
 * Sync on the real store, with the real booking service told of each change. The practice is in New York;
 * "now" is Monday 2 March 2026, 07:00 there, and the openings looked at are on Tuesday.
 */
class ScheduleSyncServiceTest {

    private static final String SLUG = Fixtures.SLUG;
    private static final Instant NOW = Instant.parse("2026-03-02T12:00:00Z");
    private static final LocalDate TUESDAY = LocalDate.of(2026, 3, 3);
    private static final Instant TUESDAY_EIGHT = Instant.parse("2026-03-03T13:00:00Z");

    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final InboxFile FILE = new InboxFile(SLUG, "hl7v2", "siu.hl7", "c".repeat(64));

    private Store store;
    private TestBooking testBooking;
    private Booking booking;
    private ScheduleSyncService sync;
    private final List<Request> told = new CopyOnWriteArrayList<>();
    private InboxJournal journal;

    @BeforeEach
    void setUp() {
        store = TestDatabase.clean().store();
        Fixtures.setUp(store, SLUG, NewClientPolicy.WELCOME);
        // every opening of a day shown, so that the tests can look for any one of them
        store.run(s -> s.practices().saveRules(SLUG, new PracticeRules(5, Timing.DEFAULT, Set.of(), Map.of(), 100)));
        testBooking = TestBooking.create(store, CLOCK, List.of((practice, request) -> told.add(request)));
        booking = testBooking.booking();
        sync = new ScheduleSyncService(store, booking, testBooking.changes());
        journal = new InboxJournalService(store);
    }

    @Test
    void appointmentsAreUpsertedByPmsId() {
        Appointment booked = appointment("A1", TUESDAY_EIGHT, null);
        sync.appointment(SLUG, booked);
        sync.appointment(SLUG, booked);
        assertEquals(List.of(booked), appointments());

        Appointment moved = new Appointment("A1", "SMITH", "OP2", TUESDAY_EIGHT.plusSeconds(3600),
                TUESDAY_EIGHT.plusSeconds(7200), "P1", AppointmentStatus.BOOKED, null);
        sync.appointment(SLUG, moved);
        assertEquals(List.of(moved), appointments());

        assertTrue(sync.noShow(SLUG, "A1"));
        assertEquals(AppointmentStatus.NO_SHOW, appointments().get(0).status());
        assertTrue(sync.cancelAppointment(SLUG, "A1"));
        assertTrue(sync.cancelAppointment(SLUG, "A1"), "cancelling twice changes nothing and finds it");
        assertEquals(List.of(), appointments(), "a cancelled appointment takes no time");
        assertFalse(sync.cancelAppointment(SLUG, "unknown"));
        assertFalse(sync.noShow(SLUG, "unknown"));
    }

    @Test
    void blockoutsClientsPatientsProvidersAndRoomsAreUpserted() {
        Blockout meeting = new Blockout("B1", "SMITH", TUESDAY_EIGHT, TUESDAY_EIGHT.plusSeconds(1800));
        sync.blockout(SLUG, meeting);
        sync.blockout(SLUG, meeting);
        assertEquals(List.of(meeting), store.call(s -> s.schedule().blockouts(SLUG, NOW, NOW.plusSeconds(86400 * 2))));
        assertTrue(sync.removeBlockout(SLUG, "B1"));
        assertFalse(sync.removeBlockout(SLUG, "B1"));

        Client client = new Client(null, "C1", "Leo Park", "leo@example.org", null, false);
        sync.client(SLUG, client);
        sync.client(SLUG, client);
        assertEquals(1, store.call(s -> s.clients().findByContact(SLUG, "leo@example.org", null)).size());

        Patient rex = new Patient(null, "PT1", "C1", "Rex", PatientKind.PET, null, "dog");
        sync.patient(SLUG, rex);
        sync.patient(SLUG, rex);
        assertEquals(1, store.call(s -> s.clients().patientsOf(SLUG, "C1")).size());

        sync.provider(SLUG, new Provider("LEE", "Dr. Lee"));
        sync.provider(SLUG, new Provider("LEE", "Dr. Kim Lee"));
        sync.room(SLUG, new Room("OP3", "Operatory 3"));
        sync.room(SLUG, new Room("OP3", "Operatory 3"));
        assertEquals(new Provider("LEE", "Dr. Kim Lee"), store.call(s -> s.practices().providers(SLUG)).get(1));
        assertEquals(3, store.call(s -> s.practices().rooms(SLUG)).size());

        // a message that names only the id keeps the names the practice gave; a new id is saved as it comes
        sync.room(SLUG, new Room("OP3", "OP3"));
        sync.provider(SLUG, new Provider("LEE", "LEE"));
        sync.room(SLUG, new Room("OP9", "OP9"));
        assertEquals(new Room("OP3", "Operatory 3"), store.call(s -> s.practices().rooms(SLUG)).stream()
                .filter(r -> r.id().equals("OP3")).findFirst().orElseThrow());
        assertEquals(new Provider("LEE", "Dr. Kim Lee"), store.call(s -> s.practices().providers(SLUG)).get(1));
        assertEquals(new Room("OP9", "OP9"), store.call(s -> s.practices().rooms(SLUG)).stream()
                .filter(r -> r.id().equals("OP9")).findFirst().orElseThrow());
    }

    @Test
    void bookingFollowsEachAppliedChangeWithoutReadingTheScheduleAgain() {
        List<Opening> before = consults();
        long builds = testBooking.builds();
        Opening smithAtEight = new Opening("consult", "SMITH", null, TUESDAY_EIGHT, TUESDAY_EIGHT.plusSeconds(1800));
        assertTrue(before.contains(smithAtEight));

        sync.appointment(SLUG, new Appointment("A1", "SMITH", null, TUESDAY_EIGHT, TUESDAY_EIGHT.plusSeconds(3600),
                null, AppointmentStatus.BOOKED, null));
        List<Opening> booked = consults();
        assertFalse(booked.contains(smithAtEight), "the appointment takes its time at once");
        assertEquals(freshConsults(), booked);

        Instant noon = Instant.parse("2026-03-03T17:00:00Z");
        sync.appointment(SLUG, new Appointment("A1", "SMITH", null, noon.minusSeconds(3600), noon, null,
                AppointmentStatus.BOOKED, null));
        List<Opening> moved = consults();
        assertTrue(moved.contains(smithAtEight), "moved away, the first time is free again");
        assertEquals(freshConsults(), moved);

        sync.blockout(SLUG, new Blockout("B1", "JONES", TUESDAY_EIGHT, TUESDAY_EIGHT.plusSeconds(7200), "LUNCH"));
        assertEquals(freshConsults(), consults());
        sync.blockout(SLUG, new Blockout("B1", null, TUESDAY_EIGHT, TUESDAY_EIGHT.plusSeconds(1800)));
        List<Opening> blocked = consults();
        assertTrue(blocked.stream().noneMatch(o -> o.start().equals(TUESDAY_EIGHT)), "a blockout for everyone");
        assertEquals(freshConsults(), blocked);

        assertTrue(sync.removeBlockout(SLUG, "B1"));
        assertTrue(sync.noShow(SLUG, "A1"));
        assertEquals(freshConsults(), consults());
        assertTrue(sync.cancelAppointment(SLUG, "A1"));
        assertFalse(sync.cancelAppointment(SLUG, "A2"));
        assertEquals(before, consults(), "everything undone, the openings are as at first");
        assertEquals(builds, testBooking.builds(), "every change was applied to the index in place");
    }

    @Test
    void aChangeSyncTellsOfAfterOneItWasNotToldOfMakesBookingReadTheScheduleAgain() {
        consults();
        long builds = testBooking.builds();
        store.run(s -> s.schedule().saveAppointment(SLUG, appointment("A1", TUESDAY_EIGHT, null)));
        sync.appointment(SLUG, appointment("A2", TUESDAY_EIGHT.plusSeconds(3600), null));

        List<Opening> after = consults();
        assertEquals(builds + 1, testBooking.builds(), "the index missed a change, so it was read again");
        assertFalse(after.stream().anyMatch(o -> o.providerId().equals("SMITH") && o.start().equals(TUESDAY_EIGHT)),
                "the change written past sync is seen");
        assertEquals(freshConsults(), after);
    }

    @Test
    void anUnknownPracticeIsNotFound() {
        assertThrows(NotFoundException.class, () -> sync.appointment("nowhere", appointment("A1", NOW, null)));
        assertThrows(NotFoundException.class, () -> sync.cancelAppointment("nowhere", "A1"));
        assertThrows(NotFoundException.class, () -> sync.provider("nowhere", new Provider("X", "X")));
    }

    @Test
    void theVisitBookedForARequestConfirmsIt() {
        Request request = request();
        told.clear();

        Appointment booked = appointment("A9", request.opening().start(), request.id());
        sync.appointment(SLUG, booked);
        Request confirmed = booking.find(SLUG, request.id());
        assertEquals(RequestStatus.CONFIRMED, confirmed.status());
        assertEquals(ScheduleSyncService.BOOKED_IN_PMS, confirmed.staffNote());
        assertEquals(List.of(confirmed), told, "listeners are told as for any confirmation");
        assertTrue(store.call(s -> s.holds().find(SLUG, request.holdId())).isEmpty(),
                "the appointment keeps the time now");
        assertFalse(consults().contains(request.opening()));

        sync.appointment(SLUG, booked);
        assertEquals(1, told.size(), "applying it again confirms nothing more");
    }

    @Test
    void theRequestTakesTheTimeThePmsBooked() {
        Request request = request();
        Instant later = request.opening().start().plusSeconds(7200);
        sync.appointment(SLUG, new Appointment("A9", "SMITH", null, later, later.plusSeconds(2700), null,
                AppointmentStatus.BOOKED, request.id()));
        Request confirmed = booking.find(SLUG, request.id());
        assertEquals(new Opening("consult", "SMITH", null, later, later.plusSeconds(2700)), confirmed.opening());
        assertTrue(consults().contains(request.opening()), "the time first asked for is free again");
    }

    @Test
    void aRequestStaffConfirmedFirstLetsTheAppointmentKeepItsTime() {
        Request request = request();
        booking.confirm(SLUG, request.id(), "See you");
        told.clear();
        sync.appointment(SLUG, appointment("A9", request.opening().start(), request.id()));
        assertTrue(store.call(s -> s.holds().live(SLUG, NOW, NOW.plusSeconds(86400 * 3), NOW)).isEmpty());
        assertEquals("See you", booking.find(SLUG, request.id()).staffNote());
        assertTrue(told.isEmpty());
    }

    @Test
    void aConfirmedRequestWhoseVisitThePmsCancelsIsCancelledAndItsTimeOfferedAgain() {
        Request request = request();
        Appointment booked = appointment("A9", request.opening().start(), request.id());
        sync.appointment(SLUG, booked);
        told.clear();

        assertTrue(sync.cancelAppointment(SLUG, "A9"));
        Request cancelled = booking.find(SLUG, request.id());
        assertEquals(RequestStatus.CANCELLED, cancelled.status());
        assertEquals(request.opening().start(), cancelled.opening().start(), "it keeps the time it was booked for");
        assertEquals(List.of(cancelled), told, "listeners are told: the client is written to");
        assertTrue(consults().contains(request.opening()), "the time is free again");

        // someone else takes the time and staff confirm them: only one confirmed request has it
        Request next = request();
        assertEquals(request.opening(), next.opening());
        booking.confirm(SLUG, next.id(), null);
        assertEquals(List.of(next.id()), booking.requests(SLUG, RequestStatus.CONFIRMED).stream()
                .map(Request::id).toList());

        assertTrue(sync.cancelAppointment(SLUG, "A9"));
        assertEquals(1, told.stream().filter(r -> r.id().equals(request.id())).count(),
                "cancelling again changes nothing more");
    }

    @Test
    void aVisitThePmsSendsAsCancelledCancelsItsConfirmedRequest() {
        Request request = request();
        sync.appointment(SLUG, appointment("A9", request.opening().start(), request.id()));
        Appointment booked = appointment("A9", request.opening().start(), request.id());
        sync.appointment(SLUG, new Appointment(booked.pmsId(), booked.providerId(), booked.roomId(), booked.start(),
                booked.end(), booked.patientPmsId(), AppointmentStatus.CANCELLED, booked.placerId()));
        assertEquals(RequestStatus.CANCELLED, booking.find(SLUG, request.id()).status());
    }

    @Test
    void aNoShowLeavesTheConfirmedRequestAsItIs() {
        Request request = request();
        sync.appointment(SLUG, appointment("A9", request.opening().start(), request.id()));
        told.clear();
        assertTrue(sync.noShow(SLUG, "A9"));
        assertEquals(RequestStatus.CONFIRMED, booking.find(SLUG, request.id()).status());
        assertTrue(told.isEmpty());
    }

    @Test
    void aConfirmedRequestFollowsItsVisitWhenThePmsMovesIt() {
        Request request = request();
        sync.appointment(SLUG, appointment("A9", request.opening().start(), request.id()));
        told.clear();

        Instant later = request.opening().start().plusSeconds(3 * 3600);
        sync.appointment(SLUG, new Appointment("A9", "JONES", "OP2", later, later.plusSeconds(2700), "P1",
                AppointmentStatus.BOOKED, request.id()));
        Request moved = booking.find(SLUG, request.id());
        assertEquals(RequestStatus.CONFIRMED, moved.status());
        assertEquals(new Opening("consult", "JONES", "OP2", later, later.plusSeconds(2700)), moved.opening());
        assertEquals(List.of(moved), told);
        assertTrue(consults().contains(request.opening()), "the time it had is free again");

        sync.appointment(SLUG, new Appointment("A9", "JONES", "OP2", later, later.plusSeconds(2700), "P1",
                AppointmentStatus.BOOKED, request.id()));
        assertEquals(1, told.size(), "the same visit again moves nothing");
    }

    @Test
    void aRequestStaffConfirmedThatThePmsBooksAtAnotherTimeTakesThatTime() {
        Request request = request();
        booking.confirm(SLUG, request.id(), "See you");
        Instant later = request.opening().start().plusSeconds(2 * 3600);
        sync.appointment(SLUG, appointment("A9", later, request.id()));
        Request moved = booking.find(SLUG, request.id());
        assertEquals(later, moved.opening().start());
        assertEquals("See you", moved.staffNote());
        assertTrue(store.call(s -> s.holds().live(SLUG, NOW, NOW.plusSeconds(86400 * 3), NOW)).isEmpty(),
                "the hold of the time first confirmed ended");
        assertTrue(consults().contains(request.opening()));
    }

    @Test
    void onlyAConfirmedRequestFollowsTheVisitsOfThePms() {
        Request request = request();
        ConflictException cancel = assertThrows(ConflictException.class,
                () -> booking.cancelledInPms(SLUG, request.id()));
        assertEquals("request_not_confirmed", cancel.code());
        ConflictException move = assertThrows(ConflictException.class,
                () -> booking.movedInPms(SLUG, request.id(), request.opening()));
        assertEquals("request_not_confirmed", move.code());
        assertEquals(RequestStatus.PENDING, booking.find(SLUG, request.id()).status());
    }

    @Test
    void placerIdsOfOtherPracticesOrUnknownOnesConfirmNothing() {
        Request request = request();
        store.run(s -> s.practices().save(Fixtures.practice("other", NewClientPolicy.WELCOME)));
        sync.appointment("other", appointment("A9", request.opening().start(), request.id()));
        // later the same day: a visit over the request's time would make it conflicted (see below)
        sync.appointment(SLUG, appointment("A10", request.opening().start().plusSeconds(7200), "no-such-request"));
        assertEquals(RequestStatus.PENDING, booking.find(SLUG, request.id()).status());
        Appointment cancelled = new Appointment("A11", "SMITH", null, TUESDAY_EIGHT, TUESDAY_EIGHT.plusSeconds(60),
                null, AppointmentStatus.CANCELLED, request.id());
        sync.appointment(SLUG, cancelled);
        assertEquals(RequestStatus.PENDING, booking.find(SLUG, request.id()).status());
    }

    @Test
    void aVisitBookedOverARequestByPhoneMakesItConflictedWithOpeningsInstead() {
        Request request = request();
        Instant start = request.opening().start();
        // another provider in another room at that time takes nothing of the request's
        sync.appointment(SLUG, new Appointment("A8", "JONES", "OP2", start, start.plusSeconds(1800), "P1",
                AppointmentStatus.BOOKED, null));
        assertEquals(RequestStatus.PENDING, booking.find(SLUG, request.id()).status());
        told.clear();

        Appointment phone = appointment("A9", start.plusSeconds(900), null);
        sync.appointment(SLUG, phone);
        Request conflicted = booking.find(SLUG, request.id());
        assertEquals(RequestStatus.CONFLICTED, conflicted.status());
        assertEquals(List.of(conflicted), told, "listeners are told, so the PMS outbox cancels the request");
        assertTrue(store.call(s -> s.holds().find(SLUG, request.holdId())).isEmpty(), "its hold ended");
        List<Opening> offered = booking.alternatives(SLUG, request.id());
        assertEquals(3, offered.size());
        assertTrue(offered.stream().allMatch(o -> o.providerId().equals("SMITH")
                && !(o.start().isBefore(phone.end()) && phone.start().isBefore(o.end()))), offered.toString());
        assertTrue(consults().containsAll(offered));

        sync.appointment(SLUG, phone);
        assertEquals(1, told.size(), "applying it again changes nothing more");
    }

    @Test
    void aConflictedRequestThePmsThenBooksElsewhereIsConfirmedAtThatTime() {
        Request request = request();
        sync.appointment(SLUG, appointment("A9", request.opening().start(), null));
        assertEquals(RequestStatus.CONFLICTED, booking.find(SLUG, request.id()).status());

        Instant later = request.opening().start().plusSeconds(3 * 3600);
        sync.appointment(SLUG, new Appointment("A10", "SMITH", null, later, later.plusSeconds(1800), null,
                AppointmentStatus.BOOKED, request.id()));
        Request confirmed = booking.find(SLUG, request.id());
        assertEquals(RequestStatus.CONFIRMED, confirmed.status());
        assertEquals(later, confirmed.opening().start());
        assertEquals(List.of(), store.call(s -> s.requests().alternatives(SLUG, request.id())));
    }

    @Test
    void aVisitBookedOverAConfirmedRequestLeavesItConfirmed() {
        Request request = request();
        booking.confirm(SLUG, request.id(), null);
        sync.appointment(SLUG, appointment("A9", request.opening().start(), null));
        assertEquals(RequestStatus.CONFIRMED, booking.find(SLUG, request.id()).status(),
                "a confirmed request is the PMS's to keep; the clash is in the PMS now");
    }

    @Test
    void aMessageIsAppliedWithItsJournalRecordAndThenReconciled() {
        Request request = request();
        long builds = testBooking.builds();
        long version = scheduleVersion();
        told.clear();

        String what = sync.applyMessage(new Mark(FILE, 1), s -> {
            s.provider(SLUG, new Provider("LEE", "Dr. Lee"));
            s.appointment(SLUG, appointment("A9", request.opening().start(), request.id()));
            return "appointment A9 stored";
        });
        assertEquals("appointment A9 stored", what);
        assertEquals(new Progress(1, 1, 0, 0, false), journal.progress(FILE));
        assertEquals(version + 1, scheduleVersion(), "one transaction, so one schedule change");
        assertTrue(store.call(s -> s.practices().providers(SLUG)).contains(new Provider("LEE", "Dr. Lee")));
        assertEquals(RequestStatus.CONFIRMED, booking.find(SLUG, request.id()).status(),
                "the request is confirmed after the commit, as after a single call");
        assertEquals(1, told.size());
        assertFalse(consults().contains(request.opening()));
        assertEquals(builds, testBooking.builds(), "booking was told of the change");
    }

    @Test
    void aMessageThatFailsHalfWayWritesNothingAndIsNotRecorded() {
        long version = scheduleVersion();
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> sync.applyMessage(new Mark(FILE, 1),
                s -> {
                    s.provider(SLUG, new Provider("LEE", "Dr. Lee"));
                    s.appointment(SLUG, appointment("A1", TUESDAY_EIGHT, null));
                    throw new InvalidInputException("AIS-4", "no start");
                }));
        assertEquals("AIS-4", e.field());
        assertEquals(Progress.NONE, journal.progress(FILE));
        assertEquals(List.of(), appointments());
        assertEquals(version, scheduleVersion());
        assertTrue(store.call(s -> s.practices().providers(SLUG)).stream().noneMatch(p -> p.id().equals("LEE")),
                "the provider written before the failure is rolled back too");
    }

    @Test
    void aMessageTheJournalHasIsNotWrittenAgain() {
        sync.applyMessage(new Mark(FILE, 1), s -> {
            s.appointment(SLUG, appointment("A1", TUESDAY_EIGHT, null));
            return null;
        });
        assertTrue(sync.cancelAppointment(SLUG, "A1"));
        long version = scheduleVersion();

        ConflictException again = assertThrows(ConflictException.class, () -> sync.applyMessage(new Mark(FILE, 1),
                s -> {
                    s.appointment(SLUG, appointment("A1", TUESDAY_EIGHT, null));
                    return null;
                }));
        assertEquals(InboxJournal.ALREADY_RECORDED, again.code());
        assertEquals(List.of(), appointments(), "the appointment stays cancelled");
        assertEquals(version, scheduleVersion());
        assertEquals(new Progress(1, 1, 0, 0, false), journal.progress(FILE));
    }

    @Test
    void aMessageWritesOnlyThePracticeOfItsFile() {
        store.run(s -> s.practices().save(Fixtures.practice("other", NewClientPolicy.WELCOME)));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> sync.applyMessage(new Mark(FILE, 1),
                s -> {
                    s.appointment("other", appointment("A1", TUESDAY_EIGHT, null));
                    return null;
                }));
        assertEquals("slug", e.field());
        assertThrows(IllegalStateException.class, () -> sync.applyMessage(new Mark(FILE, 1),
                s -> s.applyMessage(new Mark(FILE, 2), inner -> null)));
        assertEquals(Progress.NONE, journal.progress(FILE));
        assertEquals(List.of(), store.call(s -> s.schedule().appointmentsTakingTime("other", NOW,
                NOW.plusSeconds(86400 * 3))));
    }

    private Request request() {
        Opening opening = consults().stream().filter(o -> o.providerId().equals("SMITH")).findFirst().orElseThrow();
        String holdId = booking.hold(SLUG, opening).id();
        return booking.request(SLUG, new RequestForm(holdId, "mia@example.org", null, "1234", "Mia Park", null,
                null, null));
    }

    private List<Opening> consults() {
        return booking.openings(SLUG, "consult", new Preferences(TUESDAY, TUESDAY, Set.of(), List.of(), null));
    }

    /** The openings a booking service that never saw a change finds now. */
    private List<Opening> freshConsults() {
        return TestBooking.create(store, CLOCK, List.of()).booking().openings(SLUG, "consult",
                new Preferences(TUESDAY, TUESDAY, Set.of(), List.of(), null));
    }

    private long scheduleVersion() {
        return store.call(s -> s.practices().versions(SLUG).schedule());
    }

    private List<Appointment> appointments() {
        return store.call(s -> s.schedule().appointmentsTakingTime(SLUG, NOW, NOW.plusSeconds(86400 * 3)));
    }

    private static Appointment appointment(String pmsId, Instant start, String placerId) {
        return new Appointment(pmsId, "SMITH", "OP1", start, start.plusSeconds(1800), "P1", AppointmentStatus.BOOKED,
                placerId);
    }
}
