package org.slotbridge.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;

import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slotbridge.api.Appointment;
import org.slotbridge.api.AppointmentStatus;
import org.slotbridge.api.NewClientPolicy;
import org.slotbridge.api.PracticeRules;
import org.slotbridge.api.Timing;
import org.slotbridge.api.service.Booking;
import org.slotbridge.api.service.StaffAccounts.StaffMember;
import org.slotbridge.booking.internal.BookingWithListeners;
import org.slotbridge.booking.internal.TestClock;
import org.slotbridge.comms.internal.ClientMailForTests;
import org.slotbridge.store.Store;
import org.slotbridge.store.internal.Fixtures;
import org.slotbridge.store.internal.TestDatabase;

/**
 * The client is emailed at each step of their request that they did not take themselves, and every email's link
 * opens the request through the public API: comms' notifier sending through a real SMTP server (GreenMail), told
 * by the real booking service on the real store (in-memory Derby), the API over HTTP. "Now" is Monday 2 March
 * 2026, 07:00 in New York; the openings are on Tuesday.
 */
class ClientMailLinksTest {

    private static final String SLUG = Fixtures.SLUG;
    private static final String PORTAL = "https://book.example/";
    private static final Pattern LINK = Pattern.compile(Pattern.quote(PORTAL + "p/" + SLUG + "/requests/")
            + "([^?\\s]+)\\?token=([A-Za-z0-9_-]{43})");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DESK = "Basic " + Base64.getEncoder()
            .encodeToString("desk:desk-secret-1".getBytes(StandardCharsets.UTF_8));
    private static final String STAFF = "/api/v1/staff/practices/" + SLUG + "/requests/";

    private static final Instant NOW = Instant.parse("2026-03-02T12:00:00Z");

    /** Moved by the test to let requests expire; the search keeps its "today" on the fixed clock. */
    private final TestClock clock = new TestClock(NOW);
    private GreenMail smtp;
    private Store store;
    private BookingWithListeners life;
    private Booking booking;
    private ClientMailForTests mail;
    private ApiServer api;

    @BeforeEach
    void start() throws Exception {
        smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        TestDatabase db = TestDatabase.clean();
        store = db.store();
        Fixtures.setUp(store, SLUG, NewClientPolicy.WELCOME);
        store.run(s -> {
            s.practices().saveRules(SLUG, new PracticeRules(5, Timing.DEFAULT, Set.of(), Map.of(), 100));
            s.staff().save(new StaffMember("desk", SLUG, "Front desk"), ApiServer.hash("desk-secret-1"));
        });
        life = BookingWithListeners.create(store, clock, List.of((practice, request) -> {
            if (mail != null) {
                mail.requestChanged(practice, request);
            }
        }));
        booking = life.booking();
        mail = ClientMailForTests.start(smtp.getSmtp().getPort(), PORTAL, db.directory(), booking, life.links());
        api = ApiServer.start(
                new PracticesResource(db.directory(), booking, Clock.fixed(NOW, ZoneOffset.UTC)),
                new ClientLinksResource(db.directory(), booking),
                new StaffResource(db.directory(), booking, db.staff()));
    }

    @AfterEach
    void stop() throws Exception {
        api.stop();
        mail.close();
        smtp.stop();
    }

    @Test
    void everyStepEmailsTheClientALinkThatOpensTheRequest() throws Exception {
        List<JsonNode> smith = smithOnTheHour();
        List<MimeMessage> seen = new ArrayList<>();

        // A: received, another time proposed, then accepted by the client and so confirmed
        String a = send(smith.get(0), "mia@example.org");
        JsonNode received = follow(next(seen, "mia@example.org", "We have your request"), a);
        assertEquals("PENDING", received.get("status").asText());
        answer(200, "POST", STAFF + a + "/propose", DESK, "{\"opening\":" + smith.get(1) + ",\"note\":\"Later?\"}");
        MimeMessage proposal = next(seen, "mia@example.org", "We propose another time for your visit");
        JsonNode proposed = follow(proposal, a);
        assertEquals("PROPOSED", proposed.get("status").asText());
        assertEquals(smith.get(1).get("start"), proposed.at("/opening/start"));
        assertEquals(proposed.at("/opening/start"), proposed.get("answerBy"),
                "a proposal sooner than the answer hours is answered by its start");
        assertTrue(text(proposal).contains("Please answer by Tuesday 3 March 2026 at 09:00."), text(proposal));
        answer(200, "POST", "/api/v1/practices/" + SLUG + "/requests/" + a + "/accept", null,
                "{\"token\":\"" + token(proposal) + "\"}");
        JsonNode confirmed = follow(next(seen, "mia@example.org", "Your visit is confirmed"), a);
        assertEquals("CONFIRMED", confirmed.get("status").asText());
        assertTrue(confirmed.get("answerBy").isNull(), "no answer awaited any more");

        // B: received, its time booked in the PMS for another visit, moved to a time offered instead, declined
        String b = send(smith.get(3), "leo@example.org");
        follow(next(seen, "leo@example.org", "We have your request"), b);
        Instant lost = OffsetDateTime.parse(smith.get(3).get("start").asText()).toInstant();
        store.run(s -> s.schedule().saveAppointment(SLUG, new Appointment("PHONE-1", "SMITH", null, lost,
                lost.plusSeconds(1800), null, AppointmentStatus.BOOKED, null)));
        booking.conflict(SLUG, b);
        MimeMessage gone = next(seen, "leo@example.org", "The time you asked for is no longer free");
        JsonNode conflicted = follow(gone, b);
        assertEquals("CONFLICTED", conflicted.get("status").asText());
        assertEquals(3, conflicted.get("alternatives").size());
        assertEquals(3, text(gone).lines().filter(line -> line.startsWith("  - ")).count(), text(gone));
        answer(200, "POST", "/api/v1/practices/" + SLUG + "/requests/" + b + "/rebook", null,
                "{\"token\":\"" + token(gone) + "\",\"opening\":" + conflicted.at("/alternatives/0") + "}");
        assertEquals("PENDING", follow(next(seen, "leo@example.org", "We have your new time"), b)
                .get("status").asText());
        answer(200, "POST", STAFF + b + "/decline", DESK, "{\"note\":\"Dr. Smith is away.\"}");
        MimeMessage declined = next(seen, "leo@example.org", "We cannot offer you this visit");
        assertEquals("DECLINED", follow(declined, b).get("status").asText());
        assertTrue(text(declined).contains("Our note:\nDr. Smith is away.\n"), text(declined));

        // C: received, then nobody decides before its time; D gives no address and is never emailed
        String c = send(smith.get(5), "ann@example.org");
        follow(next(seen, "ann@example.org", "We have your request"), c);
        String d = send(smith.get(6), null);
        Instant cStart = OffsetDateTime.parse(smith.get(5).get("start").asText()).toInstant();
        clock.advance(Duration.between(clock.instant(), cStart));
        life.sweep();
        assertEquals("EXPIRED", follow(next(seen, "ann@example.org", "Your request has lapsed"), c)
                .get("status").asText());
        clock.advance(Duration.ofHours(2));
        life.sweep();
        assertEquals("EXPIRED", booking.find(SLUG, d).status().name());

        assertTrue(mail.drain(10_000));
        assertEquals(seen.size(), smtp.getReceivedMessages().length, "one email per step, none for D");
        assertEquals(9, seen.size());
    }

