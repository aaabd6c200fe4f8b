package org.slotbridge.connector.hl7v2.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import ca.uhn.hl7v2.HapiContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slotbridge.api.Appointment;
import org.slotbridge.api.AppointmentStatus;
import org.slotbridge.api.Client;
import org.slotbridge.api.Patient;
import org.slotbridge.api.PatientKind;
import org.slotbridge.api.Provider;
import org.slotbridge.api.Room;
import org.slotbridge.api.service.InboxJournal;
import org.slotbridge.api.service.InboxJournal.Progress;
import org.slotbridge.connector.hl7v2.internal.MessageOutcome.Result;

/**
 * Every public sample file in {@code ${slotbridge.shared.data}/hl7v2}, read as the inbox would read it. Each
 * has one message, and each is applied: the expected calls to the schedule copy are listed per file, and a
 * sample added without an expectation fails the test. Several files are also checked value by value.
 */
class SharedSamplesTest {

    private static final String P = "demo ";
    private static final List<String> GHH_RESOURCES = List.of(P + "provider 400", P + "provider 500",
            P + "provider 600", P + "room Lab Room 01", P + "room Imaging Room 01", P + "room Room 55");
    private static final List<String> COLONOSCOPY = List.of(P + "provider 1210", P + "room Room01");
    private static final List<String> GUARANTOR = List.of(P + "client 1516", P + "patient PATID1234");
    private static final List<String> PET_SELF = List.of(P + "client PATID1234", P + "patient PATID1234");

    private static final Map<String, List<String>> EXPECTED = Map.ofEntries(
            Map.entry("gcp_adt_a04_ex1.hl7",
                    List.of(P + "client 19050114293307.1082", P + "patient 19050114293307.1082")),
            Map.entry("gcp_adt_a08_ex1.hl7", List.of(P + "client 150", P + "patient 151")),
            Map.entry("gcp_siu_s12_ex1_or_case.hl7",
                    List.of(P + "provider SLATEJ01", P + "room TH CATH LAB 1", P + "appointment 2767")),
            Map.entry("lfh_sample_win_ADT_A01.hl7", List.of(P + "client PID1234", P + "patient PID1234")),
            Map.entry("msfc_ADT-A04-01.hl7", GUARANTOR),
            Map.entry("msfc_ADT-A04-02.hl7", PET_SELF),
            Map.entry("msfc_ADT-A08-01.hl7", GUARANTOR),
            Map.entry("msfc_ADT-A08-02.hl7", PET_SELF),
            Map.entry("msfc_ADT-A28-01.hl7", GUARANTOR),
            Map.entry("msfc_ADT-A28-02.hl7", PET_SELF),
            Map.entry("msfc_ADT-A31-01.hl7", GUARANTOR),
            Map.entry("msfc_ADT-A31-02.hl7", PET_SELF),
            Map.entry("msfc_ADT04-251.hl7", List.of(P + "client MRN12345-NK1", P + "patient MRN12345")),
            Map.entry("msfc_SIU-S12-02.hl7", plus(GHH_RESOURCES, "appointment 36996")),
            Map.entry("msfc_SIU-S12_1.hl7", List.of(P + "provider 400", P + "provider 500", P + "provider 600",
                    P + "room 136", P + "room 11", P + "room 22", P + "room 55", P + "appointment 36996")),
            Map.entry("msfc_SIU-S13-01.hl7", plus(COLONOSCOPY, "appointment 36996")),
            Map.entry("msfc_SIU-S14-01.hl7", List.of(P + "provider 1210", P + "room Room02",
                    P + "appointment 36996")),
            Map.entry("msfc_SIU-S14-02.hl7", plus(GHH_RESOURCES, "appointment 36996")),
            Map.entry("msfc_SIU-S15-01.hl7", plus(COLONOSCOPY, "cancel 36996")),
            Map.entry("msfc_SIU-S15-02.hl7", plus(GHH_RESOURCES, "cancel 36996")),
            Map.entry("msfc_SIU-S16-01.hl7", plus(COLONOSCOPY, "cancel 36996")),
            Map.entry("msfc_SIU-S16-02.hl7", plus(GHH_RESOURCES, "cancel 36996")),
            Map.entry("msfc_SIU-S17-01.hl7", plus(COLONOSCOPY, "cancel 36996")),
            Map.entry("msfc_SIU-S17-02.hl7", plus(GHH_RESOURCES, "cancel 36996")),
            Map.entry("msfc_SIU-S26-01.hl7", plus(COLONOSCOPY, "noShow 36996")));

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

