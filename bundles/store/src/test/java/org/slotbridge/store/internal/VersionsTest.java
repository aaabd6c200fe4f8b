package org.slotbridge.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slotbridge.api.Appointment;
import org.slotbridge.api.AppointmentStatus;
import org.slotbridge.api.Blockout;
import org.slotbridge.api.Category;
import org.slotbridge.api.InvalidInputException;
import org.slotbridge.api.NewClientPolicy;
import org.slotbridge.api.NotFoundException;
import org.slotbridge.api.PracticeRules;
import org.slotbridge.api.Provider;
import org.slotbridge.api.Reason;
import org.slotbridge.api.Room;
import org.slotbridge.api.Timing;
import org.slotbridge.api.service.PracticeDirectory;
import org.slotbridge.api.service.PracticeSetup;
import org.slotbridge.store.Store;
import org.slotbridge.store.StoreSession;
import org.slotbridge.store.Versions;

/** The practice's configuration and schedule counters: each write bumps its own, reads bump neither. */
class VersionsTest {

    private static final String SLUG = Fixtures.SLUG;
    private static final Instant T0 = Instant.parse("2026-03-02T14:00:00Z");

    private Store store;
    private PracticeDirectory directory;
    private PracticeSetup setup;

    @BeforeEach
    void setUp() {
        TestDatabase db = TestDatabase.clean();
        store = db.store();
        directory = db.directory();
        setup = db.setup();
        Fixtures.setUp(store, SLUG, NewClientPolicy.WELCOME);
        store.run(s -> s.practices().save(Fixtures.practice("other", NewClientPolicy.WELCOME)));
    }

    @Test
    void everyConfigurationWriteBumpsTheConfigurationCounterOnly() {
        Reason xray = new Reason("xray", "X-ray", null, null, Duration.ofMinutes(15), Set.of(), Set.of(), Set.of(),
                List.of());
        Map<String, Runnable> writes = new LinkedHashMap<>();
        writes.put("practice", () -> setup.savePractice(Fixtures.practice(SLUG, NewClientPolicy.EXISTING_ONLY)));
        writes.put("provider", () -> setup.saveProvider(SLUG, new Provider("LEE", "Dr. Lee")));
        writes.put("room", () -> setup.saveRoom(SLUG, new Room("OP3", "Operatory 3")));
        writes.put("reason", () -> setup.saveReason(SLUG, xray));
        writes.put("remove reason", () -> setup.removeReason(SLUG, "xray"));
        writes.put("hours", () -> setup.saveWorkingHours(SLUG, Fixtures.weekdays("LEE")));
        writes.put("rules", () -> setup.saveRules(SLUG, new PracticeRules(5, Timing.DEFAULT, Set.of(), Map.of(), 9)));
        writes.put("categories", () -> setup.saveCategories(SLUG, List.of(Fixtures.routineCare(),
                new Category("extra", "Extra", null, null))));
        writes.put("apply", () -> setup.apply(Fixtures.config(SLUG, NewClientPolicy.WELCOME)));
        writes.forEach((what, write) -> {
            Versions before = versions(SLUG);
            Versions other = versions("other");
            write.run();
            Versions after = versions(SLUG);
            assertEquals(new Versions(before.config() + 1, before.schedule()), after, what);
            assertEquals(other, versions("other"), what + " touches only its own practice");
        });
    }

    @Test
    void everyScheduleWriteBumpsTheScheduleCounterOnce() {
        Appointment booked = new Appointment("A1", "SMITH", "OP1", T0, T0.plusSeconds(3600), "P1",
                AppointmentStatus.BOOKED, null);
        Blockout lunch = new Blockout("B1", null, T0, T0.plusSeconds(1800), "LUNCH");
        Map<String, Consumer<StoreSession>> writes = new LinkedHashMap<>();
        writes.put("appointment", s -> s.schedule().saveAppointment(SLUG, booked));
        writes.put("status", s -> s.schedule().setAppointmentStatus(SLUG, "A1", AppointmentStatus.NO_SHOW));
        writes.put("blockout", s -> s.schedule().saveBlockout(SLUG, lunch));
        writes.put("remove blockout", s -> s.schedule().removeBlockout(SLUG, "B1"));
        writes.put("several in one transaction", s -> {
            s.schedule().saveBlockout(SLUG, lunch);
            s.schedule().saveAppointment(SLUG, booked);
            s.schedule().setAppointmentStatus(SLUG, "A1", AppointmentStatus.CANCELLED);
        });
        writes.forEach((what, write) -> {
            Versions before = versions(SLUG);
            Versions other = versions("other");
            store.run(write);
            assertEquals(new Versions(before.config(), before.schedule() + 1), versions(SLUG), what);
            assertEquals(other, versions("other"), what + " touches only its own practice");
        });
    }

    @Test
    void readsAndWritesThatFindNothingBumpNeither() {
        Versions before = versions(SLUG);
        directory.practices();
        directory.practice(SLUG);
        directory.providers(SLUG);
        directory.rooms(SLUG);
        directory.reasons(SLUG);
        directory.reason(SLUG, "checkup");
        directory.workingHours(SLUG);
        directory.rules(SLUG);
        directory.categories(SLUG);
        directory.config(SLUG);
        store.run(s -> {
            s.schedule().appointmentsTakingTime(SLUG, T0, T0.plusSeconds(86400));
            s.schedule().blockouts(SLUG, T0, T0.plusSeconds(86400));
            s.schedule().blockout(SLUG, "B1");
            s.schedule().appointment(SLUG, "A1");
            s.schedule().setAppointmentStatus(SLUG, "missing", AppointmentStatus.CANCELLED);
            s.schedule().removeBlockout(SLUG, "missing");
            s.practices().removeReason(SLUG, "missing");
            s.practices().removeWorkingHours(SLUG, "missing");
        });
        assertEquals(before, versions(SLUG));
    }

    @Test
    void aRefusedWriteBumpsNothing() {
        Versions before = versions(SLUG);
        assertThrows(InvalidInputException.class, () -> setup.saveCategories(SLUG, List.of()));
        assertThrows(NotFoundException.class, () -> store.run(s -> {
            s.schedule().saveBlockout(SLUG, new Blockout("B9", null, T0, T0.plusSeconds(60)));
            s.practices().require("nowhere");
        }));
        assertEquals(before, versions(SLUG));
    }

    @Test
    void aNewPracticeStartsCountingAndAnUnknownOneIsNotFound() {
        setup.savePractice(Fixtures.practice("brand-new", NewClientPolicy.WELCOME));
        assertEquals(new Versions(1, 0), versions("brand-new"));
        assertThrows(NotFoundException.class, () -> versions("nowhere"));
    }

    private Versions versions(String slug) {
        return store.call(s -> s.practices().versions(slug));
    }
}
