package org.slotbridge.connector.hl7v2.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

import ca.uhn.hl7v2.HapiContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slotbridge.api.Appointment;
import org.slotbridge.api.InvalidInputException;
import org.slotbridge.api.Patient;
import org.slotbridge.api.PatientKind;
import org.slotbridge.api.service.InboxJournal;
import org.slotbridge.api.service.InboxJournal.InboxFile;
import org.slotbridge.api.service.InboxJournal.Progress;
import org.slotbridge.connector.hl7v2.internal.MessageOutcome.Result;

/** Crafted messages, each showing one rule of how a file is read and applied. */
class MessageApplierTest {

    private static HapiContext hapi;

    private InboxJournal journal;

    @BeforeEach
    void emptyJournal() {
        journal = TestJournal.fresh();
    }

    @BeforeAll
    static void hapi() {
        hapi = Hapi.newContext();
    }

    @AfterAll
    static void close() throws IOException {
        hapi.close();
    }

    static String msh(String event, String controlId) {
        return "MSH|^~\\&|PMS|DEMO|SLOTBRIDGE|demo|20260301080000||" + event + "|" + controlId + "|P|2.5\r";
    }

    /** An SCH with placer and filler ids, SCH-9/10 and SCH-11 as given (empty strings leave them out). */
    static String sch(String placer, String filler, String duration, String unit, String timing) {
        return "SCH|" + placer + "|" + filler + "|||||||" + duration + "|" + unit + "|" + timing + "\r";
    }

    static String booking(String controlId, String filler, String start) {
        return msh("SIU^S12^SIU_S12", controlId) + sch("", filler, "30", "MIN", "^^M30^" + start)
                + "PID|1||P100^^^PMS^MR||Doe^Jane\r"
                + "RGS|1\rAIS|1||CHK^Check-up\rAIP|1||SMITH^Smith^Ann\rAIL|1||^OP1\r";
    }

    @Test
    void oneBadMessageAmongGoodOnesIsReportedAndTheOthersAreApplied() {
        String bad = msh("SIU^S12", "C2") + sch("", "A2", "", "", "") + "RGS|1\rAIP|1||SMITH\r";
        String adt = msh("ADT^A04", "C3") + "PID|1||P200||Roe^Rick||19800101|||||555-0100\r";
        RecordingSync sync = new RecordingSync();
        FileOutcome outcome = apply(sync, booking("C1", "A1", "20260305093000-0500") + bad + adt);

        assertFalse(outcome.clean());
        assertEquals(2, outcome.applied());
        assertEquals(1, outcome.failed());
        assertEquals("message 2 (MSH-10 C2): SCH-11 no start date/time in TQ1-7, SCH-11, AIS-4, AIG-8, AIL-6"
                + " or AIP-6", outcome.messages().get(1).describe());
        // the failed message changed nothing, not even its provider
        assertEquals(List.of("demo provider SMITH", "demo room OP1", "demo appointment A1",
                "demo client P200", "demo patient P200"), sync.calls);
        String report = outcome.report("mixed.hl7");
        assertTrue(report.startsWith("mixed.hl7: 2 of 3 messages applied, 1 failed, 0 skipped\n"), report);
        assertTrue(report.contains("FAILED  message 2 (MSH-10 C2): SCH-11 no start"), report);
    }

    @Test
    void timingQuantityGivesStartAndDurationWithItsOffset() {
        RecordingSync sync = new RecordingSync();
        apply(sync, booking("C1", "A1", "20260305093000-0500"));

        Appointment appointment = sync.lastAppointment();
        assertEquals(OffsetDateTime.parse("2026-03-05T09:30-05:00").toInstant(), appointment.start());
        assertEquals(OffsetDateTime.parse("2026-03-05T10:00-05:00").toInstant(), appointment.end());
        assertEquals("SMITH", appointment.providerId());
        assertEquals("OP1", appointment.roomId());
        assertEquals("P100", appointment.patientPmsId());
        assertNull(appointment.placerId());
    }

