package org.slotbridge.connector.hl7v2.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.model.v25.message.SIU_S12;
import ca.uhn.hl7v2.model.v25.segment.AIP;
import ca.uhn.hl7v2.model.v25.segment.PID;
import ca.uhn.hl7v2.model.v25.segment.SCH;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slotbridge.api.Appointment;
import org.slotbridge.api.Client;
import org.slotbridge.api.Opening;
import org.slotbridge.api.Patient;
import org.slotbridge.api.PatientKind;
import org.slotbridge.api.Request;
import org.slotbridge.api.RequestStatus;
import org.slotbridge.api.service.RequestEvents.Event;
import org.slotbridge.api.service.InboxJournal.Progress;

class OutboxTest {

    static final Instant START = OffsetDateTime.parse("2026-03-05T09:30-05:00").toInstant();
    private static final Instant MADE = Instant.parse("2026-03-01T12:00:00Z");

    @TempDir
    Path folder;

    private HapiContext hapi;
    private Outbox outbox;
    private long events;
    private final FixedDirectory directory = new FixedDirectory();

    @BeforeEach
    void setUp() {
        hapi = Hapi.newContext();
        outbox = new Outbox(folder, StandardCharsets.UTF_8, new SiuWriter(hapi), directory);
    }

    @AfterEach
    void tearDown() throws IOException {
        hapi.close();
    }

    /** Writes the request as the next event, all of them made at one moment. */
    private Path write(Request request) throws IOException, HL7Exception {
        return outbox.write(directory.practice, new Event(++events, request, MADE));
    }

    static Request request(RequestStatus status) {
        Opening opening = new Opening("checkup", "SMITH", "OP1", START, START.plusSeconds(3600));
        Client client = new Client("c-1", null, "Mary Major", "mary@example.org", "+1 555 0101", true);
        Patient patient = new Patient("p-1", null, null, "Tom Major", PatientKind.FAMILY, null, null);
        return new Request("r-42", FixedDirectory.SLUG, opening, "h-1", status, client, patient, true,
                "Loose filling", status == RequestStatus.PENDING ? null : "See you then",
                Instant.parse("2026-03-01T11:59:00Z"), null);
    }

    @Test
    void pendingRequestBecomesAnS12ThatHapiReadsBack() throws Exception {
        Path file = write(request(RequestStatus.PENDING));

        assertTrue(file.getFileName().toString().matches("r-42-20260301120000000-000000000001-S12\\.hl7"), file.toString());
        Message parsed = hapi.getPipeParser().parse(Files.readString(file));
        SIU_S12 siu = (SIU_S12) parsed;
        assertEquals("S12", siu.getMSH().getMessageType().getTriggerEvent().getValue());
        assertEquals("SB1", siu.getMSH().getMessageControlID().getValue());
        assertEquals("2.5", siu.getMSH().getVersionID().getVersionID().getValue());

        SCH sch = siu.getSCH();
        assertEquals("r-42", sch.getPlacerAppointmentID().getEntityIdentifier().getValue());
        assertEquals("SLOTBRIDGE", sch.getPlacerAppointmentID().getNamespaceID().getValue());
        assertEquals("20260305093000-0500",
                sch.getAppointmentTimingQuantity(0).getStartDateTime().getTime().getValue());
        assertEquals("20260305103000-0500",
                sch.getAppointmentTimingQuantity(0).getEndDateTime().getTime().getValue());
        assertEquals("M60", sch.getAppointmentTimingQuantity(0).getDuration().getValue());
        assertEquals("60", sch.getAppointmentDuration().getValue());
        assertEquals("MIN", sch.getAppointmentDurationUnits().getIdentifier().getValue());
        assertEquals("Pending", sch.getFillerStatusCode().getIdentifier().getValue());
        assertEquals("Check-up", sch.getAppointmentReason().getText().getValue());

        AIP aip = siu.getRESOURCES().getPERSONNEL_RESOURCE().getAIP();
        assertEquals("SMITH", aip.getPersonnelResourceID(0).getIDNumber().getValue());
        assertEquals("Smith", aip.getPersonnelResourceID(0).getFamilyName().getSurname().getValue());
        assertEquals("20260305093000-0500", aip.getStartDateTime().getTime().getValue());
        assertEquals("OP1", siu.getRESOURCES().getLOCATION_RESOURCE().getAIL().getLocationResourceID(0)
                .getPointOfCare().getValue());
        assertEquals("checkup", siu.getRESOURCES().getSERVICE().getAIS().getUniversalServiceIdentifier()
                .getIdentifier().getValue());

        PID pid = siu.getPATIENT().getPID();
        assertEquals("Major", pid.getPatientName(0).getFamilyName().getSurname().getValue());
        assertEquals("Tom", pid.getPatientName(0).getGivenName().getValue());
        assertEquals("+1 555 0101", pid.getPhoneNumberHome(0).getTelephoneNumber().getValue());
        assertEquals("mary@example.org", pid.getPhoneNumberHome(1).getEmailAddress().getValue());
        assertEquals("Loose filling", siu.getNTE(0).getComment(0).getValue());
        assertEquals("Requested online by Mary Major (new client) for Tom Major (family)",
                siu.getNTE(1).getComment(0).getValue());
    }

