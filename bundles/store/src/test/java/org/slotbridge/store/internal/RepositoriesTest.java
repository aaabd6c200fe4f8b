package org.slotbridge.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slotbridge.api.Appointment;
import org.slotbridge.api.AppointmentStatus;
import org.slotbridge.api.Blockout;
import org.slotbridge.api.Client;
import org.slotbridge.api.ConflictException;
import org.slotbridge.api.Hold;
import org.slotbridge.api.NewClientPolicy;
import org.slotbridge.api.NotFoundException;
import org.slotbridge.api.Opening;
import org.slotbridge.api.Patient;
import org.slotbridge.api.PatientKind;
import org.slotbridge.api.Practice;
import org.slotbridge.api.Provider;
import org.slotbridge.api.Reason;
import org.slotbridge.api.Request;
import org.slotbridge.api.RequestStatus;
import org.slotbridge.api.Room;
import org.slotbridge.api.TimeWindow;
import org.slotbridge.api.WorkingHours;
import org.slotbridge.api.service.StaffAccounts.StaffMember;
import org.slotbridge.store.ClientRecord;
import org.slotbridge.store.NewRequest;
import org.slotbridge.store.Store;
import org.slotbridge.store.StoreSession;

/** Every entity written and read back through the repositories, on a real database. */
class RepositoriesTest {

    private static final String SLUG = Fixtures.SLUG;
    private static final Instant T0 = Instant.parse("2026-03-02T14:00:00Z");

    private TestDatabase db;
    private Store store;

    @BeforeEach
    void setUp() {
        db = TestDatabase.clean();
        store = db.store();
        Fixtures.setUp(store, SLUG, NewClientPolicy.WELCOME);
    }

    @Test
    void practiceRoundTripsAndUpdates() {
        assertEquals(Fixtures.practice(SLUG, NewClientPolicy.WELCOME), read(s -> s.practices().require(SLUG)));
        Practice changed = new Practice(SLUG, "Riverside Dental", Fixtures.ZONE, null, null,
                NewClientPolicy.EXISTING_ONLY, false);
        store.run(s -> s.practices().save(changed));
        assertEquals(List.of(changed), read(s -> s.practices().all()));
        assertThrows(NotFoundException.class, () -> read(s -> s.practices().require("nowhere")));
    }

    @Test
    void providersAndRoomsRoundTripAndRename() {
        assertEquals(List.of(new Provider("JONES", "Dr. Bo Jones"), new Provider("SMITH", "Dr. Ann Smith")),
                read(s -> s.practices().providers(SLUG)));
        store.run(s -> s.practices().saveProvider(SLUG, new Provider("SMITH", "Dr. Ann Smith-Lee")));
        store.run(s -> s.practices().saveRoom(SLUG, new Room("OP2", "Chair 2")));
        assertEquals(new Provider("SMITH", "Dr. Ann Smith-Lee"), read(s -> s.practices().providers(SLUG)).get(1));
        assertEquals(List.of(new Room("OP1", "Operatory 1"), new Room("OP2", "Chair 2")),
                read(s -> s.practices().rooms(SLUG)));
        assertThrows(NotFoundException.class,
                () -> store.run(s -> s.practices().saveProvider("nowhere", new Provider("X", "X"))));
    }

    @Test
    void reasonsRoundTripWithTheirSetsAndAreOrderedByCategoryThenName() {
        Reason windows = new Reason("cleaning", "Cleaning", "Routine care", null, Duration.ofMinutes(45),
                Set.of("SMITH"), Set.of("OP2"), Set.of(DayOfWeek.TUESDAY, DayOfWeek.MONDAY),
                List.of(TimeWindow.parse("13:00-17:00", "w"), TimeWindow.parse("08:00-10:30", "w")));
        store.run(s -> s.practices().saveReason(SLUG, windows));
        assertEquals(windows, read(s -> s.practices().reason(SLUG, "cleaning")).orElseThrow());
        assertEquals(List.of("checkup", "cleaning", "consult"),
                read(s -> s.practices().reasons(SLUG)).stream().map(Reason::id).toList());

        Reason fewer = new Reason("cleaning", "Cleaning", null, "Gentle", Duration.ofMinutes(30), Set.of(),
                Set.of(), Set.of(), List.of());
        store.run(s -> s.practices().saveReason(SLUG, fewer));
        assertEquals(fewer, read(s -> s.practices().reason(SLUG, "cleaning")).orElseThrow());

        assertTrue(flag(s -> s.practices().removeReason(SLUG, "cleaning")));
        assertFalse(flag(s -> s.practices().removeReason(SLUG, "cleaning")));
        assertTrue(read(s -> s.practices().reason(SLUG, "cleaning")).isEmpty());
    }

