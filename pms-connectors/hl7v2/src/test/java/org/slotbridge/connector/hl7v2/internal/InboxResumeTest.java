package org.slotbridge.connector.hl7v2.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

import ca.uhn.hl7v2.HapiContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slotbridge.api.Appointment;
import org.slotbridge.api.AppointmentStatus;
import org.slotbridge.api.Blockout;
import org.slotbridge.api.Client;
import org.slotbridge.api.NewClientPolicy;
import org.slotbridge.api.Patient;
import org.slotbridge.api.Provider;
import org.slotbridge.api.Room;
import org.slotbridge.api.service.InboxJournal;
import org.slotbridge.api.service.InboxJournal.InboxFile;
import org.slotbridge.api.service.InboxJournal.Mark;
import org.slotbridge.api.service.InboxJournal.Progress;
import org.slotbridge.api.service.PracticeDirectory;
import org.slotbridge.api.service.ScheduleSync;
import org.slotbridge.booking.internal.TestBooking;
import org.slotbridge.store.Store;
import org.slotbridge.store.internal.Fixtures;
import org.slotbridge.store.internal.InboxJournalService;
import org.slotbridge.store.internal.TestDatabase;
import org.slotbridge.sync.internal.ScheduleSyncService;

/**
 * Inbox files on the real schedule copy and journal (the store's test database): a file the node died in the
 * middle of goes on where it stopped, a file applied whole is only filed, and a file rewritten under the same
 * name is applied as a new one.
 */
class InboxResumeTest {

    private static final String SLUG = FixedDirectory.SLUG;
    private static final Instant NOW = Instant.parse("2026-03-02T12:00:00Z");

    @TempDir
    Path root;

    private Store store;
    private PracticeDirectory directory;
    private ScheduleSync sync;
    private InboxJournal journal;
    private HapiContext hapi;

    @BeforeEach
    void setUp() {
        hapi = Hapi.newContext();
        TestDatabase db = TestDatabase.clean();
        store = db.store();
        Fixtures.setUp(store, SLUG, NewClientPolicy.WELCOME);
        directory = db.directory();
        TestBooking booking = TestBooking.create(store, Clock.fixed(NOW, ZoneOffset.UTC), List.of());
        sync = new ScheduleSyncService(store, booking.booking(), booking.changes());
        journal = new InboxJournalService(store);
    }

    @AfterEach
    void closeHapi() throws IOException {
        hapi.close();
    }

    /**
     * Eight messages; the node dies while applying message 4. Meanwhile the PMS cancels A2, which message 3
     * booked: applying messages 1 to 3 again would book it again, and count three more schedule changes.
     */
    @Test
    void aFileTheNodeDiedInGoesOnAfterTheLastMessageItApplied() throws IOException {
        String text = MessageApplierTest.booking("C1", "A1", "20260303090000-0500")
                + MessageApplierTest.msh("SIU^S15", "C2") + MessageApplierTest.sch("", "A1", "", "", "")
                + MessageApplierTest.booking("C3", "A2", "20260303100000-0500")
                + MessageApplierTest.booking("C4", "A3", "20260303110000-0500")
                + MessageApplierTest.booking("C5", "A1", "20260303130000-0500")
                + MessageApplierTest.msh("ORU^R01", "C6") + "OBR|1\r"
                + MessageApplierTest.msh("SIU^S26", "C7") + MessageApplierTest.sch("", "A3", "", "", "")
                + MessageApplierTest.msh("ADT^A04", "C8") + "PID|1||P9||Doe^Jo\r";
        Path file = drop("a.hl7", text);
        InboxFile key = key("a.hl7", text);
        long start = scheduleVersion();

        Hl7v2Status before = new Hl7v2Status();
        InboxProcessor dying = processor(new DyingSync(sync, 4), before);
        assertThrows(NodeDied.class, () -> dying.process(exchange(file)));
        assertEquals(new Progress(3, 3, 0, 0, false), journal.progress(key));
        assertTrue(Files.exists(file), "the file is still in the inbox");
        assertTrue(appointment("A3").isEmpty(), "message 4 died before its commit, so nothing of it is written");
        assertEquals(start + 3, scheduleVersion());

        assertTrue(sync.cancelAppointment(SLUG, "A2"));

        Hl7v2Status after = new Hl7v2Status();
        after.serving(SLUG);
        processor(sync, after).process(exchange(file));

        assertEquals(List.of(), names(folder("inbox")));
        assertEquals(List.of("a.hl7", "a.hl7.skipped.txt"), names(folder("done")));
        assertEquals(AppointmentStatus.CANCELLED, appointment("A2").orElseThrow().status(),
                "A2 stays cancelled: message 3 was not applied again");
        Appointment rebooked = appointment("A1").orElseThrow();
        assertEquals(AppointmentStatus.BOOKED, rebooked.status());
        assertEquals(Instant.parse("2026-03-03T18:00:00Z"), rebooked.start());
        assertEquals(AppointmentStatus.NO_SHOW, appointment("A3").orElseThrow().status());
        assertEquals(List.of("P9"), store.call(s -> s.clients().patientsOf(SLUG, "P9")).stream()
                .map(Patient::pmsId).toList());
        assertEquals(start + 3 + 1 + 3, scheduleVersion(),
                "messages 1-3, the PMS's cancel, then messages 4, 5 and 7: each schedule change counted once");

        assertEquals(new Progress(8, 7, 1, 0, true), journal.progress(key));
        assertEquals("a.hl7: 7 of 8 messages applied, 0 failed, 1 skipped\n"
                + "messages 1 to 3 were handled by an earlier reading of this file and are not applied again:"
                + " 3 applied, 0 failed, 0 skipped\n"
                + "SKIPPED message 6 (MSH-10 C6): MSH-9 ORU messages carry no appointment or registration\n",
                Files.readString(folder("done").resolve("a.hl7.skipped.txt")));
        assertEquals(7, after.states().get(0).applied(), "messages applied before the crash count as applied");
    }

