package org.slotbridge.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slotbridge.api.ConflictException;
import org.slotbridge.api.Explanation;
import org.slotbridge.api.Hold;
import org.slotbridge.api.Opening;
import org.slotbridge.api.Preferences;
import org.slotbridge.api.Quoted;
import org.slotbridge.api.Request;
import org.slotbridge.api.RequestForm;
import org.slotbridge.api.RequestReceipt;
import org.slotbridge.api.RequestStatus;
import org.slotbridge.api.service.Booking;
import org.slotbridge.api.service.PracticeDirectory;

/**
 * The resources and mappers behind CXF and the Jackson provider the whiteboard registers, over HTTP:
 * what the runtime adds (body reading, status codes, headers, its own errors) is checked here.
 */
class HttpApiTest {

    private static final Fakes.RecordingBooking BOOKING = new Fakes.RecordingBooking();
    private static final ObjectMapper JSON = new ObjectMapper();

    private static ApiServer api;

    @BeforeAll
    static void start() throws Exception {
        PracticeDirectory directory = new Fakes.Directory();
        BOOKING.openings = List.of(Fakes.opening(Instant.parse("2026-12-07T14:00:00Z")));
        Booking failing = new FailingBooking(BOOKING);
        api = ApiServer.start(
                new PracticesResource(directory, failing, Clock.fixed(Instant.parse("2026-12-01T12:00:00Z"),
                        ZoneOffset.UTC)),
                new StaffResource(directory, failing, new Fakes.Staff()));
    }

    @AfterAll
    static void stop() throws Exception {
        api.stop();
    }

    @Test
    void listsPractices() throws Exception {
        HttpResponse<String> answer = get("/api/v1/practices", null);

        assertEquals(200, answer.statusCode());
        assertTrue(answer.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        assertEquals("demo", JSON.readTree(answer.body()).at("/practices/0/slug").asText());
    }

    @Test
    void answersOpeningsWithOffsetsAndBadParametersWith400() throws Exception {
        JsonNode openings = JSON.readTree(get("/api/v1/practices/demo/openings?reason=checkup", null).body());
        assertEquals("2026-12-07T09:00:00-05:00", openings.at("/openings/0/start").asText());
        assertEquals("Dr. Ann Smith", openings.at("/openings/0/provider/name").asText());

        HttpResponse<String> bad = get("/api/v1/practices/demo/openings?reason=checkup&days=SOMEDAY", null);
        assertEquals(400, bad.statusCode());
        assertEquals("days", JSON.readTree(bad.body()).get("field").asText());
        assertEquals(404, get("/api/v1/practices/hidden/openings?reason=checkup", null).statusCode());
    }

    @Test
    void errorsQuoteAtMostTheStartOfABadValue() throws Exception {
        String huge = "x".repeat(5000);
        HttpResponse<String> reason = get("/api/v1/practices/demo/openings?reason=" + huge, null);
        assertEquals(400, reason.statusCode());
        String message = JSON.readTree(reason.body()).get("message").asText();
        assertTrue(message.endsWith("'" + "x".repeat(Quoted.MAX) + "\u2026'"), message);

        HttpResponse<String> practice = get("/api/v1/practices/" + "a".repeat(5000) + "/reasons", null);
        assertEquals(404, practice.statusCode());
        assertTrue(practice.body().length() < 200, practice.body());
    }

    @Test
    void holdsWhatTheSearchReturned() throws Exception {
        JsonNode opening = JSON.readTree(get("/api/v1/practices/demo/openings?reason=checkup", null).body())
                .at("/openings/0");

        HttpResponse<String> answer = post("/api/v1/practices/demo/holds", opening.toString(), null);

        assertEquals(201, answer.statusCode(), answer.body());
        assertTrue(answer.headers().firstValue("Location").orElse("").endsWith("/api/v1/practices/demo/holds/h-1"));
        assertEquals(opening, JSON.readTree(answer.body()).get("opening"));
    }

    @Test
    void showsAndReleasesAHoldAtItsLocation() throws Exception {
        HttpResponse<String> shown = get("/api/v1/practices/demo/holds/h-1", null);
        assertEquals(200, shown.statusCode(), shown.body());
        JsonNode hold = JSON.readTree(shown.body());
        assertEquals("h-1", hold.get("id").asText());
        assertEquals("2026-12-01T10:10:00-05:00", hold.get("expiresAt").asText());
        assertEquals("2026-12-07T09:00:00-05:00", hold.at("/opening/start").asText());
        assertEquals(404, get("/api/v1/practices/demo/holds/h-9", null).statusCode());
        assertEquals(404, get("/api/v1/practices/hidden/holds/h-1", null).statusCode());

        HttpResponse<String> released = api.send("DELETE", "/api/v1/practices/demo/holds/h-1", null, null);
        assertEquals(204, released.statusCode(), released.body());
        assertTrue(BOOKING.calls.contains("release demo h-1"), BOOKING.calls.toString());
        HttpResponse<String> unknown = api.send("DELETE", "/api/v1/practices/demo/holds/h-9", null, null);
        assertEquals(404, unknown.statusCode());
        assertEquals("not_found", JSON.readTree(unknown.body()).get("code").asText());
        HttpResponse<String> kept = api.send("DELETE", "/api/v1/practices/demo/holds/h-2", null, null);
        assertEquals(409, kept.statusCode());
        assertEquals("hold_in_use", JSON.readTree(kept.body()).get("code").asText());
    }

    @Test
    void answersATakenOpeningWith409() throws Exception {
        String body = "{\"reason\":\"checkup\",\"provider\":\"SMITH\",\"room\":null,"
                + "\"start\":\"2026-12-07T09:00:00-05:00\",\"end\":\"2026-12-07T10:00:00-05:00\"}";
        HttpResponse<String> answer = post("/api/v1/practices/demo/holds", body, null);
        assertEquals(409, answer.statusCode());
        assertEquals("opening_taken", JSON.readTree(answer.body()).get("code").asText());
    }

    @Test
    void answersUnreadableBodiesWith400() throws Exception {
        HttpResponse<String> malformed = post("/api/v1/practices/demo/requests", "{\"hold\": ", null);
        assertEquals(400, malformed.statusCode(), malformed.body());
        assertEquals("invalid_json", JSON.readTree(malformed.body()).get("code").asText());

        HttpResponse<String> wrongType = post("/api/v1/practices/demo/requests", "{\"hold\": [1]}", null);
        assertEquals(400, wrongType.statusCode(), wrongType.body());
        assertEquals("hold", JSON.readTree(wrongType.body()).get("field").asText());

        for (String field : List.of("hold", "privacyCode", "clientName", "memo")) {
            for (String value : List.of("4711", "47.11", "true")) {
                HttpResponse<String> notText = post("/api/v1/practices/demo/requests",
                        "{\"" + field + "\": " + value + "}", null);
                assertEquals(400, notText.statusCode(), field + " " + value + ": " + notText.body());
                assertEquals(field, JSON.readTree(notText.body()).get("field").asText(), notText.body());
            }
        }

        HttpResponse<String> unknown = post("/api/v1/practices/demo/requests", "{\"pin\": \"1\"}", null);
        assertEquals(400, unknown.statusCode(), unknown.body());
        assertEquals("pin", JSON.readTree(unknown.body()).get("field").asText());

        HttpResponse<String> empty = post("/api/v1/practices/demo/requests", "", null);
        assertEquals(400, empty.statusCode(), empty.body());
        assertEquals("body", JSON.readTree(empty.body()).get("field").asText());
    }

    @Test
    void givesTheRuntimesOwnErrorsTheApiShape() throws Exception {
        HttpResponse<String> missing = get("/api/v1/nothing-here", null);
        assertEquals(404, missing.statusCode());
        assertEquals("not_found", JSON.readTree(missing.body()).get("code").asText());

        HttpRequest.Builder wrongMedia = HttpRequest.newBuilder(api.uri("/api/v1/practices/demo/holds"))
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("x"));
        HttpResponse<String> unsupported = ApiServer.send(wrongMedia);
        assertEquals(415, unsupported.statusCode());
        assertEquals("unsupported_media_type", JSON.readTree(unsupported.body()).get("code").asText());
    }

