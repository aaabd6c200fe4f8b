package org.slotbridge.connector.hl7v2.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.camel.ServiceStatus;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slotbridge.api.InvalidInputException;
import org.slotbridge.api.Opening;
import org.slotbridge.api.PatientKind;
import org.slotbridge.api.Request;
import org.slotbridge.api.RequestStatus;
import org.slotbridge.api.service.InboxJournal;
import org.slotbridge.api.service.RequestEvents;
import org.slotbridge.api.service.ConnectorStatus.SyncState;
import org.slotbridge.store.NewRequest;
import org.slotbridge.store.Store;
import org.slotbridge.store.internal.InboxJournalService;
import org.slotbridge.store.internal.RequestEventsService;

/** The connector with a real Camel context polling temporary folders. */
class Hl7v2ConnectorTest {

    private static final String GOOD = MessageApplierTest.booking("C1", "A1", "20260305093000-0500");
    private static final String BAD = MessageApplierTest.msh("SIU^S12", "C2")
            + MessageApplierTest.sch("", "A2", "", "", "");

    @TempDir
    Path root;

    private final RecordingSync sync = new RecordingSync();
    private final Hl7v2Status status = new Hl7v2Status();
    private final FixedDirectory directory = new FixedDirectory();
    private Store store;
    private InboxJournal journal;
    private RequestEvents events;
    private DefaultCamelContext camel;
    private Hl7v2Connector connector;

    @BeforeEach
    void start() throws Exception {
        store = TestJournal.freshStore();
        journal = new InboxJournalService(store);
        events = new RequestEventsService(store);
        sync.journal = journal;
        camel = new DefaultCamelContext();
        connector = new Hl7v2Connector(sync, directory, status, journal, events);
        connector.start(config(), camel);
    }

    @AfterEach
    void stop() {
        connector.deactivate();
        assertTrue(camel.isStopped());
        assertEquals(List.of(), status.states());
    }

    @Test
    void routeIsStartedUnderItsId() {
        assertEquals(ServiceStatus.Started, camel.getRouteController().getRouteStatus("pms-hl7v2-demo-inbox"));
        assertEquals("hl7v2", status.connector());
    }

    @Test
    void everyFileEndsInDoneOrErrorAndNoneIsLost() throws Exception {
        NotifyBuilder filed = new NotifyBuilder(camel).whenDone(4).create();
        String good = GOOD + MessageApplierTest.msh("ADT^A04", "C5") + "PID|1||P9||Doe^Jo|||||||555\r";
        drop("1-good.hl7", good);
        drop("2-mixed.hl7", BAD + MessageApplierTest.booking("C3", "A3", "20260305110000-0500"));
        drop("3-junk.hl7", "this is no HL7\n");
        drop("4-framed.hl7", "\uFEFF\u000B" + MessageApplierTest.booking("C4", "A4", "202603051200")
                .replace("\r", "\r\n") + "\u001C\r");
        assertTrue(filed.matches(20, TimeUnit.SECONDS), "the route did not file 4 files in time");

        assertEquals(List.of(), names(inbox()));
        assertEquals(List.of("1-good.hl7", "4-framed.hl7"), names(folder("done")));
        assertEquals(List.of("2-mixed.hl7", "2-mixed.hl7.error.txt", "3-junk.hl7", "3-junk.hl7.error.txt"),
                names(folder("error")));

        String mixed = Files.readString(folder("error").resolve("2-mixed.hl7.error.txt"));
        assertEquals("2-mixed.hl7: 1 of 2 messages applied, 1 failed, 0 skipped\n"
                + "FAILED  message 1 (MSH-10 C2): SCH-11 no start date/time in TQ1-7, SCH-11, AIS-4, AIG-8, AIL-6"
                + " or AIP-6\n", mixed);
        assertEquals("3-junk.hl7: not applied (1 message(s) set aside): the file holds no HL7 message"
                + " (no MSH segment)\n", Files.readString(folder("error").resolve("3-junk.hl7.error.txt")));
        // the good message of the mixed file was applied all the same
        assertEquals(List.of("A1", "A3", "A4"), sync.appointments.stream().map(a -> a.pmsId()).toList());
        assertEquals(List.of("P9"), sync.patients.stream().map(p -> p.pmsId()).toList());
        assertEquals(good, Files.readString(folder("done").resolve("1-good.hl7")));

        SyncState state = status.states().get(0);
        assertEquals("demo", state.practiceSlug());
        assertEquals("4-framed.hl7", state.lastFile());
        assertEquals(4, state.applied());
        assertEquals(2, state.failed());
        assertNotNull(state.lastError());
        assertNotNull(state.lastErrorAt());
    }