    @Test
    void withoutSch11TheTq1SegmentGivesTheTime() {
        String text = msh("SIU^S12^SIU_S12", "C1") + sch("", "A1", "", "", "")
                + "TQ1|||||||20260305093000-0500|20260305101500-0500\r" + "RGS|1\rAIP|1||SMITH\r";
        RecordingSync sync = new RecordingSync();
        apply(sync, text);

        assertEquals(Instant.parse("2026-03-05T14:30:00Z"), sync.lastAppointment().start());
        assertEquals(Instant.parse("2026-03-05T15:15:00Z"), sync.lastAppointment().end());
    }

    @Test
    void tq1ServiceDurationServesWhenTheEndIsMissing() {
        String text = msh("SIU^S12^SIU_S12", "C1") + sch("", "A1", "", "", "")
                + "TQ1||||||45^MIN|20260305093000\r";
        RecordingSync sync = new RecordingSync();
        apply(sync, text);

        assertEquals(Instant.parse("2026-03-05T14:30:00Z"), sync.lastAppointment().start());
        assertEquals(Instant.parse("2026-03-05T15:15:00Z"), sync.lastAppointment().end());
    }

    @Test
    void timesWithoutOffsetAreReadInThePracticeZone() {
        String text = booking("C1", "A1", "20260305093000");
        RecordingSync newYork = new RecordingSync();
        RecordingSync berlin = new RecordingSync();
        apply(newYork, text);
        berlin.journal = journal;
        new MessageApplier(hapi, berlin, new FixedDirectory(ZoneId.of("Europe/Berlin")), journal)
                .apply(TestJournal.newFile(text), Progress.NONE, text);

        assertEquals(Instant.parse("2026-03-05T14:30:00Z"), newYork.lastAppointment().start());
        assertEquals(Instant.parse("2026-03-05T08:30:00Z"), berlin.lastAppointment().start());
    }

    @Test
    void resourceStartAndDurationServeWhenTheScheduleHasNone() {
        String text = msh("SIU^S12", "C1") + sch("", "A1", "", "", "")
                + "RGS|1\rAIS|1||CHK|20260305093000-0500|||20|MIN\r";
        RecordingSync sync = new RecordingSync();
        apply(sync, text);

        assertEquals(Instant.parse("2026-03-05T14:50:00Z"), sync.lastAppointment().end());
    }

    @Test
    void aDateOnlyStartIsRefusedWithItsField() {
        FileOutcome outcome = apply(new RecordingSync(), msh("SIU^S12", "C1")
                + sch("", "A1", "30", "MIN", "^^^20260305"));
        assertEquals("message 1 (MSH-10 C1): SCH-11 '20260305' has a date but no time of day",
                outcome.messages().get(0).describe());
    }

    @Test
    void anEndBeforeTheStartIsRefused() {
        FileOutcome outcome = apply(new RecordingSync(), msh("SIU^S12", "C1") + sch("", "A1", "", "", "")
                + "TQ1|||||||20260305093000-0500|20260305090000-0500\r");
        MessageOutcome message = outcome.messages().get(0);
        assertEquals("TQ1-8", message.field());
        assertEquals("end 20260305090000-0500 is not after the start", message.reason());
    }

    @Test
    void anUnknownDurationUnitNamesTheUnitField() {
        FileOutcome outcome = apply(new RecordingSync(), msh("SIU^S12", "C1")
                + sch("", "A1", "2", "FORTNIGHT", "^^^202603050930"));
        assertEquals("SCH-10", outcome.messages().get(0).field());
    }

    @Test
    void withoutAnyDurationTheMessageFails() {
        FileOutcome outcome = apply(new RecordingSync(), msh("SIU^S12", "C1")
                + sch("", "A1", "", "", "^^^202603050930"));
        assertEquals("SCH-9", outcome.messages().get(0).field());
    }

    @Test
    void placerIdIsOursWhenItsNamespaceIsOursOrEmpty() {
        RecordingSync sync = new RecordingSync();
        String ours = msh("SIU^S12", "C1") + sch("req-1^SLOTBRIDGE", "A1", "30", "MIN", "^^^202603050930");
        String bare = msh("SIU^S12", "C2") + sch("req-2", "", "30", "MIN", "^^^202603050930");
        String theirs = msh("SIU^S12", "C3") + sch("77^OTHERAPP", "A3", "30", "MIN", "^^^202603050930");
        apply(sync, ours + bare + theirs);

        assertEquals("req-1", sync.appointments.get(0).placerId());
        assertEquals("A1", sync.appointments.get(0).pmsId());
        // no filler id yet: the placer id keys the appointment
        assertEquals("req-2", sync.appointments.get(1).pmsId());
        assertEquals("req-2", sync.appointments.get(1).placerId());
        assertNull(sync.appointments.get(2).placerId());
    }