    @Test
    void answersUnexpectedFailuresWith500() throws Exception {
        HttpResponse<String> answer = get("/api/v1/staff/practices/demo/requests/boom", Fakes.basic("desk:secret:1"));
        assertEquals(500, answer.statusCode());
        assertEquals("internal_error", JSON.readTree(answer.body()).get("code").asText());
    }

    @Test
    void guardsTheStaffApi() throws Exception {
        HttpResponse<String> anonymous = get("/api/v1/staff/practices/demo/requests", null);
        assertEquals(401, anonymous.statusCode());
        assertEquals("Basic realm=\"Slotbridge staff\"", anonymous.headers().firstValue("WWW-Authenticate").get());
        assertEquals("unauthorized", JSON.readTree(anonymous.body()).get("code").asText());

        HttpResponse<String> other = get("/api/v1/staff/practices/demo/requests", Fakes.basic("vet:secret:1"));
        assertEquals(403, other.statusCode());

        HttpResponse<String> own = get("/api/v1/staff/practices/demo/requests", Fakes.basic("desk:secret:1"));
        assertEquals(200, own.statusCode());
        assertEquals("jane@example.org", JSON.readTree(own.body()).at("/requests/0/client/email").asText());

        HttpResponse<String> confirmed = post("/api/v1/staff/practices/demo/requests/r-1/confirm",
                "{\"note\":\"see you\"}", Fakes.basic("desk:secret:1"));
        assertEquals(200, confirmed.statusCode(), confirmed.body());
        assertEquals("CONFIRMED", JSON.readTree(confirmed.body()).get("status").asText());
    }