    @Test
    void anEmptyFileIsFiledInErrorAndHoldsUpNothing() throws Exception {
        NotifyBuilder filed = new NotifyBuilder(camel).whenDone(2).create();
        drop("0-empty.hl7", "");
        drop("1-good.hl7", GOOD);
        assertTrue(filed.matches(20, TimeUnit.SECONDS), "the route did not file both files in time");

        assertEquals(List.of(), names(inbox()));
        assertEquals(List.of("1-good.hl7"), names(folder("done")));
        assertTrue(Files.readString(folder("error").resolve("0-empty.hl7.error.txt")).contains("no HL7 message"));
    }

    @Test
    void aNameAlreadyFiledIsNeverOverwritten() throws Exception {
        // both counters start before any file, so neither counts an exchange it should not
        NotifyBuilder first = new NotifyBuilder(camel).whenDone(1).create();
        NotifyBuilder both = new NotifyBuilder(camel).whenDone(2).create();
        drop("daily.hl7", GOOD);
        assertTrue(first.matches(20, TimeUnit.SECONDS));
        drop("daily.hl7", MessageApplierTest.booking("C9", "A9", "20260306093000-0500"));
        assertTrue(both.matches(20, TimeUnit.SECONDS));

        assertEquals(List.of("daily-2.hl7", "daily.hl7"), names(folder("done")));
        assertTrue(Files.readString(folder("done").resolve("daily-2.hl7")).contains("A9"));
    }

    @Test
    void skippedMessagesAreListedBesideTheFileInDone() throws Exception {
        NotifyBuilder filed = new NotifyBuilder(camel).whenDone(1).create();
        drop("lab.hl7", MessageApplierTest.msh("ORU^R01", "L1") + "OBR|1\r" + GOOD);
        assertTrue(filed.matches(20, TimeUnit.SECONDS));

        assertEquals(List.of("lab.hl7", "lab.hl7.skipped.txt"), names(folder("done")));
        assertTrue(Files.readString(folder("done").resolve("lab.hl7.skipped.txt"))
                .contains("SKIPPED message 1 (MSH-10 L1): MSH-9 ORU messages carry no appointment or registration"));
        assertNull(status.states().get(0).lastError());
    }

    @Test
    void aFileThatCannotBeFiledInDoneGoesToErrorWithTheReason() throws Exception {
        Files.delete(folder("done"));
        Files.writeString(folder("done"), "a file where the folder should be");
        // both counters start before any file, so neither counts an exchange it should not
        NotifyBuilder filed = new NotifyBuilder(camel).whenDone(1).create();
        NotifyBuilder again = new NotifyBuilder(camel).whenDone(2).create();
        drop("blocked.hl7", GOOD);
        assertTrue(filed.matches(20, TimeUnit.SECONDS));

        assertEquals(List.of(), names(inbox()));
        assertEquals(List.of("blocked.hl7", "blocked.hl7.error.txt"), names(folder("error")));
        String report = Files.readString(folder("error").resolve("blocked.hl7.error.txt"));
        assertTrue(report.startsWith("blocked.hl7: stopped: the file could not be read or filed: "
                + "FileAlreadyExistsException"), report);
        assertEquals(1, sync.appointments.size(), "its message was applied before filing failed");
        assertTrue(status.states().get(0).lastError().contains("could not be read or filed"));

        // the same file again once done/ can take it: the journal has it whole, so it is only filed
        Files.delete(folder("done"));
        drop("blocked.hl7", GOOD);
        assertTrue(again.matches(20, TimeUnit.SECONDS));
        assertEquals(List.of("blocked.hl7"), names(folder("done")));
        assertEquals(1, sync.appointments.size(), "the message is not applied again");
        assertEquals(1, status.states().get(0).applied(), "the file counts its message as applied");
    }