    /** SMITH's consultations on Tuesday on the hour, so that none overlaps another. */
    private List<JsonNode> smithOnTheHour() throws Exception {
        JsonNode openings = JSON.readTree(answer(200, "GET", "/api/v1/practices/" + SLUG
                + "/openings?reason=consult&from=2026-03-03&to=2026-03-03&provider=SMITH", null, null).body())
                .get("openings");
        List<JsonNode> hourly = new ArrayList<>();
        openings.forEach(o -> {
            if (o.get("start").asText().contains(":00:00")) {
                hourly.add(o);
            }
        });
        assertTrue(hourly.size() >= 7, "too few openings: " + openings);
        return hourly;
    }

    /** Holds the opening and sends a request for it; the client gives an email, or a phone when null. */
    private String send(JsonNode opening, String email) throws Exception {
        String hold = JSON.readTree(answer(201, "POST", "/api/v1/practices/" + SLUG + "/holds", null,
                opening.toString()).body()).get("id").asText();
        String contact = email == null ? "\"phone\":\"+1 555 0142\"" : "\"email\":\"" + email + "\"";
        return JSON.readTree(answer(201, "POST", "/api/v1/practices/" + SLUG + "/requests", null,
                "{\"hold\":\"" + hold + "\"," + contact + ",\"privacyCode\":\"1234\",\"clientName\":\"Client "
                        + (email == null ? "Phone" : email.substring(0, 3)) + "\"}").body()).get("id").asText();
    }

    /** The one email that arrived after those {@code seen}: to {@code to}, its subject beginning {@code subject}. */
    private MimeMessage next(List<MimeMessage> seen, String to, String subject) throws Exception {
        assertTrue(smtp.waitForIncomingEmail(10_000, seen.size() + 1), "no email: " + subject);
        assertTrue(mail.drain(10_000));
        MimeMessage[] all = smtp.getReceivedMessages();
        assertEquals(seen.size() + 1, all.length, "one email for one step");
        MimeMessage latest = all[all.length - 1];
        seen.add(latest);
        assertEquals(to, latest.getRecipients(Message.RecipientType.TO)[0].toString());
        assertTrue(latest.getSubject().startsWith(subject + " \u2013 "), latest.getSubject());
        return latest;
    }

    /** Follows the email's link through the public API: its token opens the request, which is the one expected. */
    private JsonNode follow(MimeMessage email, String requestId) throws Exception {
        Matcher link = LINK.matcher(text(email));
        assertTrue(link.find(), "no link below " + PORTAL + ": " + text(email));
        assertEquals(requestId, link.group(1));
        HttpResponse<String> seen = answer(200, "GET", "/api/v1/practices/" + SLUG + "/requests/" + link.group(1)
                + "?token=" + link.group(2), null, null);
        JsonNode request = JSON.readTree(seen.body());
        assertEquals(requestId, request.get("id").asText());
        assertFalse(seen.body().contains("@example.org"), "the link shows no contact data");
        return request;
    }

    private static String token(MimeMessage email) throws Exception {
        Matcher link = LINK.matcher(text(email));
        assertTrue(link.find());
        return link.group(2);
    }

    private HttpResponse<String> answer(int status, String method, String path, String authorization, String body)
            throws Exception {
        HttpResponse<String> answer = api.send(method, path, authorization, body);
        assertEquals(status, answer.statusCode(), method + " " + path + " -> " + answer.body());
        return answer;
    }

    /** The decoded text: both mail APIs on one class path confuse activation's content handlers. */
    private static String text(MimeMessage mail) throws Exception {
        return new String(mail.getInputStream().readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
    }
}