    @Test
    void anAppointmentWithoutAnyIdFails() {
        FileOutcome outcome = apply(new RecordingSync(), msh("SIU^S15", "C1") + sch("", "", "30", "MIN", ""));
        assertEquals("message 1 (MSH-10 C1): SCH-2 no filler appointment id, and no placer id in SCH-1",
                outcome.messages().get(0).describe());
    }

    @Test
    void cancellationsAndNoShowsNeedOnlyTheId() {
        RecordingSync sync = new RecordingSync();
        FileOutcome outcome = apply(sync, msh("SIU^S17", "C1") + sch("", "A9", "", "", "")
                + msh("SIU^S26", "C2") + sch("", "A8", "", "", ""));

        assertTrue(outcome.clean());
        assertEquals(List.of("A9"), sync.cancelled);
        assertEquals(List.of("A8"), sync.noShows);
        assertEquals("appointment A9 cancelled; it was not in the schedule copy",
                outcome.messages().get(0).reason());
    }

    @Test
    void unknownTriggersFailAndOtherMessagesAreSkippedWithAReason() {
        RecordingSync sync = new RecordingSync();
        FileOutcome outcome = apply(sync, msh("SIU^S99", "C1") + sch("", "A1", "", "", "")
                + msh("ORU^R01", "C2") + "OBR|1\r"
                + msh("SIU^S18", "C3") + sch("", "A1", "", "", "")
                + msh("ADT^A03", "C4") + "PID|1||P1||Doe^Jo\r"
                + msh("ADT^Z99", "C5") + "PID|1||P1||Doe^Jo\r");

        List<MessageOutcome> messages = outcome.messages();
        assertEquals("message 1 (MSH-10 C1): MSH-9 unknown trigger event SIU^S99", messages.get(0).describe());
        assertEquals(Result.SKIPPED, messages.get(1).result());
        assertEquals("ORU messages carry no appointment or registration", messages.get(1).reason());
        assertEquals(Result.SKIPPED, messages.get(2).result());
        assertEquals(Result.SKIPPED, messages.get(3).result());
        assertEquals("unknown trigger event ADT^Z99", messages.get(4).reason());
        assertEquals(2, outcome.failed());
        assertEquals(3, outcome.skipped());
        assertEquals(List.of(), sync.calls);
        assertTrue(outcome.report("f.hl7").contains("SKIPPED message 2 (MSH-10 C2): MSH-9 ORU messages"));
    }

    @Test
    void aMessageTheParserRefusesIsReportedWithItsControlId() {
        RecordingSync sync = new RecordingSync();
        String broken = "MSH|^~\\&|PMS|DEMO|||20260301||SIU^S12|C1|P|\rSCH|R1|A1\r";
        FileOutcome outcome = apply(sync, broken + booking("C2", "A2", "202603050930-0500"));

        MessageOutcome first = outcome.messages().get(0);
        assertEquals(Result.FAILED, first.result());
        assertEquals("C1", first.controlId());
        assertEquals("cannot be parsed as HL7 v2", first.reason());
        assertTrue(first.detail() != null && !first.detail().isBlank());
        assertEquals(Result.APPLIED, outcome.messages().get(1).result());
        assertTrue(outcome.report("f.hl7").contains("parser: "), outcome.report("f.hl7"));
    }

    @Test
    void strayLinesBeforeTheFirstHeaderAreAFailureButTheMessagesStillApply() {
        RecordingSync sync = new RecordingSync();
        FileOutcome outcome = apply(sync, "PID|1||P1\r" + booking("C1", "A1", "202603050930-0500"));

        assertEquals(1, outcome.applied());
        assertEquals("before message 1: 1 line(s) before the first MSH segment belong to no message",
                outcome.messages().get(0).describe());
        assertEquals(List.of("A1"), sync.appointments.stream().map(Appointment::pmsId).toList());
    }