    @Test
    void whatClientsTypeNeverBecomesStructureInTheFile() throws Exception {
        Request original = request(RequestStatus.PENDING);
        String clientName = "Eve|Inj^X~Y\\Z&W";
        String patientName = "Pat|MSH^~\\&";
        String memo = "a\\Zb|MSH|^~\\&|\\H\\c\\.br\\d&e\u001cf\u0000g\u007f";
        Client client = new Client("c-1", null, clientName, "eve@example.org", "+1 555 0101", true);
        Patient patient = new Patient("p-1", null, null, patientName, PatientKind.FAMILY, null, null);
        Path file = write(new Request(original.id(), original.practiceSlug(), original.opening(), original.holdId(),
                original.status(), client, patient, original.newClient(), memo, null, original.createdAt(), null));

        String text = Files.readString(file);
        assertTrue(text.chars().filter(Character::isISOControl).allMatch(c -> c == '\r'),
                "no control character but the segment ends");
        for (String segment : text.split("\r")) {
            if (segment.startsWith("NTE")) {
                assertTrue(segment.split("\\|", -1).length <= 4, "NTE has set id, source and comment only: " + segment);
                assertFalse(segment.substring(4).contains("&"), "no raw subcomponent separator: " + segment);
            }
        }
        assertEquals(1, Arrays.stream(text.split("\r")).filter(segment -> segment.startsWith("MSH")).count(),
                "one message header");
        SIU_S12 siu = (SIU_S12) hapi.getPipeParser().parse(text);
        // HAPI reads the hexadecimal escapes back as they are written
        assertEquals(memo.replace("\u001c", "\\X1C\\").replace("\u0000", "\\X00\\").replace("\u007f", "\\X7F\\"),
                siu.getNTE(0).getComment(0).getValue());
        assertEquals("Requested online by " + clientName + " (new client) for " + patientName + " (family)",
                siu.getNTE(1).getComment(0).getValue());
        assertEquals(patientName, siu.getPATIENT().getPID().getPatientName(0).getFamilyName().getSurname().getValue());
    }

    @Test
    void aMemoOfSeveralLinesStaysInOneSegment() throws Exception {
        Request original = request(RequestStatus.PENDING);
        Request multiLine = new Request(original.id(), original.practiceSlug(), original.opening(), original.holdId(),
                original.status(), original.client(), original.patient(), original.newClient(),
                "Loose filling\nupper left\r\nsince Monday", null, original.createdAt(), null);
        Path file = write(multiLine);

        String text = Files.readString(file);
        assertFalse(text.contains("\n"), "no line feed inside the message");
        SIU_S12 siu = (SIU_S12) hapi.getPipeParser().parse(text);
        assertEquals(List.of("Loose filling", "upper left", "since Monday"),
                Arrays.stream(siu.getNTE(0).getComment()).map(comment -> comment.getValue()).toList());
    }

