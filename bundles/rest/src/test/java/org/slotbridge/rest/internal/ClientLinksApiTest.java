package org.slotbridge.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slotbridge.api.Appointment;
import org.slotbridge.api.AppointmentStatus;
import org.slotbridge.api.NewClientPolicy;
import org.slotbridge.api.Opening;
import org.slotbridge.api.PracticeRules;
import org.slotbridge.api.Timing;
import org.slotbridge.api.service.Booking;
import org.slotbridge.api.service.StaffAccounts.StaffMember;
import org.slotbridge.booking.internal.BookingForTests;
import org.slotbridge.store.Store;
import org.slotbridge.store.internal.Fixtures;
import org.slotbridge.store.internal.TestDatabase;

/**
 * The client's link and the staff's view of a request's life, over HTTP, on the real store (in-memory Derby)
 * and the real booking service. "Now" is Monday 2 March 2026, 07:00 in New York; the openings are on Tuesday.
 */
class ClientLinksApiTest {

    private static final String SLUG = Fixtures.SLUG;
    private static final Clock NOW = Clock.fixed(Instant.parse("2026-03-02T12:00:00Z"), ZoneOffset.UTC);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DESK = "Basic " + Base64.getEncoder()
            .encodeToString("desk:desk-secret-1".getBytes(StandardCharsets.UTF_8));
    private static final String SEARCH = "/api/v1/practices/" + SLUG + "/openings?reason=consult&from=2026-03-03"
            + "&to=2026-03-03";

    private Store store;
    private Booking booking;
    private ApiServer api;

    @BeforeEach
    void start() throws Exception {
        TestDatabase db = TestDatabase.clean();
        store = db.store();
        Fixtures.setUp(store, SLUG, NewClientPolicy.WELCOME);
        store.run(s -> {
            s.practices().saveRules(SLUG, new PracticeRules(5, Timing.DEFAULT, Set.of(), Map.of(), 100));
            s.staff().save(new StaffMember("desk", SLUG, "Front desk"), ApiServer.hash("desk-secret-1"));
        });
        booking = BookingForTests.create(store, NOW);
        api = ApiServer.start(
                new PracticesResource(db.directory(), booking, NOW),
                new ClientLinksResource(db.directory(), booking),
                new StaffResource(db.directory(), booking, db.staff()));
    }

    @AfterEach
    void stop() throws Exception {
        api.stop();
    }

    @Test
    void theClientAnswersAProposalThroughTheLinkGivenOnce() throws Exception {
        JsonNode openings = JSON.readTree(send("GET", SEARCH, null, null).body()).get("openings");
        JsonNode first = openings.get(0);
        HttpResponse<String> answer = sendRequestAnswer(first, "mia@example.org");
        JsonNode sent = JSON.readTree(answer.body());
        String id = sent.get("id").asText();
        String token = sent.get("token").asText();
        assertEquals(43, token.length());
        assertEquals(api.uri("/p/" + SLUG + "/requests/" + id + "?token=" + token).toString(),
                sent.get("clientLink").asText(), "absolute, below the address the request came to");
        String link = "/api/v1/practices/" + SLUG + "/requests/" + id;
        String location = answer.headers().firstValue("Location").orElse("");
        assertEquals(api.uri(link + "?token=" + token).toString(), location);
        HttpResponse<String> located = ApiServer.send(HttpRequest.newBuilder(URI.create(location)));
        assertEquals(200, located.statusCode(), "the Location answers: " + located.body());

        assertEquals(404, send("GET", link + "?token=" + "x".repeat(43), null, null).statusCode());
        assertEquals(404, send("GET", link, null, null).statusCode(), "no token, no request");
        assertEquals(404, send("GET", "/api/v1/practices/" + SLUG + "/requests/other?token=" + token, null, null)
                .statusCode(), "a token opens its own request only");
        HttpResponse<String> seen = send("GET", link + "?token=" + token, null, null);
        assertEquals(200, seen.statusCode(), seen.body());
        assertEquals("PENDING", JSON.readTree(seen.body()).get("status").asText());
        assertFalse(seen.body().contains("mia@example.org"), "the link shows no contact data");

        assertError(409, "not_proposed", send("POST", link + "/accept", null, tokenBody(token)));
        JsonNode later = sameProviderAfter(openings, first);
        HttpResponse<String> proposed = send("POST", "/api/v1/staff/practices/" + SLUG + "/requests/" + id
                + "/propose", DESK, "{\"opening\":" + later + ",\"note\":\"An hour later?\"}");
        assertEquals(200, proposed.statusCode(), proposed.body());

        assertError(400, "invalid_input", send("POST", link + "/accept", null, "{}"));
        assertError(404, "not_found", send("POST", link + "/accept", null, tokenBody("y".repeat(43))));
        HttpResponse<String> accepted = send("POST", link + "/accept", null, tokenBody(token));
        assertEquals(200, accepted.statusCode(), accepted.body());
        JsonNode view = JSON.readTree(accepted.body());
        assertEquals("CONFIRMED", view.get("status").asText());
        assertEquals(later.get("start"), view.at("/opening/start"));
        assertEquals("An hour later?", view.get("staffNote").asText());
        assertError(409, "request_not_open", send("POST", link + "/cancel", null, tokenBody(token)));
    }