    @Test
    void aConfigurationWithABadCharsetDoesNotStart() {
        Hl7v2Connector broken = new Hl7v2Connector(sync, directory, status, journal, events);
        DefaultCamelContext other = new DefaultCamelContext();
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> broken.start(config("NOPE-8"), other));
        assertEquals("charset", e.field());
        // the running connector of the same practice keeps its state
        assertEquals(1, status.states().size());
    }

    @Test
    void eachChangeOfARequestIsWrittenOnceInTheOrderMade() throws Exception {
        Request sent = changed(null, RequestStatus.PENDING);
        changed(sent, RequestStatus.CONFIRMED);

        connector.deliverNow();
        connector.deliverNow();
        List<String> written = names(folder("outbox"));
        assertEquals(2, written.size(), "each change once: " + written);
        String id = sent.id();
        assertTrue(written.get(0).matches(id + "-\\d{17}-\\d{12}-S12\\.hl7"), written.toString());
        assertTrue(written.get(1).matches(id + "-\\d{17}-\\d{12}-S14\\.hl7"), written.toString());
    }

    @Test
    void aChangeMadeElsewhereIsWrittenAtThePoll() throws Exception {
        // recorded without telling this connector, as on another node of a cluster
        Request sent = changed(null, RequestStatus.PENDING);

        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (names(folder("outbox")).isEmpty() && System.nanoTime() < until) {
            Thread.sleep(20);
        }
        List<String> written = names(folder("outbox"));
        assertEquals(1, written.size());
        assertTrue(written.get(0).startsWith(sent.id() + "-"), written.toString());
    }

    @Test
    void anOutboxThatTurnsUnwritableShowsInTheStatusAndTheChangeWaits() throws Exception {
        Path outbox = folder("outbox");
        Files.delete(outbox);
        Files.writeString(outbox, "a file where the folder should be");
        Request sent = changed(null, RequestStatus.PENDING);

        connector.deliverNow();
        String error = status.states().get(0).lastError();
        assertTrue(error.startsWith("request " + sent.id() + " (PENDING) not written to the outbox"), error);

        Files.delete(outbox);
        Files.createDirectories(outbox);
        connector.deliverNow();
        List<String> written = names(outbox);
        assertEquals(1, written.size(), "written once the folder is back: " + written);
        assertTrue(written.get(0).startsWith(sent.id() + "-"), written.toString());
    }

    /** A request sent, or changed to a status, recorded as booking records it. */
    private Request changed(Request sent, RequestStatus status) {
        return store.call(s -> {
            Request request;
            if (sent == null) {
                Opening opening = new Opening("checkup", "SMITH", "OP1", OutboxTest.START,
                        OutboxTest.START.plusSeconds(3600));
                String client = s.clients().create(FixedDirectory.SLUG, "Mary Major", "mary@example.org", null,
                        "hash").id();
                String hold = s.holds().take(FixedDirectory.SLUG, opening, OutboxTest.START,
                        OutboxTest.START.minusSeconds(86_400)).id();
                request = s.requests().create(FixedDirectory.SLUG, new NewRequest(opening, hold, client, true, null,
                        "Mary Major", PatientKind.SELF, null, OutboxTest.START.minusSeconds(86_400)));
            } else {
                request = s.requests().change(FixedDirectory.SLUG, sent.id(), r -> new Request(r.id(),
                        r.practiceSlug(), r.opening(), r.holdId(), status, r.client(), r.patient(), r.newClient(),
                        r.memo(), null, r.createdAt(), OutboxTest.START.minusSeconds(3600)));
            }
            s.requestEvents().record(request, Instant.now());
            return request;
        });
    }

    private void drop(String name, String content) throws IOException {
        // written beside the inbox, then moved in whole, as a careful PMS does
        Path staged = Files.writeString(root.resolve(name + ".tmp"), content, StandardCharsets.UTF_8);
        Files.move(staged, inbox().resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }

    private Path inbox() {
        return folder("inbox");
    }

    private Path folder(String name) {
        return root.resolve(name);
    }

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    private Hl7v2Connector.Config config() {
        return config("UTF-8");
    }

    private Hl7v2Connector.Config config(String charset) {
        String base = root.toString();
        return new Hl7v2Connector.Config() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return Hl7v2Connector.Config.class;
            }

            @Override
            public String practice() {
                return FixedDirectory.SLUG;
            }

            @Override
            public String inbox() {
                return base + "/inbox";
            }

            @Override
            public String done() {
                return base + "/done";
            }

            @Override
            public String error() {
                return base + "/error";
            }

            @Override
            public String outbox() {
                return base + "/outbox";
            }

            @Override
            public long pollMillis() {
                return 50;
            }

            @Override
            public String charset() {
                return charset;
            }

            @Override
            public String webconsole_configurationFactory_nameHint() {
                return "";
            }
        };
    }
}
