package org.slotbridge.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.replaceConfigurationFile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.RuleChain;
import org.junit.rules.TestRule;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExamServer;

/**
 * The whole path through the built distribution, from outside as a PMS, a visitor and a staff member
 * see it: HL7 files in the practice's inbox, openings, holds and requests over HTTP, the staff email,
 * the staff decision, and the HL7 file written back for the PMS.
 *
 * <p>The container runs in server mode: the test methods run in this JVM, beside the mail server and
 * HAPI, and reach Karaf only over HTTP and the file system.
 */
public class BookingFlowIT {

    private static final String SLUG = "itest";
    private static final ZoneId ZONE = ZoneId.of("America/Chicago");
    private static final String PRACTICE_EMAIL = "desk@itest-clinic.example";
    private static final String STAFF = "it-staff";
    private static final String STAFF_PASSWORD = "it-staff-password-1";
    private static final Duration BOOT = Duration.ofSeconds(180);
    private static final Duration FILING = Duration.ofSeconds(90);

    private static final Path WORK = ContainerOptions.work("booking");
    private static final Folders FOLDERS = Folders.under(WORK.resolve("hl7v2"));
    private static final int HTTP_PORT = ContainerOptions.freePort();

    private static final SharedData SHARED = new SharedData("hl7v2");
    private static final MailServer MAIL = new MailServer();

    @ClassRule
    public static final TestRule CONTAINER = RuleChain.outerRule(MAIL).around(new PaxExamServer());

    private final Api visitor = new Api(HTTP_PORT);

    @Configuration
    public Option[] configuration() throws IOException {
        Path practiceFile = WORK.resolve(SLUG + ".json");
        Files.writeString(practiceFile, Api.json(Practices.definition(SLUG, ZONE, PRACTICE_EMAIL, STAFF,
                Practices.hash(STAFF_PASSWORD))));
        List<Option> options = new ArrayList<>(ContainerOptions.distribution(WORK, HTTP_PORT));
        options.add(replaceConfigurationFile("etc/slotbridge/practices/" + SLUG + ".json", practiceFile.toFile()));
        String connector = "etc/org.slotbridge.connector.hl7v2-" + SLUG + ".cfg";
        options.add(editConfigurationFilePut(connector, "practice", SLUG));
        options.add(editConfigurationFilePut(connector, "inbox", FOLDERS.inbox().toString()));
        options.add(editConfigurationFilePut(connector, "done", FOLDERS.done().toString()));
        options.add(editConfigurationFilePut(connector, "error", FOLDERS.error().toString()));
        options.add(editConfigurationFilePut(connector, "outbox", FOLDERS.outbox().toString()));
        String mail = "etc/org.slotbridge.comms.mail.cfg";
        options.add(editConfigurationFilePut(mail, "enabled", "true"));
        options.add(editConfigurationFilePut(mail, "host", "127.0.0.1"));
        options.add(editConfigurationFilePut(mail, "port", Integer.toString(MAIL.port())));
        options.add(editConfigurationFilePut(mail, "from", "slotbridge@itest.example"));
        return options.toArray(new Option[0]);
    }

    @Test
    public void everySampleFileIsFiledAndNoneIsLost() throws IOException {
        SHARED.assume();
        awaitPractice();
        List<Path> samples;
        try (Stream<Path> files = Files.list(SHARED.folder())) {
            samples = files.filter(Files::isRegularFile).sorted().toList();
        }
        assertFalse("no sample files in " + SHARED.folder(), samples.isEmpty());
        Set<String> names = new TreeSet<>();
        for (Path sample : samples) {
            names.add(sample.getFileName().toString());
            FOLDERS.drop(sample.getFileName().toString(), Files.readAllBytes(sample));
        }

        Poll.until(FILING, "every sample file leaves the inbox for done/ or error/", () -> {
            Set<String> filed = new TreeSet<>(Folders.names(FOLDERS.done()));
            filed.addAll(Folders.names(FOLDERS.error()));
            return filed.containsAll(names) ? filed : null;
        });

        Set<String> done = new TreeSet<>(Folders.names(FOLDERS.done()));
        Set<String> error = new TreeSet<>(Folders.names(FOLDERS.error()));
        done.retainAll(names);
        error.retainAll(names);
        assertEquals("each sample is filed exactly once", names.size(), done.size() + error.size());
        assertTrue("samples left in the inbox", Folders.messages(FOLDERS.inbox()).stream()
                .noneMatch(file -> names.contains(file.getFileName().toString())));
        for (String name : error) {
            Path reason = FOLDERS.error().resolve(name + ".error.txt");
            assertTrue("no reason beside error/" + name, Files.isRegularFile(reason));
            assertFalse("empty reason beside error/" + name, Files.readString(reason).isBlank());
        }
        assertTrue("most samples should apply cleanly, got done=" + done + " error=" + error,
                done.size() > error.size());
    }