    @Test
    void workingHoursRoundTripWithExceptionsAndDaysOff() {
        WorkingHours hours = new WorkingHours("SMITH",
                Map.of(DayOfWeek.MONDAY, List.of(TimeWindow.parse("08:00-12:00", "w"),
                                TimeWindow.parse("13:00-00:00", "w")),
                        DayOfWeek.SATURDAY, List.of()),
                Map.of(LocalDate.of(2026, 12, 24), List.of(),
                        LocalDate.of(2026, 12, 26), List.of(TimeWindow.parse("09:00-11:00", "w"))));
        store.run(s -> s.practices().saveWorkingHours(SLUG, hours));
        List<WorkingHours> all = read(s -> s.practices().workingHours(SLUG));
        assertEquals(List.of("JONES", "SMITH"), all.stream().map(WorkingHours::providerId).toList());
        assertEquals(hours, all.get(1));
        assertEquals(Fixtures.weekdays("JONES"), all.get(0));

        assertTrue(flag(s -> s.practices().removeWorkingHours(SLUG, "SMITH")));
        assertEquals(1, read(s -> s.practices().workingHours(SLUG)).size());
    }

    @Test
    void appointmentsAndBlockoutsUpsertByPmsIdAndAreFoundByTime() {
        Appointment booked = new Appointment("A1", "SMITH", "OP1", T0, T0.plusSeconds(3600), "P1",
                AppointmentStatus.BOOKED, "req-1");
        store.run(s -> s.schedule().saveAppointment(SLUG, booked));
        store.run(s -> s.schedule().saveAppointment(SLUG, booked));
        assertEquals(booked, read(s -> s.schedule().appointment(SLUG, "A1")).orElseThrow());
        assertEquals(List.of(booked), taking(T0.minusSeconds(60), T0.plusSeconds(60)));
        assertEquals(List.of(), taking(T0.plusSeconds(3600), T0.plusSeconds(7200)), "end is exclusive");

        assertTrue(flag(s -> s.schedule().setAppointmentStatus(SLUG, "A1", AppointmentStatus.CANCELLED)));
        assertEquals(List.of(), taking(T0, T0.plusSeconds(60)), "cancelled takes no time");
        assertFalse(flag(s -> s.schedule().setAppointmentStatus(SLUG, "nope", AppointmentStatus.NO_SHOW)));

        Blockout lunch = new Blockout("B1", null, T0, T0.plusSeconds(1800));
        store.run(s -> s.schedule().saveBlockout(SLUG, lunch));
        assertEquals(lunch, read(s -> s.schedule().blockout(SLUG, "B1")).orElseThrow());
        Blockout moved = new Blockout("B1", "JONES", T0.plusSeconds(600), T0.plusSeconds(1800), "NEW PATIENTS");
        store.run(s -> s.schedule().saveBlockout(SLUG, moved));
        assertEquals(List.of(moved), read(s -> s.schedule().blockouts(SLUG, T0, T0.plusSeconds(7200))));
        assertEquals(moved, read(s -> s.schedule().blockout(SLUG, "B1")).orElseThrow());
        assertTrue(read(s -> s.schedule().blockout("elsewhere", "B1")).isEmpty(), "scoped by practice");
        Blockout untyped = new Blockout("B1", "JONES", T0, T0.plusSeconds(1800), null);
        store.run(s -> s.schedule().saveBlockout(SLUG, untyped));
        assertEquals(untyped, read(s -> s.schedule().blockout(SLUG, "B1")).orElseThrow());
        assertTrue(flag(s -> s.schedule().removeBlockout(SLUG, "B1")));
        assertFalse(flag(s -> s.schedule().removeBlockout(SLUG, "B1")));
        assertTrue(read(s -> s.schedule().blockout(SLUG, "B1")).isEmpty());
    }

    @Test
    void clientsMatchByContactAndPmsClientsAbsorbOnlineOnes() {
        Client online = read(s -> s.clients().create(SLUG, "Mia Park", " Mia@Example.org ", "(555) 010-2030",
                "hash"));
        assertEquals("mia@example.org", online.email());
        assertTrue(online.hasPrivacyCode());
        assertEquals(List.of(online), contacts("MIA@example.org", null));
        assertEquals(List.of(online), contacts(null, "555-010-2030"));
        assertEquals(List.of(), contacts(null, null));

        store.run(s -> s.clients().saveFromPms(SLUG, new Client(null, "C9", "Mia Park", "mia@example.org", null,
                false)));
        ClientRecord linked = read(s -> s.clients().findByPmsId(SLUG, "C9")).orElseThrow();
        assertEquals(online.id(), linked.client().id(), "the online client is linked, not copied");
        assertEquals("hash", linked.privacyHash());

        Client fromPms = new Client(null, "C10", "Leo Park", null, "555 010 2030", false);
        store.run(s -> s.clients().saveFromPms(SLUG, fromPms));
        store.run(s -> s.clients().saveFromPms(SLUG, fromPms));
        ClientRecord leo = read(s -> s.clients().findByPmsId(SLUG, "C10")).orElseThrow();
        assertEquals(2, contacts(null, "5550102030").size());
        assertFalse(leo.client().hasPrivacyCode());
        assertTrue(flag(s -> s.clients().claimPrivacyCode(SLUG, leo.client().id(), "h2")));
        assertFalse(flag(s -> s.clients().claimPrivacyCode(SLUG, leo.client().id(), "h3")), "only once");
        assertEquals("h2", read(s -> s.clients().find(SLUG, leo.client().id())).orElseThrow().privacyHash());
        assertTrue(read(s -> s.clients().find("elsewhere", leo.client().id())).isEmpty());
    }