    @Test
    void staffMayNotProposeAnOpeningOfAnotherReason() throws Exception {
        JsonNode consult = JSON.readTree(send("GET", SEARCH, null, null).body()).get("openings").get(0);
        String id = sendRequest(consult, "mia@example.org").get("id").asText();
        JsonNode checkup = JSON.readTree(send("GET", "/api/v1/practices/" + SLUG + "/openings?reason=checkup"
                + "&from=2026-03-03&to=2026-03-03", null, null).body()).at("/openings/0");

        HttpResponse<String> refused = send("POST", "/api/v1/staff/practices/" + SLUG + "/requests/" + id
                + "/propose", DESK, "{\"opening\":" + checkup + "}");
        assertError(400, "invalid_input", refused);
        assertEquals("opening.reason", JSON.readTree(refused.body()).get("field").asText(), refused.body());
        assertEquals("PENDING", JSON.readTree(send("GET", "/api/v1/staff/practices/" + SLUG + "/requests/" + id,
                DESK, null).body()).get("status").asText());
    }

    @Test
    void theClientRefusesOrCancels() throws Exception {
        JsonNode openings = JSON.readTree(send("GET", SEARCH, null, null).body()).get("openings");
        JsonNode sent = sendRequest(openings.get(0), "mia@example.org");
        String link = "/api/v1/practices/" + SLUG + "/requests/" + sent.get("id").asText();
        String token = sent.get("token").asText();
        booking.propose(SLUG, sent.get("id").asText(), laterOpening(openings, openings.get(0)), null);
        HttpResponse<String> refused = send("POST", link + "/refuse", null, tokenBody(token));
        assertEquals(200, refused.statusCode(), refused.body());
        assertEquals("WITHDRAWN", JSON.readTree(refused.body()).get("status").asText());

        JsonNode other = sendRequest(openings.get(1), "leo@example.org");
        String otherLink = "/api/v1/practices/" + SLUG + "/requests/" + other.get("id").asText();
        assertError(404, "not_found", send("POST", otherLink + "/cancel", null, tokenBody(token)));
        HttpResponse<String> cancelled = send("POST", otherLink + "/cancel", null,
                tokenBody(other.get("token").asText()));
        assertEquals("WITHDRAWN", JSON.readTree(cancelled.body()).get("status").asText(), cancelled.body());
    }

