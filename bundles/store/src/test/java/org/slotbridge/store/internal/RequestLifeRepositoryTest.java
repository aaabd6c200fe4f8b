package org.slotbridge.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slotbridge.api.Client;
import org.slotbridge.api.NewClientPolicy;
import org.slotbridge.api.NotFoundException;
import org.slotbridge.api.Opening;
import org.slotbridge.api.PatientKind;
import org.slotbridge.api.Request;
import org.slotbridge.api.RequestStatus;
import org.slotbridge.store.NewRequest;
import org.slotbridge.store.Store;

/** What the store keeps of a request's life besides its status: token hash, answer-by time, alternatives. */
class RequestLifeRepositoryTest {

    private static final String SLUG = Fixtures.SLUG;
    private static final Instant T0 = Instant.parse("2026-03-02T14:00:00Z");

    private Store store;
    private Client client;
    private int made;

    @BeforeEach
    void setUp() {
        store = TestDatabase.clean().store();
        Fixtures.setUp(store, SLUG, NewClientPolicy.WELCOME);
        store.run(s -> s.practices().save(Fixtures.practice("other", NewClientPolicy.WELCOME)));
        client = store.call(s -> s.clients().create(SLUG, "Mia Park", "mia@example.org", null, "hash"));
    }

    @Test
    void openRequestsOverlappingATimeAreFoundOnlyWhileOpen() {
        Request nine = create(opening("SMITH", T0, 30));
        Request ten = create(opening("JONES", T0.plusSeconds(3600), 30));

        assertEquals(List.of(nine), store.call(s -> s.requests().openOverlapping(SLUG, T0.plusSeconds(1500),
                T0.plusSeconds(3600))), "touching at the end is no overlap");
        assertEquals(List.of(nine, ten), store.call(s -> s.requests().openOverlapping(SLUG, T0.minusSeconds(60),
                T0.plusSeconds(3660))));
        assertEquals(List.of(), store.call(s -> s.requests().openOverlapping("other", T0, T0.plusSeconds(7200))));

        decide(nine, RequestStatus.CONFIRMED);
        assertEquals(List.of(ten), store.call(s -> s.requests().openOverlapping(SLUG, T0, T0.plusSeconds(7200))));
    }

    @Test
    void dueRequestsAreThoseWhoseTimeCameOrWhoseProposalWentUnanswered() {
        Request early = create(opening("SMITH", T0, 30));
        Request later = create(opening("JONES", T0.plusSeconds(86_400), 30));
        Request proposed = decide(create(opening("JONES", T0.plusSeconds(2 * 86_400), 30)), RequestStatus.PROPOSED);
        store.run(s -> s.requests().setAnswerBy(SLUG, proposed.id(), T0.plusSeconds(7200)));
        // an answer-by time on a pending request means nothing
        store.run(s -> s.requests().setAnswerBy(SLUG, later.id(), T0.plusSeconds(60)));

        assertEquals(List.of(), due(T0.minusSeconds(1), 10));
        assertEquals(List.of(early.id()), due(T0, 10));
        assertEquals(List.of(early.id(), proposed.id()), due(T0.plusSeconds(7200), 10));
        assertEquals(List.of(early.id()), due(T0.plusSeconds(7200), 1), "at most the limit");
        assertEquals(Optional.of(T0.plusSeconds(7200)), store.call(s -> s.requests().answerBy(SLUG, proposed.id())));
        assertEquals(T0.plusSeconds(7200), store.call(s -> s.requests().find(SLUG, proposed.id())).orElseThrow()
                .answerBy(), "a proposal is read with its answer-by time");
        assertNull(store.call(s -> s.requests().find(SLUG, later.id())).orElseThrow().answerBy(),
                "a pending request awaits no answer");

        decide(early, RequestStatus.EXPIRED);
        assertEquals(List.of(proposed.id()), due(T0.plusSeconds(7200), 10));
    }

    @Test
    void aConflictedRequestIsDueWhenItsLostTimeCame() {
        Request lost = decide(create(opening("SMITH", T0, 30)), RequestStatus.CONFLICTED);
        Request confirmed = decide(create(opening("JONES", T0, 30)), RequestStatus.CONFIRMED);

        assertEquals(List.of(), due(T0.minusSeconds(1), 10));
        assertEquals(List.of(lost.id()), due(T0, 10), "not the confirmed one: " + confirmed.id());
    }

