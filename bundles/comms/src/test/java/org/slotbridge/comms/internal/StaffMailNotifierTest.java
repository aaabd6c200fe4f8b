package org.slotbridge.comms.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;

import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;

import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slotbridge.api.Category;
import org.slotbridge.api.Client;
import org.slotbridge.api.NewClientPolicy;
import org.slotbridge.api.NotFoundException;
import org.slotbridge.api.Opening;
import org.slotbridge.api.Patient;
import org.slotbridge.api.PatientKind;
import org.slotbridge.api.Practice;
import org.slotbridge.api.PracticeConfig;
import org.slotbridge.api.PracticeRules;
import org.slotbridge.api.Provider;
import org.slotbridge.api.Reason;
import org.slotbridge.api.Request;
import org.slotbridge.api.RequestStatus;
import org.slotbridge.api.Room;
import org.slotbridge.api.WorkingHours;
import org.slotbridge.api.service.PracticeDirectory;

class StaffMailNotifierTest {

    private static final Practice PRACTICE = new Practice("demo", "Riverside Family Dental",
            ZoneId.of("America/New_York"), null, "frontdesk@riverside.example", NewClientPolicy.WELCOME, true);

    private GreenMail smtp;
    private StaffMailNotifier notifier;

    @BeforeEach
    void startServer() {
        smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
    }

    @AfterEach
    void stopAll() {
        if (notifier != null) {
            notifier.stop();
        }
        smtp.stop();
    }