    @Test
    public void visitorBooksAndStaffConfirms() {
        awaitPractice();
        LocalDate day = LocalDate.now(ZONE).plusDays(1);
        LocalTime booked = LocalTime.of(9, 0);

        // the PMS reports a visit the practice booked itself: 09:00-10:00 tomorrow, Dr Doe in room R1
        String appointment = "IT-" + System.currentTimeMillis();
        FOLDERS.drop(appointment + ".hl7", Practices.s12(appointment, day.atTime(booked).atZone(ZONE), 60)
                .getBytes(StandardCharsets.UTF_8));
        Poll.until(FILING, "the crafted S12 is applied", () -> {
            if (Files.exists(FOLDERS.error().resolve(appointment + ".hl7"))) {
                throw new AssertionError("S12 set aside: " + Folders.read(FOLDERS.error().resolve(appointment
                        + ".hl7.error.txt")));
            }
            return Files.exists(FOLDERS.done().resolve(appointment + ".hl7")) ? true : null;
        });

        // openings leave out the booked hour
        Api.Answer openings = visitor.get("api/v1/practices/" + SLUG + "/openings?reason=" + Practices.REASON
                + "&from=" + day + "&to=" + day);
        assertEquals(openings.text(), 200, openings.status());
        JsonNode list = openings.body().get("openings");
        assertTrue("no openings tomorrow: " + openings.text(), list.size() > 0);
        ZonedDateTime bookedStart = day.atTime(booked).atZone(ZONE);
        for (JsonNode opening : list) {
            OffsetDateTime start = OffsetDateTime.parse(opening.get("start").asText());
            OffsetDateTime end = OffsetDateTime.parse(opening.get("end").asText());
            boolean overlaps = start.toInstant().isBefore(bookedStart.plusHours(1).toInstant())
                    && end.toInstant().isAfter(bookedStart.toInstant());
            assertFalse("opening " + opening + " overlaps the booked visit", overlaps);
        }

        // a visitor holds the first opening; a second client asking for the same one is refused
        JsonNode opening = list.get(0);
        Api.Answer hold = visitor.post("api/v1/practices/" + SLUG + "/holds", opening);
        assertEquals(hold.text(), 201, hold.status());
        String holdId = hold.body().get("id").asText();
        Api.Answer second = new Api(HTTP_PORT).post("api/v1/practices/" + SLUG + "/holds", opening);
        assertEquals(second.text(), 409, second.status());

        // a value of the wrong JSON type is refused, naming the field, by the API's own JSON mapper
        Api.Answer numeric = visitor.post("api/v1/practices/" + SLUG + "/requests", Map.of(
                "hold", holdId, "email", "client@itest.example", "privacyCode", 4711, "clientName", "Jordan"));
        assertEquals(numeric.text(), 400, numeric.status());
        assertEquals(numeric.text(), "privacyCode", numeric.body().get("field").asText());

        // the visitor sends the request; staff are emailed
        Api.Answer request = visitor.post("api/v1/practices/" + SLUG + "/requests", Map.of(
                "hold", holdId, "email", "client@itest.example", "phone", "+1 555 0199",
                "privacyCode", "4711", "clientName", "Jordan Example", "memo", "First visit"));
        assertEquals(request.text(), 201, request.status());
        String requestId = request.body().get("id").asText();
        String subject = Poll.until(FILING, "a staff email naming request " + requestId,
                () -> MAIL.subjects().stream().filter(s -> s != null && s.contains(requestId)).findFirst()
                        .orElse(null));
        assertTrue(MAIL.recipients(subject).contains(PRACTICE_EMAIL));

        // staff confirm with their own credentials
        Api.Answer confirmed = visitor.postAs(STAFF, STAFF_PASSWORD,
                "api/v1/staff/practices/" + SLUG + "/requests/" + requestId + "/confirm", Map.of("note", "See you"));
        assertEquals(confirmed.text(), 200, confirmed.status());
        assertEquals("CONFIRMED", confirmed.body().get("status").asText());

        // the PMS finds the request in its outbox as an S12 whose placer id is the request id
        Path s12 = Poll.until(FILING, "an S12 for request " + requestId + " in " + FOLDERS.outbox(),
                () -> Folders.messages(FOLDERS.outbox()).stream()
                        .filter(file -> Practices.isS12For(Folders.read(file), requestId))
                        .findFirst().orElse(null));
        assertNotNull(s12);
    }

    /** Waits until the practice file has been loaded and the API lists it. */
    private void awaitPractice() {
        Poll.until(BOOT, "the API lists practice " + SLUG, () -> {
            Api.Answer answer = visitor.get("api/v1/practices");
            return answer.status() == 200 && answer.text().contains("\"" + SLUG + "\"") ? true : null;
        });
    }

}