    @Test
    void everySampleIsAppliedWithTheExpectedCalls() throws IOException {
        Path folder = Samples.folder();
        List<Path> files;
        try (Stream<Path> listing = Files.list(folder)) {
            files = listing.filter(f -> f.getFileName().toString().endsWith(".hl7")).sorted().toList();
        }
        assertFalse(files.isEmpty(), "no .hl7 file in " + folder);
        for (Path file : files) {
            String name = file.getFileName().toString();
            assertTrue(EXPECTED.containsKey(name), "no expectation written for sample " + name);
            RecordingSync sync = new RecordingSync();
            FileOutcome outcome = apply(sync, Files.readString(file));
            assertTrue(outcome.clean(), name + ": " + outcome.report(name));
            assertEquals(1, outcome.messages().size(), name);
            assertEquals(Result.APPLIED, outcome.messages().get(0).result(), name);
            assertEquals(EXPECTED.get(name), sync.calls, name);
        }
    }

    @Test
    void orCaseWithoutOffsetIsReadInThePracticeZoneAndSkipsTheDateOnlyTiming() throws IOException {
        RecordingSync sync = new RecordingSync();
        apply(sync, Samples.read("gcp_siu_s12_ex1_or_case.hl7"));

        Appointment appointment = sync.lastAppointment();
        assertEquals("2767", appointment.pmsId());
        assertEquals("2222", appointment.placerId());
        assertEquals("10064618", appointment.patientPmsId());
        // SCH-11 holds a date only; AIS-4 20220429111000 has no offset: New York is on daylight time
        assertEquals(OffsetDateTime.parse("2022-04-29T11:10-04:00").toInstant(), appointment.start());
        assertEquals(OffsetDateTime.parse("2022-04-29T12:40-04:00").toInstant(), appointment.end());
        assertEquals("SLATEJ01", appointment.providerId());
        assertEquals("TH CATH LAB 1", appointment.roomId());
        assertEquals(AppointmentStatus.BOOKED, appointment.status());
        // the two AIP segments without a personnel id register nobody
        assertEquals(List.of(new Provider("SLATEJ01", "JAMES SLATER")), sync.providers);
    }

    @Test
    void rescheduleHonoursTheTq1Offset() throws IOException {
        RecordingSync sync = new RecordingSync();
        apply(sync, Samples.read("msfc_SIU-S13-01.hl7"));

        Appointment appointment = sync.lastAppointment();
        assertEquals("36996", appointment.pmsId());
        assertEquals("12345", appointment.placerId());
        assertEquals("PATID1234", appointment.patientPmsId());
        assertEquals(OffsetDateTime.parse("2021-09-24T09:30+02:15").toInstant(), appointment.start());
        assertEquals(Instant.parse("2021-09-24T08:05:00Z"), appointment.end());
        assertEquals("1210", appointment.providerId());
        assertEquals("Room01", appointment.roomId());
        assertEquals(new Provider("1210", "Robert C GE"), sync.providers.get(0));
    }

    @Test
    void modificationMovesTheVisitToAnotherRoom() throws IOException {
        RecordingSync sync = new RecordingSync();
        apply(sync, Samples.read("msfc_SIU-S13-01.hl7") + "\n" + Samples.read("msfc_SIU-S14-01.hl7"));

        assertEquals(2, sync.appointments.size());
        assertEquals("Room01", sync.appointments.get(0).roomId());
        assertEquals("Room02", sync.appointments.get(1).roomId());
        assertEquals(sync.appointments.get(0).start(), sync.appointments.get(1).start());
    }

    @Test
    void multiGroupBookingTakesTheFirstProviderAndRoomAndTheTq1Span() throws IOException {
        RecordingSync sync = new RecordingSync();
        apply(sync, Samples.read("msfc_SIU-S12-02.hl7"));

        Appointment appointment = sync.lastAppointment();
        // TQ1-7/8 win over SCH-9/10 (70 Min) and the SCH-11 timing of another year
        assertEquals(Instant.parse("2021-08-18T09:15:00Z"), appointment.start());
        assertEquals(Instant.parse("2021-08-18T10:15:00Z"), appointment.end());
        assertEquals("400", appointment.providerId());
        assertEquals("Lab Room 01", appointment.roomId());
    }

