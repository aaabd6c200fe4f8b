package org.slotbridge.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ContextResolver;
import javax.ws.rs.ext.ExceptionMapper;
import javax.ws.rs.ext.MessageBodyReader;
import javax.ws.rs.ext.MessageBodyWriter;
import javax.ws.rs.ext.Providers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.jaxrs.json.JacksonJsonProvider;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slotbridge.api.ConflictException;
import org.slotbridge.api.InvalidInputException;
import org.slotbridge.api.NewClientPolicy;
import org.slotbridge.api.RequestStatus;
import org.slotbridge.api.service.Booking;
import org.slotbridge.api.service.IdempotencyKeys;
import org.slotbridge.booking.internal.BookingForTests;
import org.slotbridge.store.Store;
import org.slotbridge.store.internal.Fixtures;
import org.slotbridge.store.internal.IdempotencyKeysService;
import org.slotbridge.store.internal.TestDatabase;

/**
 * The Idempotency-Key header over HTTP, on CXF in Jetty, the real booking service and the real store on
 * in-memory Derby: repeats get the first answer, and clients racing with one key make one hold or request.
 */
class IdempotencyHttpTest {

    /** Monday 2 March 2026, 07:00 in New York: the practice's openings start on Tuesday. */
    private static final Clock NOW = Clock.fixed(Instant.parse("2026-03-02T12:00:00Z"), ZoneOffset.UTC);
    private static final String SLUG = Fixtures.SLUG;
    private static final String HOLDS = "/api/v1/practices/" + SLUG + "/holds";
    private static final String REQUESTS = "/api/v1/practices/" + SLUG + "/requests";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int THREADS = 16;

    private ApiServer api;
    private Store store;
    private Booking booking;

    @BeforeEach
    void start() throws Exception {
        TestDatabase db = TestDatabase.clean();
        store = db.store();
        Fixtures.setUp(store, SLUG, NewClientPolicy.WELCOME);
        booking = BookingForTests.create(store, NOW);
        PracticesResource practices = new PracticesResource(db.directory(), booking, NOW);
        practices.idempotencyKeys = new IdempotencyKeysService(store, NOW);
        api = ApiServer.start(practices);
    }

    @AfterEach
    void stop() throws Exception {
        api.stop();
    }