    @Test
    void aRequestThePmsBookedOverShowsTheOpeningsOfferedInsteadToStaffAndClient() throws Exception {
        JsonNode openings = JSON.readTree(send("GET", SEARCH, null, null).body()).get("openings");
        JsonNode first = openings.get(0);
        JsonNode sent = sendRequest(first, "mia@example.org");
        String id = sent.get("id").asText();
        String token = sent.get("token").asText();
        JsonNode second = sendRequest(sameProviderAfter(openings, first), "leo@example.org");
        String staffPath = "/api/v1/staff/practices/" + SLUG + "/requests/";

        // staff can never give one request the time another holds
        assertError(409, "opening_taken", send("POST", staffPath + id + "/propose", DESK,
                "{\"opening\":" + sameProviderAfter(openings, first) + "}"));

        Instant start = OffsetDateTime.parse(first.get("start").asText()).toInstant();
        store.run(s -> s.schedule().saveAppointment(SLUG, new Appointment("PHONE-1",
                first.at("/provider/id").asText(), null, start, start.plusSeconds(1800), null,
                AppointmentStatus.BOOKED, null)));
        assertError(409, "booked_in_pms", send("POST", staffPath + id + "/confirm", DESK, "{}"));
        booking.conflict(SLUG, id);

        HttpResponse<String> staffView = send("GET", staffPath + id, DESK, null);
        assertEquals(200, staffView.statusCode(), staffView.body());
        JsonNode forStaff = JSON.readTree(staffView.body());
        assertEquals("CONFLICTED", forStaff.get("status").asText());
        assertEquals(3, forStaff.get("alternatives").size(), staffView.body());
        JsonNode listed = JSON.readTree(send("GET", staffPath + "?status=conflicted", DESK, null).body());
        assertEquals(forStaff, listed.at("/requests/0"));
        assertEquals(0, JSON.readTree(send("GET", staffPath + second.get("id").asText(), DESK, null).body())
                .get("alternatives").size());

        String link = "/api/v1/practices/" + SLUG + "/requests/" + id;
        JsonNode forClient = JSON.readTree(send("GET", link + "?token=" + token, null, null).body());
        assertEquals(forStaff.get("alternatives"), forClient.get("alternatives"));
        assertError(409, "not_offered", send("POST", link + "/rebook", null,
                "{\"token\":\"" + token + "\",\"opening\":" + first + "}"));
        JsonNode chosen = forClient.at("/alternatives/0");
        HttpResponse<String> rebooked = send("POST", link + "/rebook", null,
                "{\"token\":\"" + token + "\",\"opening\":" + chosen + "}");
        assertEquals(200, rebooked.statusCode(), rebooked.body());
        JsonNode again = JSON.readTree(rebooked.body());
        assertEquals("PENDING", again.get("status").asText());
        assertEquals(chosen.get("start"), again.at("/opening/start"));
        assertEquals(0, again.get("alternatives").size());
    }

    private JsonNode sendRequest(JsonNode opening, String email) throws Exception {
        return JSON.readTree(sendRequestAnswer(opening, email).body());
    }

    private HttpResponse<String> sendRequestAnswer(JsonNode opening, String email) throws Exception {
        HttpResponse<String> held = send("POST", "/api/v1/practices/" + SLUG + "/holds", null, opening.toString());
        assertEquals(201, held.statusCode(), held.body());
        String hold = JSON.readTree(held.body()).get("id").asText();
        HttpResponse<String> sent = send("POST", "/api/v1/practices/" + SLUG + "/requests", null,
                "{\"hold\":\"" + hold + "\",\"email\":\"" + email + "\",\"privacyCode\":\"1234\","
                        + "\"clientName\":\"Mia Park\"}");
        assertEquals(201, sent.statusCode(), sent.body());
        return sent;
    }

    /** The first opening of the same provider that starts once {@code first} has ended. */
    private static JsonNode sameProviderAfter(JsonNode openings, JsonNode first) {
        OffsetDateTime end = OffsetDateTime.parse(first.get("end").asText());
        for (JsonNode o : openings) {
            if (o.at("/provider/id").equals(first.at("/provider/id"))
                    && !OffsetDateTime.parse(o.get("start").asText()).isBefore(end)) {
                return o;
            }
        }
        throw new AssertionError("no later opening of " + first.at("/provider/id"));
    }

    private static Opening laterOpening(JsonNode openings, JsonNode first) {
        JsonNode o = sameProviderAfter(openings, first);
        return new Opening(o.get("reason").asText(), o.at("/provider/id").asText(),
                o.get("room").isNull() ? null : o.get("room").asText(),
                OffsetDateTime.parse(o.get("start").asText()).toInstant(),
                OffsetDateTime.parse(o.get("end").asText()).toInstant());
    }

    private static String tokenBody(String token) {
        ObjectNode body = JSON.createObjectNode();
        body.put("token", token);
        return body.toString();
    }

    private static void assertError(int status, String code, HttpResponse<String> answer) throws Exception {
        assertEquals(status, answer.statusCode(), answer.body());
        assertEquals(code, JSON.readTree(answer.body()).get("code").asText(), answer.body());
    }

    private HttpResponse<String> send(String method, String path, String authorization, String body)
            throws Exception {
        HttpResponse<String> answer = api.send(method, path, authorization, body);
        assertTrue(answer.statusCode() < 500, path + " -> " + answer.body());
        return answer;
    }
}