    @Test
    void everyTokenHashOfARequestIsKeptWithItAndNoOther() {
        Request request = create(opening("SMITH", T0, 30));
        Request other = create(opening("JONES", T0, 30));
        assertEquals(List.of(), store.call(s -> s.requests().clientTokenHashes(SLUG, request.id())));
        store.run(s -> s.requests().setClientTokenHash(SLUG, request.id(), "ab".repeat(32)));
        store.run(s -> s.requests().addClientTokenHash(SLUG, request.id(), "cd".repeat(32), T0));
        store.run(s -> s.requests().addClientTokenHash(SLUG, request.id(), "01".repeat(32), T0.plusSeconds(1)));
        store.run(s -> s.requests().addClientTokenHash(SLUG, other.id(), "ef".repeat(32), T0));

        assertEquals(List.of("ab".repeat(32), "cd".repeat(32), "01".repeat(32)),
                store.call(s -> s.requests().clientTokenHashes(SLUG, request.id())), "the first, then in order");
        assertEquals(List.of("ef".repeat(32)), store.call(s -> s.requests().clientTokenHashes(SLUG, other.id())));
        assertEquals(List.of(), store.call(s -> s.requests().clientTokenHashes("other", request.id())));
        assertThrows(NotFoundException.class, () -> store.run(s -> s.requests().addClientTokenHash("other",
                request.id(), "99".repeat(32), T0)), "a request of another practice takes no token");
        assertThrows(NotFoundException.class, () -> store.run(s -> s.requests().addClientTokenHash(SLUG, "nope",
                "98".repeat(32), T0)));
    }

    @Test
    void tokenHashesAndAlternativesAreKeptPerRequestAndPractice() {
        Request request = create(opening("SMITH", T0, 30));
        assertEquals(Optional.empty(), store.call(s -> s.requests().clientTokenHash(SLUG, request.id())));
        store.run(s -> s.requests().setClientTokenHash(SLUG, request.id(), "ab".repeat(32)));
        assertEquals(Optional.of("ab".repeat(32)), store.call(s -> s.requests().clientTokenHash(SLUG, request.id())));
        assertEquals(Optional.empty(), store.call(s -> s.requests().clientTokenHash("other", request.id())));
        assertThrows(NotFoundException.class,
                () -> store.run(s -> s.requests().setClientTokenHash("other", request.id(), "cd".repeat(32))));

        List<Opening> offered = List.of(opening("SMITH", T0.plusSeconds(3600), 30),
                opening("JONES", T0.minusSeconds(1800), 30), opening("SMITH", T0.plusSeconds(7200), 30));
        store.run(s -> s.requests().setAlternatives(SLUG, request.id(), offered));
        assertEquals(offered, store.call(s -> s.requests().alternatives(SLUG, request.id())), "in the order given");
        assertEquals(List.of(), store.call(s -> s.requests().alternatives("other", request.id())));
        store.run(s -> s.requests().setAlternatives(SLUG, request.id(), offered.subList(1, 2)));
        assertEquals(offered.subList(1, 2), store.call(s -> s.requests().alternatives(SLUG, request.id())));
        store.run(s -> s.requests().setAlternatives(SLUG, request.id(), List.of()));
        assertTrue(store.call(s -> s.requests().alternatives(SLUG, request.id())).isEmpty());
    }

    private List<String> due(Instant now, int limit) {
        return store.call(s -> s.requests().due(now, limit)).stream().map(Request::id).toList();
    }

    /** A pending request; each is sent a second after the one before, so that they list in that order. */
    private Request create(Opening opening) {
        Instant sent = T0.minusSeconds(3600 - made++);
        return store.call(s -> {
            String hold = s.holds().take(SLUG, opening, T0.plusSeconds(600), T0.minusSeconds(3600)).id();
            Request request = s.requests().create(SLUG, new NewRequest(opening, hold, client.id(), true, null,
                    "Mia Park", PatientKind.SELF, null, sent));
            s.holds().keep(SLUG, hold, request.id(), T0.minusSeconds(3600));
            return request;
        });
    }

    private Request decide(Request request, RequestStatus status) {
        return store.call(s -> s.requests().change(SLUG, request.id(), r -> new Request(r.id(), r.practiceSlug(),
                r.opening(), r.holdId(), status, r.client(), r.patient(), r.newClient(), r.memo(), null,
                r.createdAt(), T0)));
    }

    private static Opening opening(String provider, Instant start, int minutes) {
        return new Opening("consult", provider, null, start, start.plusSeconds(minutes * 60L));
    }
}