    @Test
    void aFileWithoutMessagesOrForAnUnknownPracticeIsRefusedWhole() {
        FileOutcome empty = apply(new RecordingSync(), "\r\n");
        assertEquals("the file holds no HL7 message (no MSH segment)", empty.fileError());
        assertEquals(1, empty.failed());
        assertEquals("the file holds no HL7 message (no MSH segment)",
                apply(new RecordingSync(), "PID|1||P1\rhello\r").fileError());

        RecordingSync sync = new RecordingSync();
        String two = booking("C1", "A1", "202603050930") + booking("C2", "A2", "202603050930");
        InboxFile elsewhere = new InboxFile("elsewhere", Hl7v2Status.CONNECTOR, "f.hl7",
                InboxProcessor.sha256(two.getBytes(StandardCharsets.UTF_8)));
        FileOutcome unknown = new MessageApplier(hapi, sync, new FixedDirectory(), journal)
                .apply(elsewhere, Progress.NONE, two);
        assertEquals(2, unknown.failed());
        assertEquals("f.hl7: not applied (2 message(s) set aside): practice 'elsewhere' is not set up "
                + "(etc/slotbridge/practices/elsewhere.json)\n", unknown.report("f.hl7"));
        assertEquals(List.of(), sync.calls);
    }

    @Test
    void registrationNeedsAPatientIdAndName() {
        FileOutcome outcome = apply(new RecordingSync(), msh("ADT^A08", "C1") + "PID|1||||Doe^Jo\r"
                + msh("ADT^A08", "C2") + "PID|1||P1\r" + msh("ADT^A28", "C3") + "EVN|A28\r");
        assertEquals("PID-3", outcome.messages().get(0).field());
        assertEquals("PID-5", outcome.messages().get(1).field());
        assertEquals("message 3 (MSH-10 C3): PID segment missing", outcome.messages().get(2).describe());
    }

    @Test
    void aPatientWithOwnContactIsTheirOwnClient() {
        RecordingSync sync = new RecordingSync();
        apply(sync, msh("ADT^A04", "C1")
                + "PID|1||P1^^^PMS^MR||Doe^Jane^Q||19900102|F|||||555-0100~^NET^Internet^jane@example.org\r"
                + "NK1|1|Doe^John|SPO||555-0199\r");

        assertEquals("P1", sync.clients.get(0).pmsId());
        assertEquals("Jane Q Doe", sync.clients.get(0).name());
        assertEquals("555-0100", sync.clients.get(0).phone());
        assertEquals("jane@example.org", sync.clients.get(0).email());
        Patient patient = sync.patients.get(0);
        assertEquals("P1", patient.clientPmsId());
        assertEquals(PatientKind.SELF, patient.kind());
    }

    @Test
    void aGuarantorWhoIsThePatientLeavesThePatientTheirOwnClient() {
        RecordingSync sync = new RecordingSync();
        apply(sync, msh("ADT^A31", "C1") + "PID|1||P1||Doe^Jane|||||||555-0100\r"
                + "GT1|1|G7|Doe^Jane||||||||SEL\r");
        assertEquals("P1", sync.clients.get(0).pmsId());
    }

    @Test
    void refusalsOfTheScheduleCopyAreReportedPerMessage() {
        RecordingSync refusing = new RecordingSync() {
            @Override
            public synchronized void appointment(String slug, Appointment appointment) {
                if ("A1".equals(appointment.pmsId())) {
                    throw new InvalidInputException("providerId", "provider SMITH is not bookable");
                }
                throw new IllegalStateException("database down");
            }
        };
        FileOutcome outcome = apply(refusing, booking("C1", "A1", "202603050930") + booking("C2", "A2",
                "202603050930"));

        assertEquals("message 1 (MSH-10 C1): providerId provider SMITH is not bookable",
                outcome.messages().get(0).describe());
        assertEquals("message 2 (MSH-10 C2): the schedule copy refused it (IllegalStateException)",
                outcome.messages().get(1).describe());
    }