    /** The node died after the journal had the file whole, before it moved the file: it is only filed. */
    @Test
    void aFileAppliedWholeIsFiledWithoutBeingAppliedAgain() throws IOException {
        String text = MessageApplierTest.booking("C1", "B1", "20260303090000-0500");
        processor(sync, new Hl7v2Status()).process(exchange(drop("b.hl7", text)));
        assertEquals(AppointmentStatus.BOOKED, appointment("B1").orElseThrow().status());
        assertTrue(sync.cancelAppointment(SLUG, "B1"));
        long version = scheduleVersion();

        processor(sync, new Hl7v2Status()).process(exchange(drop("b.hl7", text)));
        assertEquals(List.of(), names(folder("inbox")));
        assertEquals(List.of("b-2.hl7", "b.hl7"), names(folder("done")));
        assertEquals(AppointmentStatus.CANCELLED, appointment("B1").orElseThrow().status());
        assertEquals(version, scheduleVersion());
    }

    @Test
    void aFileWrittenAgainUnderTheSameNameWithOtherContentIsApplied() throws IOException {
        String first = MessageApplierTest.booking("C1", "D1", "20260303090000-0500");
        processor(sync, new Hl7v2Status()).process(exchange(drop("daily.hl7", first)));
        String second = MessageApplierTest.booking("C2", "D1", "20260303100000-0500");
        processor(sync, new Hl7v2Status()).process(exchange(drop("daily.hl7", second)));

        assertEquals(Instant.parse("2026-03-03T15:00:00Z"), appointment("D1").orElseThrow().start());
        assertEquals(List.of("daily-2.hl7", "daily.hl7"), names(folder("done")));
        assertTrue(journal.progress(key("daily.hl7", first)).finished());
        assertTrue(journal.progress(key("daily.hl7", second)).finished());
    }

    private InboxProcessor processor(ScheduleSync schedule, Hl7v2Status status) {
        return new InboxProcessor(SLUG, folder("done"), folder("error"), StandardCharsets.UTF_8,
                new MessageApplier(hapi, schedule, directory, journal), journal, status, Clock.systemUTC());
    }

    private Exchange exchange(Path file) {
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        exchange.getIn().setHeader("CamelFileAbsolutePath", file.toString());
        return exchange;
    }

    private Path drop(String name, String content) throws IOException {
        Files.createDirectories(folder("inbox"));
        return Files.writeString(folder("inbox").resolve(name), content, StandardCharsets.UTF_8);
    }

    private static InboxFile key(String name, String content) {
        return new InboxFile(SLUG, Hl7v2Status.CONNECTOR, name,
                InboxProcessor.sha256(content.getBytes(StandardCharsets.UTF_8)));
    }

    private Path folder(String name) {
        return root.resolve(name);
    }

    private Optional<Appointment> appointment(String pmsId) {
        return store.call(s -> s.schedule().appointment(SLUG, pmsId));
    }

    private long scheduleVersion() {
        return store.call(s -> s.practices().versions(SLUG).schedule());
    }

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    /** The node dying: nothing catches it, as nothing would survive a kill. */
    private static final class NodeDied extends Error {

        private static final long serialVersionUID = 1L;
    }

    /** The real schedule copy on a node that dies inside one message's transaction, after its writes. */
    private static final class DyingSync implements ScheduleSync {

        private final ScheduleSync real;
        private final int diesAt;

        DyingSync(ScheduleSync real, int diesAt) {
            this.real = real;
            this.diesAt = diesAt;
        }

        @Override
        public <T> T applyMessage(Mark mark, Function<ScheduleSync, T> writes) {
            return real.applyMessage(mark, joined -> {
                T result = writes.apply(joined);
                if (mark.message() == diesAt) {
                    throw new NodeDied();
                }
                return result;
            });
        }

        @Override
        public void appointment(String slug, Appointment appointment) {
            real.appointment(slug, appointment);
        }

        @Override
        public boolean cancelAppointment(String slug, String pmsId) {
            return real.cancelAppointment(slug, pmsId);
        }

        @Override
        public boolean noShow(String slug, String pmsId) {
            return real.noShow(slug, pmsId);
        }

        @Override
        public void blockout(String slug, Blockout blockout) {
            real.blockout(slug, blockout);
        }

        @Override
        public boolean removeBlockout(String slug, String pmsId) {
            return real.removeBlockout(slug, pmsId);
        }

        @Override
        public void client(String slug, Client client) {
            real.client(slug, client);
        }

        @Override
        public void patient(String slug, Patient patient) {
            real.patient(slug, patient);
        }

        @Override
        public void provider(String slug, Provider provider) {
            real.provider(slug, provider);
        }

        @Override
        public void room(String slug, Room room) {
            real.room(slug, room);
        }
    }
}