    @Test
    void patientsUpsertByPmsId() {
        Patient rex = new Patient(null, "PT1", "C1", "Rex", PatientKind.PET, LocalDate.of(2020, 5, 1), "dog");
        store.run(s -> s.clients().savePatient(SLUG, rex));
        store.run(s -> s.clients().savePatient(SLUG, rex));
        List<Patient> pets = read(s -> s.clients().patientsOf(SLUG, "C1"));
        assertEquals(1, pets.size());
        Patient stored = pets.get(0);
        assertEquals(new Patient(stored.id(), "PT1", "C1", "Rex", PatientKind.PET, LocalDate.of(2020, 5, 1),
                "dog"), stored);
        assertEquals(stored, read(s -> s.clients().patient(SLUG, stored.id())).orElseThrow());
    }

    @Test
    void requestsRoundTripAndChangeUnderLock() {
        Opening opening = new Opening("checkup", "SMITH", "OP1", T0, T0.plusSeconds(3600));
        Client client = read(s -> s.clients().create(SLUG, "Mia Park", "mia@example.org", null, "hash"));
        Hold hold = read(s -> s.holds().take(SLUG, opening, T0.plusSeconds(600), T0));
        Request created = read(s -> s.requests().create(SLUG, new NewRequest(opening, hold.id(), client.id(),
                true, null, "Mia Park", PatientKind.SELF, "Sensitive tooth", T0)));
        assertEquals(RequestStatus.PENDING, created.status());
        assertEquals(hold.id(), created.holdId());
        assertEquals(client, created.client());
        assertEquals("Mia Park", created.patient().name());
        assertEquals(created, read(s -> s.requests().find(SLUG, created.id())).orElseThrow());
        assertTrue(read(s -> s.requests().find("elsewhere", created.id())).isEmpty());
        assertEquals(List.of(created), read(s -> s.requests().list(SLUG, RequestStatus.PENDING)));

        Request confirmed = read(s -> s.requests().change(SLUG, created.id(), r -> new Request(r.id(),
                r.practiceSlug(), r.opening(), r.holdId(), RequestStatus.CONFIRMED, r.client(), r.patient(),
                r.newClient(), r.memo(), "See you", r.createdAt(), T0.plusSeconds(60))));
        assertEquals(RequestStatus.CONFIRMED, confirmed.status());
        assertNull(confirmed.holdId(), "a closed request shows no hold");
        assertEquals("See you", confirmed.staffNote());
        assertEquals(confirmed, read(s -> s.requests().find(SLUG, created.id())).orElseThrow());
        assertThrows(NotFoundException.class, () -> store.run(s -> s.requests().change(SLUG, "nope", r -> r)));
    }

    @Test
    void refusalInsideWorkRollsBackTheWholeTransaction() {
        assertThrows(ConflictException.class, () -> store.run(s -> {
            s.practices().saveRoom(SLUG, new Room("OP3", "Operatory 3"));
            throw new ConflictException("test", "refused");
        }));
        assertEquals(2, read(s -> s.practices().rooms(SLUG)).size());
    }

    @Test
    void staffSaveAndFindAndStayInTheirPractice() {
        StaffMember desk = new StaffMember("desk", SLUG, "Front desk");
        store.run(s -> s.staff().save(desk, "hash-1"));
        store.run(s -> s.staff().save(new StaffMember("desk", SLUG, "Desk"), "hash-2"));
        assertEquals("hash-2", read(s -> s.staff().find("desk")).orElseThrow().passwordHash());
        assertEquals(List.of(new StaffMember("desk", SLUG, "Desk")), read(s -> s.staff().ofPractice(SLUG)));

        store.run(s -> s.practices().save(Fixtures.practice("other", NewClientPolicy.WELCOME)));
        ConflictException taken = assertThrows(ConflictException.class,
                () -> store.run(s -> s.staff().save(new StaffMember("desk", "other", "Thief"), "hash-3")));
        assertEquals("username_taken", taken.code());
    }

    private List<Appointment> taking(Instant from, Instant to) {
        return read(s -> s.schedule().appointmentsTakingTime(SLUG, from, to));
    }

    private List<Client> contacts(String email, String phone) {
        return read(s -> s.clients().findByContact(SLUG, email, phone)).stream().map(ClientRecord::client).toList();
    }

    private <T> T read(Function<StoreSession, T> work) {
        return store.call(work);
    }

    private boolean flag(Function<StoreSession, Boolean> work) {
        return store.call(work);
    }
}