    @Test
    void aFileTheJournalHasInPartGoesOnAfterItsLastMessageAndCountsTheEarlierOnes() {
        String text = booking("C1", "A1", "202603050930") + booking("C2", "A2", "202603051000")
                + msh("ORU^R01", "C3") + "OBR|1\r" + booking("C4", "A4", "202603051030");
        InboxFile file = TestJournal.newFile(text);
        // an earlier reading applied message 1, found message 2 failed, then the node died
        journal.advance(file, 1, InboxJournal.Result.APPLIED);
        journal.advance(file, 2, InboxJournal.Result.FAILED);
        RecordingSync sync = new RecordingSync();
        FileOutcome outcome = apply(sync, file, journal.progress(file), text);

        assertEquals(List.of("A4"), sync.appointments.stream().map(Appointment::pmsId).toList());
        assertEquals(2, outcome.applied());
        assertEquals(1, outcome.failed());
        assertEquals(1, outcome.skipped());
        assertFalse(outcome.clean(), "the message that failed before still sends the file to error/");
        assertEquals("1 message(s) failed in an earlier reading", outcome.firstError());
        assertEquals("f.hl7: 2 of 4 messages applied, 1 failed, 1 skipped\n"
                + "messages 1 to 2 were handled by an earlier reading of this file and are not applied again:"
                + " 1 applied, 1 failed, 0 skipped; why some were not applied was not kept\n"
                + "SKIPPED message 3 (MSH-10 C3): MSH-9 ORU messages carry no appointment or registration\n",
                outcome.report("f.hl7"));
        assertEquals(new Progress(4, 2, 1, 1, false), journal.progress(file));
    }

    @Test
    void aFileTheJournalHasWholeIsNotAppliedAgain() {
        String text = booking("C1", "A1", "202603050930") + msh("ADT^A04", "C2") + "PID|1||P1||Doe^Jo\r";
        InboxFile file = TestJournal.newFile(text);
        RecordingSync first = new RecordingSync();
        assertEquals(2, apply(first, file, Progress.NONE, text).applied());
        journal.finish(file);

        RecordingSync second = new RecordingSync();
        FileOutcome outcome = apply(second, file, journal.progress(file), text);
        assertEquals(List.of(), second.calls);
        assertTrue(outcome.clean());
        assertEquals(2, outcome.applied());
        assertTrue(outcome.report("f.hl7").startsWith("f.hl7: 2 of 2 messages applied, 0 failed, 0 skipped\n"
                + "messages 1 to 2 were handled by an earlier reading of this file and are not applied again:"
                + " 2 applied, 0 failed, 0 skipped\n"), outcome.report("f.hl7"));
    }

    @Test
    void aMessageTheJournalGotFromAnotherReadingMeanwhileIsSkipped() {
        String text = booking("C1", "A1", "202603050930");
        InboxFile file = TestJournal.newFile(text);
        journal.advance(file, 1, InboxJournal.Result.APPLIED);
        RecordingSync sync = new RecordingSync();
        // told nothing was handled, as a second reader that looked just before the first recorded message 1
        FileOutcome outcome = apply(sync, file, Progress.NONE, text);

        assertEquals(Result.SKIPPED, outcome.messages().get(0).result());
        assertEquals("message 1 (MSH-10 C1): was applied by another reading of this file",
                outcome.messages().get(0).describe());
        assertEquals(new Progress(1, 1, 0, 0, false), journal.progress(file));
    }

    @Test
    void statusTextLeavesQuotedValuesOut() {
        FileOutcome outcome = apply(new RecordingSync(), msh("ADT^A04", "C1") + "PID|1||P1||Doe^Jo||1990x\r");
        assertEquals("PID-7", outcome.messages().get(0).field());
        assertTrue(outcome.report("f.hl7").contains("'1990x'"));
        assertEquals("message 1 (MSH-10 C1): PID-7 a value is not an HL7 date", outcome.firstError());
    }

    private FileOutcome apply(RecordingSync sync, String text) {
        return apply(sync, TestJournal.newFile(text), Progress.NONE, text);
    }

    private FileOutcome apply(RecordingSync sync, InboxFile file, Progress before, String text) {
        sync.journal = journal;
        return new MessageApplier(hapi, sync, new FixedDirectory(), journal).apply(file, before, text);
    }
}
