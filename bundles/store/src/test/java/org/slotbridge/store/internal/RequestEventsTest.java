package org.slotbridge.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slotbridge.api.Client;
import org.slotbridge.api.InvalidInputException;
import org.slotbridge.api.NewClientPolicy;
import org.slotbridge.api.Opening;
import org.slotbridge.api.PatientKind;
import org.slotbridge.api.Request;
import org.slotbridge.api.RequestStatus;
import org.slotbridge.api.service.RequestEvents.Event;
import org.slotbridge.store.NewRequest;
import org.slotbridge.store.Store;

/** The outbox of request changes: each change read back as it was, oldest first, until delivered. */
class RequestEventsTest {

    private static final String SLUG = Fixtures.SLUG;
    private static final Instant T0 = Instant.parse("2026-03-02T14:00:00Z");

    private Store store;
    private Client client;

    @BeforeEach
    void setUp() {
        store = TestDatabase.clean().store();
        Fixtures.setUp(store, SLUG, NewClientPolicy.WELCOME);
        store.run(s -> s.practices().save(Fixtures.practice("other", NewClientPolicy.WELCOME)));
        client = store.call(s -> s.clients().create(SLUG, "Mia Park", "mia@example.org", null, "hash"));
    }

    @Test
    void eachChangeIsReadBackAsItLeftTheRequestInTheOrderMade() {
        Request sent = create(opening("SMITH", T0));
        Opening moved = opening("JONES", T0.plusSeconds(3600));
        Request confirmed = store.call(s -> s.requests().change(SLUG, sent.id(), r -> new Request(r.id(),
                r.practiceSlug(), moved, r.holdId(), RequestStatus.CONFIRMED, r.client(), r.patient(), r.newClient(),
                r.memo(), "see you then", r.createdAt(), T0)));
        store.run(s -> s.requestEvents().record(confirmed, T0.plusSeconds(5)));

        List<Event> events = store.call(s -> s.requestEvents().undelivered(SLUG, 10));

        assertEquals(2, events.size());
        assertTrue(events.get(0).id() < events.get(1).id());
        Request first = events.get(0).request();
        assertEquals(RequestStatus.PENDING, first.status());
        assertEquals(sent.opening(), first.opening());
        assertNull(first.staffNote());
        assertNull(first.decidedAt());
        assertEquals(T0, events.get(0).recordedAt());
        Request second = events.get(1).request();
        assertEquals(RequestStatus.CONFIRMED, second.status());
        assertEquals(moved, second.opening());
        assertEquals("see you then", second.staffNote());
        assertEquals(T0, second.decidedAt());
        assertEquals(T0.plusSeconds(5), events.get(1).recordedAt());
        // what no change alters comes from the request
        assertEquals(client.id(), first.client().id());
        assertEquals("Mia Park", second.patient().name());
        assertEquals("bring x-rays", second.memo());
        assertEquals(List.of(), store.call(s -> s.requestEvents().undelivered("other", 10)));
    }

    @Test
    void aDeliveredEventIsNotReadAgainAndIsMarkedOnlyOnce() {
        create(opening("SMITH", T0));
        create(opening("JONES", T0));
        create(opening("SMITH", T0.plusSeconds(7200)));
        List<Event> two = store.call(s -> s.requestEvents().undelivered(SLUG, 2));
        assertEquals(2, two.size(), "at most the limit");
        long first = two.get(0).id();

        assertFalse(delivered("other", first, T0), "another practice's");
        assertTrue(delivered(SLUG, first, T0));
        assertFalse(delivered(SLUG, first, T0), "marked already");
        assertFalse(delivered(SLUG, Long.MAX_VALUE, T0), "unknown");

        List<Event> left = store.call(s -> s.requestEvents().undelivered(SLUG, 10));
        assertEquals(2, left.size());
        assertEquals(two.get(1).id(), left.get(0).id());
    }

    @Test
    void theSweepDeletesDeliveredEventsAfterADayAndUndeliveredOnesAfterAMonth() {
        create(opening("SMITH", T0));
        create(opening("JONES", T0));
        create(opening("SMITH", T0.plusSeconds(7200)));
        List<Event> events = store.call(s -> s.requestEvents().undelivered(SLUG, 10));
        store.run(s -> s.requestEvents().delivered(SLUG, events.get(0).id(), T0));
        store.run(s -> s.requestEvents().delivered(SLUG, events.get(1).id(), T0.plus(Duration.ofHours(12))));

        Instant dayAfter = T0.plus(Duration.ofDays(1));
        assertEquals(1, sweep(dayAfter));
        assertEquals(0, sweep(dayAfter), "a second sweep finds nothing");
        assertEquals(1, sweep(T0.plus(Duration.ofDays(2))));
        Instant month = T0.plus(Duration.ofDays(30));
        assertEquals(1, store.call(s -> s.requestEvents().undelivered(SLUG, 10)).size());
        assertEquals(0, sweep(month.minusMillis(1)));
        assertEquals(1, sweep(month));
        assertEquals(List.of(), store.call(s -> s.requestEvents().undelivered(SLUG, 10)));
    }

    @Test
    void theServiceReadsAndMarksInTransactionsOfItsOwnAndRefusesALimitOutOfRange() {
        create(opening("SMITH", T0));
        RequestEventsService events = new RequestEventsService(store, Clock.fixed(T0, ZoneOffset.UTC));

        assertThrows(InvalidInputException.class, () -> events.undelivered(SLUG, 0));
        assertThrows(InvalidInputException.class, () -> events.undelivered(SLUG, RequestEventsService.AT_MOST + 1));
        Event only = events.undelivered(SLUG, 10).get(0);
        assertTrue(events.delivered(SLUG, only.id()));
        assertEquals(List.of(), events.undelivered(SLUG, 10));
    }

    private boolean delivered(String slug, long eventId, Instant now) {
        return store.<Boolean>call(s -> s.requestEvents().delivered(slug, eventId, now));
    }

    private int sweep(Instant now) {
        return store.<Integer>call(s -> s.requestEvents().sweep(now, 10));
    }

    /** A request as booking makes one: with its first event in the same transaction. */
    private Request create(Opening opening) {
        return store.call(s -> {
            String hold = s.holds().take(SLUG, opening, T0.plusSeconds(600), T0.minusSeconds(3600)).id();
            Request request = s.requests().create(SLUG, new NewRequest(opening, hold, client.id(), true, null,
                    "Mia Park", PatientKind.SELF, "bring x-rays", T0.minusSeconds(60)));
            s.holds().keep(SLUG, hold, request.id(), T0.minusSeconds(3600));
            s.requestEvents().record(request, T0);
            return request;
        });
    }

    private static Opening opening(String provider, Instant start) {
        return new Opening("consult", provider, null, start, start.plusSeconds(1800));
    }
}