    @Test
    void emailsThePracticeAboutANewRequest() throws Exception {
        notifier = notifier(Map.of("from", "bookings@slotbridge.example", "staffLink", "https://book.example/"));

        notifier.requestChanged(PRACTICE, request("r-42", RequestStatus.PENDING));

        assertTrue(smtp.waitForIncomingEmail(10_000, 1), "no email arrived");
        MimeMessage mail = smtp.getReceivedMessages()[0];
        assertEquals("New booking request r-42 \u2013 Riverside Family Dental", mail.getSubject());
        assertEquals("frontdesk@riverside.example", mail.getRecipients(Message.RecipientType.TO)[0].toString());
        assertEquals("bookings@slotbridge.example", mail.getFrom()[0].toString());
        assertTrue(mail.getContentType().startsWith("text/plain"), mail.getContentType());
        // read the decoded bytes: both mail APIs on one class path confuse activation's content handlers
        String text = new String(mail.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
                .replace("\r\n", "\n");
        assertTrue(text.contains("Reason:   Check-up\n"), text);
        assertTrue(text.contains("Starts:   Monday 7 December 2026, 09:00 (-05:00) America/New_York\n"), text);
        assertTrue(text.contains("Provider: Dr. Ann Smith\n"), text);
        assertTrue(text.contains("Room:     OP1\n"), text);
        assertTrue(text.contains("Patient:  Zoë Ångström (family)\n"), text);
        assertTrue(text.contains("Client:   new to the practice\n"), text);
        assertTrue(text.contains("Memo:\nTooth hurts <b>a lot</b>\n"), text);
        assertTrue(text.strip().endsWith("Open the request: https://book.example/staff/demo/#request-r-42"), text);
    }

    @Test
    void staysQuietForOtherChangesAndWhenDisabled() throws Exception {
        notifier = notifier(Map.of());
        notifier.requestChanged(PRACTICE, request("r-1", RequestStatus.CONFIRMED));
        notifier.requestChanged(PRACTICE, request("r-2", RequestStatus.PROPOSED));
        Practice noAddress = new Practice("quiet", "Quiet", PRACTICE.zone(), null, null,
                NewClientPolicy.WELCOME, true);
        notifier.requestChanged(noAddress, request("r-3", RequestStatus.PENDING));
        StaffMailNotifier disabled = notifier(Map.of("enabled", false));
        disabled.requestChanged(PRACTICE, request("r-4", RequestStatus.PENDING));
        disabled.stop();
        // a last email, sent after the others on the same thread, proves they were not merely slow
        notifier.requestChanged(PRACTICE, request("r-5", RequestStatus.PENDING));

        assertTrue(notifier.drain(10_000));
        assertTrue(smtp.waitForIncomingEmail(10_000, 1));
        assertEquals(1, smtp.getReceivedMessages().length);
        assertTrue(smtp.getReceivedMessages()[0].getSubject().contains("r-5"));
    }

    @Test
    void keepsSendingAfterTheServerWasUnreachable() throws Exception {
        int port = smtp.getSmtp().getPort();
        smtp.stop();
        notifier = notifier(Map.of("port", port, "connectionTimeout", 2000));

        notifier.requestChanged(PRACTICE, request("r-1", RequestStatus.PENDING));
        assertTrue(notifier.drain(10_000));
        smtp = new GreenMail(new ServerSetup(port, "localhost", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        notifier.requestChanged(PRACTICE, request("r-2", RequestStatus.PENDING));

        assertTrue(notifier.drain(10_000));
        assertTrue(smtp.waitForIncomingEmail(10_000, 1));
        assertEquals(1, smtp.getReceivedMessages().length);
        assertTrue(smtp.getReceivedMessages()[0].getSubject().contains("r-2"));
    }

    @Test
    void namesUnknownReasonsAndProvidersByTheirIds() {
        Request request = new Request("r-7", "demo", new Opening("gone", "NEW", null,
                Instant.parse("2026-11-01T05:30:00Z"), Instant.parse("2026-11-01T06:30:00Z")), "h-1",
                RequestStatus.PENDING, client(), null, false, null, null, Instant.now(), null);

        StaffMail mail = StaffMail.newRequest(PRACTICE, request, "gone", "NEW", "http://localhost:8181");

        assertTrue(mail.body().contains("Starts:   Sunday 1 November 2026, 01:30 (-04:00)"), mail.body());
        assertTrue(mail.body().contains("Memo:\n(none)\n"), mail.body());
        assertTrue(mail.body().contains("Client:   known to the practice"), mail.body());
        assertFalse(mail.body().contains("Room:"), mail.body());
        assertFalse(mail.body().contains("Patient:"), mail.body());
        assertEquals("http://localhost:8181/staff/demo/#request-a%2Fb", StaffMail.link("http://localhost:8181",
                "demo", "a/b"));
    }

    private StaffMailNotifier notifier(Map<String, Object> settings) {
        Map<String, Object> all = new HashMap<>(settings);
        all.putIfAbsent("host", "localhost");
        if (!all.containsKey("port")) {
            all.put("port", smtp.getSmtp().getPort());
        }
        return new StaffMailNotifier(config(all), new Directory(), new DefaultCamelContext());
    }

    /** The configuration DS would build from {@code values}, with the annotation's defaults elsewhere. */
    private static MailConfig config(Map<String, Object> values) {
        return (MailConfig) Proxy.newProxyInstance(MailConfig.class.getClassLoader(),
                new Class<?>[] {MailConfig.class}, (proxy, method, args) -> values.containsKey(method.getName())
                        ? values.get(method.getName()) : method.getDefaultValue());
    }

    private static Request request(String id, RequestStatus status) {
        Opening opening = new Opening("checkup", "SMITH", "OP1", Instant.parse("2026-12-07T14:00:00Z"),
                Instant.parse("2026-12-07T15:00:00Z"));
        Patient patient = new Patient(null, null, null, "Zoë\r\nÅngström", PatientKind.FAMILY, null, null);
        return new Request(id, "demo", opening, "h-1", status, client(), patient, true,
                "Tooth hurts <b>a lot</b>", null, Instant.parse("2026-12-01T15:00:00Z"), null);
    }

    private static Client client() {
        return new Client(null, null, "Jane Roe", "jane@example.org", null, true);
    }

    private static final class Directory implements PracticeDirectory {

        @Override
        public List<Practice> practices() {
            return List.of(PRACTICE);
        }

        @Override
        public Practice practice(String slug) {
            return PRACTICE;
        }

        @Override
        public List<Provider> providers(String slug) {
            return List.of(new Provider("SMITH", "Dr. Ann Smith"));
        }

        @Override
        public List<Room> rooms(String slug) {
            return List.of();
        }

        @Override
        public List<Reason> reasons(String slug) {
            return List.of(reason("checkup"));
        }

        @Override
        public Reason reason(String slug, String reasonId) {
            if (!reasonId.equals("checkup")) {
                throw new NotFoundException("reason", reasonId);
            }
            return reason(reasonId);
        }

        @Override
        public List<WorkingHours> workingHours(String slug) {
            return List.of();
        }

        @Override
        public PracticeRules rules(String slug) {
            return PracticeRules.DEFAULT;
        }

        @Override
        public List<Category> categories(String slug) {
            return List.of();
        }

        @Override
        public PracticeConfig config(String slug) {
            return new PracticeConfig(PRACTICE, rules(slug), providers(slug), rooms(slug), workingHours(slug),
                    reasons(slug), categories(slug));
        }

        private static Reason reason(String id) {
            return new Reason(id, "Check-up", null, null, Duration.ofMinutes(60), Set.of(), Set.of(), Set.of(),
                    List.of());
        }
    }
}