    @Test
    void takesNoBodyAtAllAsNoNote() throws Exception {
        for (String step : List.of("confirm", "decline")) {
            URI path = api.uri("/api/v1/staff/practices/demo/requests/r-1/" + step);
            HttpResponse<String> answer = ApiServer.send(HttpRequest.newBuilder(path)
                    .header("Authorization", Fakes.basic("desk:secret:1"))
                    .POST(HttpRequest.BodyPublishers.noBody()));
            assertEquals(200, answer.statusCode(), answer.body());
            assertTrue(BOOKING.calls.contains(step + " demo r-1 null"), BOOKING.calls.toString());

            HttpResponse<String> text = ApiServer.send(HttpRequest.newBuilder(path)
                    .header("Authorization", Fakes.basic("desk:secret:1")).header("Content-Type", "text/plain")
                    .POST(HttpRequest.BodyPublishers.ofString("see you")));
            assertEquals(415, text.statusCode(), text.body());
            assertEquals("unsupported_media_type", JSON.readTree(text.body()).get("code").asText());
        }
        HttpResponse<String> hold = ApiServer.send(HttpRequest.newBuilder(api.uri("/api/v1/practices/demo/holds"))
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertEquals(400, hold.statusCode(), hold.body());
        assertEquals("body", JSON.readTree(hold.body()).get("field").asText());
    }

    private static HttpResponse<String> get(String path, String authorization) throws Exception {
        return api.send("GET", path, authorization, null);
    }

    private static HttpResponse<String> post(String path, String body, String authorization) throws Exception {
        return api.send("POST", path, authorization, body);
    }

    /** Conflicts on holds without a room, and fails unexpectedly on request {@code boom}. */
    private static final class FailingBooking implements Booking {

        private final Fakes.RecordingBooking delegate;

        FailingBooking(Fakes.RecordingBooking delegate) {
            this.delegate = delegate;
        }

        @Override
        public List<Opening> openings(String slug, String reasonId, Preferences preferences) {
            return delegate.openings(slug, reasonId, preferences);
        }

        @Override
        public Explanation explain(String slug, String reasonId, String providerId, Instant start) {
            return delegate.explain(slug, reasonId, providerId, start);
        }

        @Override
        public Hold hold(String slug, Opening opening) {
            if (opening.roomId() == null) {
                throw new ConflictException(ConflictException.OPENING_TAKEN, "that opening was just taken");
            }
            return delegate.hold(slug, opening);
        }

        @Override
        public Hold findHold(String slug, String holdId) {
            return delegate.findHold(slug, holdId);
        }

        @Override
        public void release(String slug, String holdId) {
            delegate.release(slug, holdId);
        }

        @Override
        public Request request(String slug, RequestForm form) {
            return delegate.request(slug, form);
        }

        @Override
        public RequestReceipt submit(String slug, RequestForm form) {
            return delegate.submit(slug, form);
        }

        @Override
        public Request movedInPms(String slug, String requestId, Opening opening) {
            return delegate.movedInPms(slug, requestId, opening);
        }

        @Override
        public Request cancelledInPms(String slug, String requestId) {
            return delegate.cancelledInPms(slug, requestId);
        }

        @Override
        public Request withdraw(String slug, String requestId) {
            return delegate.withdraw(slug, requestId);
        }

        @Override
        public Request forClient(String slug, String requestId, String token) {
            return delegate.forClient(slug, requestId, token);
        }

        @Override
        public Request accept(String slug, String requestId, String token) {
            return delegate.accept(slug, requestId, token);
        }

        @Override
        public Request refuse(String slug, String requestId, String token) {
            return delegate.refuse(slug, requestId, token);
        }

        @Override
        public Request cancel(String slug, String requestId, String token) {
            return delegate.cancel(slug, requestId, token);
        }

        @Override
        public Request rebook(String slug, String requestId, String token, Opening opening) {
            return delegate.rebook(slug, requestId, token, opening);
        }

        @Override
        public List<Opening> alternatives(String slug, String requestId) {
            return delegate.alternatives(slug, requestId);
        }

        @Override
        public Request conflict(String slug, String requestId) {
            return delegate.conflict(slug, requestId);
        }

        @Override
        public Request find(String slug, String requestId) {
            if (requestId.equals("boom")) {
                throw new IllegalStateException("jane@example.org could not be read");
            }
            return delegate.find(slug, requestId);
        }

        @Override
        public List<Request> requests(String slug, RequestStatus status) {
            return delegate.requests(slug, status);
        }

        @Override
        public Request confirm(String slug, String requestId, String staffNote) {
            return delegate.confirm(slug, requestId, staffNote);
        }

        @Override
        public Request propose(String slug, String requestId, Opening opening, String staffNote) {
            return delegate.propose(slug, requestId, opening, staffNote);
        }

        @Override
        public Request decline(String slug, String requestId, String staffNote) {
            return delegate.decline(slug, requestId, staffNote);
        }
    }
}