    @Test
    void writtenRequestReadsBackThroughTheInboxAsTheSameVisit() throws Exception {
        Path file = write(request(RequestStatus.PENDING));
        RecordingSync sync = new RecordingSync();
        sync.journal = TestJournal.fresh();
        String text = Files.readString(file);
        FileOutcome outcome = new MessageApplier(hapi, sync, directory, sync.journal)
                .apply(TestJournal.newFile(text), Progress.NONE, text);

        assertTrue(outcome.clean(), outcome.report(file.toString()));
        Appointment appointment = sync.lastAppointment();
        assertEquals("r-42", appointment.pmsId());
        assertEquals("r-42", appointment.placerId());
        assertEquals(START, appointment.start());
        assertEquals(START.plusSeconds(3600), appointment.end());
        assertEquals("SMITH", appointment.providerId());
        assertEquals("OP1", appointment.roomId());
        assertNull(appointment.patientPmsId());
    }

    @Test
    void decisionsBecomeModificationsOrCancellationsInWritingOrder() throws Exception {
        Path pending = write(request(RequestStatus.PENDING));
        Path confirmed = write(request(RequestStatus.CONFIRMED));
        Path declined = write(request(RequestStatus.DECLINED));

        assertTrue(confirmed.getFileName().toString().endsWith("-S14.hl7"), confirmed.toString());
        assertTrue(declined.getFileName().toString().endsWith("-S15.hl7"), declined.toString());
        // made at one moment, yet the event numbers keep the order of the changes
        assertEquals(List.of(pending, confirmed, declined), listed());
        assertEquals("Booked", sch(confirmed).getFillerStatusCode().getIdentifier().getValue());
        assertEquals("Cancelled", sch(declined).getFillerStatusCode().getIdentifier().getValue());
        assertEquals("r-42", sch(declined).getPlacerAppointmentID().getEntityIdentifier().getValue());
        assertEquals("DECLINED", sch(declined).getEventReason().getIdentifier().getValue());
    }

    @Test
    void requestsThatLostTheirTimeExpiredOrWereCancelledInThePmsAreCancelledInThePms() throws Exception {
        for (RequestStatus ended : List.of(RequestStatus.CONFLICTED, RequestStatus.EXPIRED, RequestStatus.CANCELLED)) {
            Path file = write(request(ended));
            assertTrue(file.getFileName().toString().endsWith("-S15.hl7"), file.toString());
            assertEquals("Cancelled", sch(file).getFillerStatusCode().getIdentifier().getValue());
            assertEquals(ended.name(), sch(file).getEventReason().getIdentifier().getValue());
            assertEquals("r-42", sch(file).getPlacerAppointmentID().getEntityIdentifier().getValue());
        }
    }

    @Test
    void anEventWrittenAgainAfterACrashIsTheSameFileWithTheSameContent() throws Exception {
        Event event = new Event(7, request(RequestStatus.CONFIRMED), MADE);
        Path first = outbox.write(directory.practice, event);
        String text = Files.readString(first);
        Path again = outbox.write(directory.practice, event);

        assertEquals(first, again);
        assertEquals(text, Files.readString(again));
        assertEquals(List.of(first), listed());
    }

    @Test
    void nothingHalfWrittenIsLeftBehind() throws Exception {
        write(request(RequestStatus.WITHDRAWN));
        List<Path> files = listed();
        assertEquals(1, files.size());
        assertTrue(files.get(0).getFileName().toString().endsWith("-S15.hl7"));
    }

    @Test
    void requestIdsUnsafeInFileNamesAreCleaned() throws Exception {
        Request original = request(RequestStatus.PENDING);
        Request odd = new Request("a/b:c", original.practiceSlug(), original.opening(), null, original.status(),
                original.client(), original.patient(), false, null, null, original.createdAt(), null);
        Path file = write(odd);
        assertTrue(file.getFileName().toString().startsWith("a_b_c-"), file.toString());
        assertEquals("a/b:c", sch(file).getPlacerAppointmentID().getEntityIdentifier().getValue());
    }

    private SCH sch(Path file) throws IOException, HL7Exception {
        return ((SIU_S12) hapi.getPipeParser().parse(Files.readString(file))).getSCH();
    }

    private List<Path> listed() throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.sorted().toList();
        }
    }
}