    @Test
    void aRepeatedHoldGetsTheFirstAnswerMarkedReplayed() throws Exception {
        String opening = opening(0);
        String key = newKey();

        HttpResponse<String> first = post(HOLDS, opening, key);
        assertEquals(201, first.statusCode(), first.body());
        assertFalse(first.headers().firstValue(Idempotency.REPLAYED).isPresent());

        // the same JSON spaced and ordered otherwise is the same request
        JsonNode reordered = JSON.readTree(opening);
        String respaced = "{ \"end\": " + reordered.get("end") + ", \"start\": " + reordered.get("start")
                + ", \"reason\": " + reordered.get("reason") + ", \"provider\": " + reordered.get("provider")
                + ", \"room\": " + reordered.get("room") + " }";
        HttpResponse<String> again = post(HOLDS, respaced, key);
        assertEquals(201, again.statusCode(), again.body());
        assertEquals(first.body(), again.body());
        assertEquals("true", again.headers().firstValue(Idempotency.REPLAYED).orElse(null));
        assertEquals(first.headers().firstValue("Location"), again.headers().firstValue("Location"));
        assertTrue(again.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        assertEquals(1, liveHolds());

        HttpResponse<String> withoutKey = post(HOLDS, opening, null);
        assertEquals(409, withoutKey.statusCode(), "without a key a repeat is a new hold, as before");
        assertEquals("opening_taken", JSON.readTree(withoutKey.body()).get("code").asText());
    }

    @Test
    void aKeyUsedForAnotherRequestIsRefusedWith422() throws Exception {
        String key = newKey();
        assertEquals(201, post(HOLDS, opening(0), key).statusCode());

        HttpResponse<String> otherOpening = post(HOLDS, opening(1), key);
        assertEquals(422, otherOpening.statusCode(), otherOpening.body());
        JsonNode error = JSON.readTree(otherOpening.body());
        assertEquals("idempotency_key_reused", error.get("code").asText());
        assertEquals("Idempotency-Key", error.get("field").asText());
        assertTrue(error.get("message").asText().contains("different request"));
        assertEquals(422, post(REQUESTS, requestBody("h-any"), key).statusCode(), "another path is another request");
        assertEquals(1, liveHolds());
    }

    @Test
    void aKeyOfNoOrTooManyOrUnprintableCharactersIs400NamingTheHeader() throws Exception {
        for (String key : List.of("k".repeat(256), "")) {
            HttpResponse<String> answer = post(HOLDS, opening(0), key);
            assertEquals(400, answer.statusCode(), key + ": " + answer.body());
            assertEquals("Idempotency-Key", JSON.readTree(answer.body()).get("field").asText());
        }
        // the HTTP client does not send these as they are: checked without it
        for (String key : List.of("cl\u00e9-1", "tab\there", "line\nbreak")) {
            InvalidInputException refused = assertThrows(InvalidInputException.class, () -> Idempotency.once(null,
                    SLUG, key, HOLDS, "{}", null, () -> Response.ok().build()));
            assertEquals("Idempotency-Key", refused.field());
        }
        assertEquals(201, post(HOLDS, opening(0), "k".repeat(255)).statusCode());
        assertEquals(1, liveHolds(), "only the hold with a good key was taken");
    }

    @Test
    void aRefusalIsKeptAndRepeatedToo() throws Exception {
        String hold = JSON.readTree(post(HOLDS, opening(0), null).body()).get("id").asText();
        String key = newKey();
        String badEmail = requestBody(hold).replace("jane@example.org", "jane at example");

        HttpResponse<String> first = post(REQUESTS, badEmail, key);
        assertEquals(400, first.statusCode(), first.body());
        HttpResponse<String> again = post(REQUESTS, badEmail, key);
        assertEquals(400, again.statusCode());
        assertEquals(first.body(), again.body());
        assertEquals("true", again.headers().firstValue(Idempotency.REPLAYED).orElse(null));
        assertEquals(0, booking.requests(SLUG, RequestStatus.PENDING).size());
    }

    @Test
    void clientsRacingWithOneKeyTakeOneHold() throws Exception {
        List<HttpResponse<String>> answers = race(HOLDS, opening(0), newKey());

        assertOneOutcome(answers);
        assertEquals(1, liveHolds());
    }

    @Test
    void clientsRacingWithOneKeyMakeOneRequest() throws Exception {
        String hold = JSON.readTree(post(HOLDS, opening(0), null).body()).get("id").asText();
        String key = newKey();

        List<HttpResponse<String>> answers = race(REQUESTS, requestBody(hold), key);

        String created = assertOneOutcome(answers);
        assertEquals(1, booking.requests(SLUG, RequestStatus.PENDING).size());
        HttpResponse<String> later = post(REQUESTS, requestBody(hold), key);
        assertEquals(201, later.statusCode());
        assertEquals(created, later.body(), "once the first is done, every repeat gets its answer");
        assertEquals("true", later.headers().firstValue(Idempotency.REPLAYED).orElse(null));
    }

    /** A conflict worth retrying and a failure of the server leave the key free; other conflicts are kept. */
    @Test
    void onlyAnswersNotWorthRetryingAreKept() {
        IdempotencyKeys keys = new IdempotencyKeysService(store, NOW);
        Providers providers = new JsonOnly();
        AtomicInteger runs = new AtomicInteger();

        String busy = newKey();
        Response refused = Idempotency.once(keys, SLUG, busy, HOLDS, "{}", providers, () -> {
            runs.incrementAndGet();
            throw new ConflictException("busy", "try again");
        });
        assertEquals(409, refused.getStatus());
        Response done = Idempotency.once(keys, SLUG, busy, HOLDS, "{}", providers, () -> {
            runs.incrementAndGet();
            return Response.status(201).entity(Map.of("id", "h-1")).build();
        });
        assertEquals(201, done.getStatus());
        assertEquals(2, runs.get(), "the retry was done anew");
        assertEquals(null, done.getHeaderString(Idempotency.REPLAYED));

        String failing = newKey();
        assertThrows(IllegalStateException.class, () -> Idempotency.once(keys, SLUG, failing, HOLDS, "{}",
                providers, () -> {
                    runs.incrementAndGet();
                    throw new IllegalStateException("the database went away");
                }));
        assertEquals(201, Idempotency.once(keys, SLUG, failing, HOLDS, "{}", providers, () -> {
            runs.incrementAndGet();
            return Response.status(201).entity(Map.of("id", "h-2")).build();
        }).getStatus());
        assertEquals(4, runs.get());

        String taken = newKey();
        for (int i = 0; i < 2; i++) {
            Response answer = Idempotency.once(keys, SLUG, taken, HOLDS, "{}", providers, () -> {
                runs.incrementAndGet();
                throw new ConflictException(ConflictException.OPENING_TAKEN, "someone else holds it");
            });
            assertEquals(409, answer.getStatus());
            assertTrue(answer.getEntity().toString().contains("opening_taken"), answer.getEntity().toString());
            assertEquals(i == 0 ? null : "true", answer.getHeaderString(Idempotency.REPLAYED));
        }
        assertEquals(5, runs.get(), "the refusal was kept and given again");
    }

    /**
     * Every answer is the one 201 or "in progress"; exactly one was not a replay.
     *
     * @return the body of the 201
     */
    private static String assertOneOutcome(List<HttpResponse<String>> answers) throws Exception {
        Set<String> bodies = new HashSet<>();
        int originals = 0;
        for (HttpResponse<String> answer : answers) {
            if (answer.statusCode() == 409) {
                assertEquals(Idempotency.IN_PROGRESS, JSON.readTree(answer.body()).get("code").asText());
                continue;
            }
            assertEquals(201, answer.statusCode(), answer.body());
            bodies.add(answer.body());
            if (answer.headers().firstValue(Idempotency.REPLAYED).isEmpty()) {
                originals++;
            }
        }
        assertEquals(1, bodies.size(), "one answer for all: " + bodies);
        assertEquals(1, originals, "one first answer, the others replays");
        return bodies.iterator().next();
    }

    private List<HttpResponse<String>> race(String path, String body, String key) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<HttpResponse<String>>> runs = new ArrayList<>();
            for (int i = 0; i < THREADS; i++) {
                runs.add(pool.submit(() -> {
                    go.await();
                    return post(path, body, key);
                }));
            }
            go.countDown();
            List<HttpResponse<String>> answers = new ArrayList<>();
            for (Future<HttpResponse<String>> run : runs) {
                answers.add(run.get(2, TimeUnit.MINUTES));
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }

    private String opening(int index) throws Exception {
        HttpResponse<String> answer = api.send("GET",
                "/api/v1/practices/" + SLUG + "/openings?reason=consult&from=2026-03-03&to=2026-03-03", null, null);
        assertEquals(200, answer.statusCode(), answer.body());
        JsonNode opening = JSON.readTree(answer.body()).at("/openings/" + index);
        assertFalse(opening.isMissingNode(), answer.body());
        return opening.toString();
    }

    private static String requestBody(String holdId) {
        return "{\"hold\":\"" + holdId + "\",\"email\":\"jane@example.org\",\"privacyCode\":\"maple-7-river\","
                + "\"clientName\":\"Jane Doe\",\"patientKind\":\"self\"}";
    }

    private int liveHolds() {
        return store.call(s -> s.holds().live(SLUG, NOW.instant(), NOW.instant().plusSeconds(30 * 86400L),
                NOW.instant())).size();
    }

    /** Writes entities as JSON with the provider the runtime uses. */
    private static final class JsonOnly implements Providers {

        @Override
        @SuppressWarnings("unchecked")
        public <T> MessageBodyWriter<T> getMessageBodyWriter(Class<T> type, Type genericType,
                                                             Annotation[] annotations, MediaType mediaType) {
            return (MessageBodyWriter<T>) new JacksonJsonProvider();
        }

        @Override
        public <T> MessageBodyReader<T> getMessageBodyReader(Class<T> type, Type genericType,
                                                             Annotation[] annotations, MediaType mediaType) {
            return null;
        }

        @Override
        public <T extends Throwable> ExceptionMapper<T> getExceptionMapper(Class<T> type) {
            return null;
        }

        @Override
        public <T> ContextResolver<T> getContextResolver(Class<T> contextType, MediaType mediaType) {
            return null;
        }
    }

    private static String newKey() {
        return "key-" + UUID.randomUUID();
    }

    private HttpResponse<String> post(String path, String body, String key) throws Exception {
        HttpRequest.Builder request = api.request("POST", path, body);
        if (key != null) {
            request.header(Idempotency.HEADER, key);
        }
        return ApiServer.send(request);
    }
}