    @Test
    void locationWrittenInSubcomponentsStillNamesTheRoom() throws IOException {
        RecordingSync sync = new RecordingSync();
        apply(sync, Samples.read("msfc_SIU-S12_1.hl7"));

        assertTrue(sync.rooms.contains(new Room("11", "X-Ray Room")), sync.rooms.toString());
        assertTrue(sync.rooms.contains(new Room("55", "OPD 01")), sync.rooms.toString());
        assertEquals("136", sync.lastAppointment().roomId());
    }

    @Test
    void bookingThenCancellationInOneFileFreesAKnownAppointment() throws IOException {
        RecordingSync sync = new RecordingSync();
        // these samples end without a segment terminator: a line end keeps the next MSH at a segment start
        FileOutcome outcome = apply(sync, String.join("\n", Samples.read("msfc_SIU-S13-01.hl7"),
                Samples.read("msfc_SIU-S15-01.hl7"), Samples.read("msfc_SIU-S26-01.hl7")));

        assertEquals(3, outcome.applied());
        assertEquals(List.of("36996"), sync.cancelled);
        assertEquals(List.of("36996"), sync.noShows);
        assertEquals("appointment 36996 cancelled", outcome.messages().get(1).reason());
    }

    @Test
    void guarantorBooksForThePatientWithPhoneAndEmailFromItsRepetitions() throws IOException {
        RecordingSync sync = new RecordingSync();
        apply(sync, Samples.read("gcp_adt_a08_ex1.hl7"));

        assertEquals(List.of(new Client(null, "150", "James Bond", "007@BritishSecretService.com",
                "(919)007-0007", false)), sync.clients);
        assertEquals(List.of(new Patient(null, "151", "150", "Tiny Bond", PatientKind.FAMILY,
                LocalDate.of(1999, 7, 23), null)), sync.patients);
    }

    @Test
    void petWithSpeciesIsFiledUnderItsGuarantor() throws IOException {
        RecordingSync sync = new RecordingSync();
        apply(sync, Samples.read("msfc_ADT-A04-01.hl7"));

        Patient patient = sync.patients.get(0);
        assertEquals(PatientKind.PET, patient.kind());
        assertEquals("Goat", patient.species());
        assertEquals("1516", patient.clientPmsId());
        assertEquals(LocalDate.of(1988, 8, 18), patient.birthDate());
        Client client = sync.clients.get(0);
        assertEquals("LUCY RADIANT", client.name());
        assertEquals("6082517777", client.phone());
        assertNull(client.email());
    }

    @Test
    void byteOrderMarkIsIgnoredAndNextOfKinIsTheContact() throws IOException {
        String text = Samples.read("msfc_ADT04-251.hl7");
        assertTrue(text.startsWith("\uFEFF"), "the sample is expected to start with a byte-order mark");
        RecordingSync sync = new RecordingSync();
        apply(sync, text);

        Client client = sync.clients.get(0);
        assertEquals("MRN12345-NK1", client.pmsId());
        assertEquals("CONWAY JOHNSON", client.name());
        assertEquals("(130) 724-0433", client.phone());
        assertEquals(new Patient(null, "MRN12345", "MRN12345-NK1", "Jane Doe", PatientKind.FAMILY,
                LocalDate.of(1978, 1, 1), null), sync.patients.get(0));
    }

    @Test
    void windowsLineEndsAndAnOddEncodingFieldStillParse() throws IOException {
        String text = Samples.read("lfh_sample_win_ADT_A01.hl7");
        assertTrue(text.contains("\r\n"), "the sample is expected to use CRLF");
        RecordingSync sync = new RecordingSync();
        FileOutcome outcome = apply(sync, text);

        assertEquals("102", outcome.messages().get(0).controlId());
        Client client = sync.clients.get(0);
        assertEquals(new Client(null, "PID1234", "JOHN A DOE", null, "(905)111-1111", false), client);
        assertNotNull(sync.patients.get(0).birthDate());
    }

    private FileOutcome apply(RecordingSync sync, String text) {
        sync.journal = journal;
        return new MessageApplier(hapi, sync, new FixedDirectory(), journal)
                .apply(TestJournal.newFile(text), Progress.NONE, text);
    }

    private static List<String> plus(List<String> first, String last) {
        return Stream.concat(first.stream(), Stream.of(P + last)).toList();
    }
}
