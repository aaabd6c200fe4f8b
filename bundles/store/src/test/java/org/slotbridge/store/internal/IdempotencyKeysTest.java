package org.slotbridge.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slotbridge.api.ConflictException;
import org.slotbridge.api.InvalidInputException;
import org.slotbridge.api.service.IdempotencyKeys;
import org.slotbridge.api.service.IdempotencyKeys.Answer;
import org.slotbridge.api.service.IdempotencyKeys.Claim;
import org.slotbridge.api.service.IdempotencyKeys.Outcome;
import org.slotbridge.store.IdempotencyRepository;
import org.slotbridge.store.Store;

/** Idempotency keys on the real store: claims, answers, repeats, expiry, and claims racing for one key. */
class IdempotencyKeysTest {

    private static final String SLUG = "riverside";
    private static final Instant NOW = Instant.parse("2026-03-02T12:00:00Z");
    private static final String PRINT = "a".repeat(64);
    private static final String OTHER_PRINT = "b".repeat(64);

    private Store store;
    private DataSource dataSource;

    @BeforeEach
    void emptyTable() throws SQLException {
        TestDatabase db = TestDatabase.clean();
        store = db.store();
        dataSource = db.dataSource();
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM idempotency_key");
        }
    }

    @Test
    void theFirstClaimWinsAndItsAnswerIsGivenToRepeats() {
        Claim first = claim("k-1", PRINT, NOW);
        assertEquals(Outcome.NEW, first.outcome());
        assertEquals(Outcome.IN_PROGRESS, claim("k-1", PRINT, NOW.plusSeconds(1)).outcome());

        Answer answer = new Answer(201, null, "{\"id\":\"h-1\"}");
        assertTrue(answered("k-1", first.token(), answer));

        Claim repeat = claim("k-1", PRINT, NOW.plusSeconds(2));
        assertEquals(Outcome.REPLAY, repeat.outcome());
        assertEquals(answer, repeat.answer());
        assertNull(repeat.answer().location());
        assertFalse(answered("k-1", first.token(), new Answer(400, null, "x")),
                "an answer is kept once");
        assertEquals(answer, claim("k-1", PRINT, NOW.plusSeconds(3)).answer());
    }

    @Test
    void aKeyUsedForAnotherSubmissionIsAMismatchEvenWhileAtWork() {
        Claim first = claim("k-2", PRINT, NOW);
        assertEquals(Outcome.MISMATCH, claim("k-2", OTHER_PRINT, NOW).outcome());
        store.run(s -> s.idempotency().answer(SLUG, "k-2", first.token(), new Answer(303, "/p/x/done", null)));
        assertEquals(Outcome.MISMATCH, claim("k-2", OTHER_PRINT, NOW.plusSeconds(5)).outcome());
    }

    @Test
    void keysAreScopedByPractice() {
        assertEquals(Outcome.NEW, claim("k-3", PRINT, NOW).outcome());
        Claim elsewhere = store.call(s -> s.idempotency().claim("hillside", "k-3", OTHER_PRINT, NOW));
        assertEquals(Outcome.NEW, elsewhere.outcome());
    }

    @Test
    void aReleasedClaimLetsTheNextArrivalWorkAgain() {
        Claim first = claim("k-4", PRINT, NOW);
        assertTrue(released("k-4", first.token()));
        Claim again = claim("k-4", OTHER_PRINT, NOW.plusSeconds(1));
        assertEquals(Outcome.NEW, again.outcome());
        assertFalse(released("k-4", first.token()),
                "the old claim cannot release the new one");
    }

    @Test
    void aKeyCountsForADayAndIsThenFreeAgain() {
        Claim first = claim("k-5", PRINT, NOW);
        store.run(s -> s.idempotency().answer(SLUG, "k-5", first.token(), new Answer(201, null, "{}")));
        Instant lastMoment = NOW.plus(IdempotencyRepository.KEPT).minusMillis(1);
        assertEquals(Outcome.MISMATCH, claim("k-5", OTHER_PRINT, lastMoment).outcome());

        Claim later = claim("k-5", OTHER_PRINT, NOW.plus(IdempotencyRepository.KEPT));
        assertEquals(Outcome.NEW, later.outcome());
        assertEquals(Outcome.IN_PROGRESS, claim("k-5", OTHER_PRINT, NOW.plus(IdempotencyRepository.KEPT)
                .plusSeconds(1)).outcome());

        Claim old = claim("k-6", PRINT, NOW);
        int swept = store.call(s -> s.idempotency().sweep(NOW.plus(IdempotencyRepository.KEPT).plusSeconds(10), 100));
        assertEquals(1, swept, "only the key claimed a day before goes");
        assertEquals(Outcome.NEW, claim("k-6", PRINT, NOW.plus(IdempotencyRepository.KEPT).plusSeconds(11))
                .outcome());
        assertFalse(answered("k-6", old.token(), new Answer(201, null, "{}")));
    }

    @Test
    void theSweepDeletesOnlyExpiredKeysOldestFirstAtMostABatchAtATime() {
        for (int i = 0; i < 7; i++) {
            String key = "old-" + i;
            Claim claim = claim(key, PRINT, NOW.plusSeconds(i));
            if (i % 2 == 0) {
                assertTrue(answered(key, claim.token(), new Answer(201, null, "{}")));
            }
        }
        claim("young", PRINT, NOW.plusSeconds(3600));
        Instant sweptAt = NOW.plus(IdempotencyRepository.KEPT).plusSeconds(60);

        assertEquals(3, sweep(sweptAt, 3));
        assertEquals(List.of("old-3", "old-4", "old-5", "old-6", "young"), keys(), "the oldest go first");
        assertEquals(3, sweep(sweptAt, 3));
        assertEquals(1, sweep(sweptAt, 3));
        assertEquals(0, sweep(sweptAt, 3));
        assertEquals(List.of("young"), keys(), "a key younger than a day stays");
        assertThrows(IllegalArgumentException.class, () -> sweep(sweptAt, 0));
    }

    @Test
    void anAbandonedClaimIsTakenOverAndCanNoLongerAnswer() {
        Claim first = claim("k-7", PRINT, NOW);
        Instant stillAtWork = NOW.plus(IdempotencyRepository.ABANDONED).minusMillis(1);
        assertEquals(Outcome.IN_PROGRESS, claim("k-7", PRINT, stillAtWork).outcome());

        Claim takeover = claim("k-7", PRINT, NOW.plus(IdempotencyRepository.ABANDONED));
        assertEquals(Outcome.NEW, takeover.outcome());
        assertFalse(answered("k-7", first.token(), new Answer(201, null, "{}")));
        assertTrue(answered("k-7", takeover.token(), new Answer(201, null, "{\"n\":2}")));
        assertEquals("{\"n\":2}", claim("k-7", PRINT, NOW.plus(IdempotencyRepository.ABANDONED).plusSeconds(1))
                .answer().body());
    }

    @Test
    void theServiceRefusesKeysOfNoOrTooManyCharactersAndAnswersTooLongToKeep() {
        IdempotencyKeys keys = new IdempotencyKeysService(store, Clock.fixed(NOW, ZoneOffset.UTC));
        assertThrows(InvalidInputException.class, () -> keys.claim(SLUG, "", PRINT));
        assertThrows(InvalidInputException.class, () -> keys.claim(SLUG, "k".repeat(256), PRINT));
        assertEquals(Outcome.NEW, keys.claim(SLUG, "k".repeat(255), PRINT).outcome());

        Claim claim = keys.claim(SLUG, "k-8", PRINT);
        String huge = "x".repeat(IdempotencyKeysService.BODY_MAX + 1);
        assertFalse(keys.answer(SLUG, "k-8", claim.token(), new Answer(201, null, huge)));
        assertEquals(Outcome.NEW, keys.claim(SLUG, "k-8", PRINT).outcome(),
                "an answer not kept leaves the key free, as after a failure");
    }

    /** Threads claiming the same keys at the same moment: for each key exactly one wins. */
    @Test
    void ofManyThreadsClaimingOneKeyExactlyOneWins() throws Exception {
        int threads = 12;
        int keys = 15;
        IdempotencyKeys service = new IdempotencyKeysService(store, Clock.fixed(NOW, ZoneOffset.UTC));
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            for (int k = 0; k < keys; k++) {
                String key = "race-" + k;
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Outcome>> runs = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    runs.add(pool.submit(() -> {
                        start.await();
                        try {
                            return service.claim(SLUG, key, PRINT).outcome();
                        } catch (ConflictException e) {
                            assertTrue(e.code().equals("request_in_progress") || e.code().equals("busy"), e.code());
                            return Outcome.IN_PROGRESS;
                        }
                    }));
                }
                start.countDown();
                int won = 0;
                for (Future<Outcome> run : runs) {
                    Outcome outcome = run.get(2, TimeUnit.MINUTES);
                    assertTrue(outcome == Outcome.NEW || outcome == Outcome.IN_PROGRESS, key + ": " + outcome);
                    won += outcome == Outcome.NEW ? 1 : 0;
                }
                assertEquals(1, won, key + " was won by " + won + " claims");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private boolean answered(String key, long token, Answer answer) {
        return store.call(s -> s.idempotency().answer(SLUG, key, token, answer));
    }

    private boolean released(String key, long token) {
        return store.call(s -> s.idempotency().release(SLUG, key, token));
    }

    private int sweep(Instant now, int atMost) {
        return store.call(s -> s.idempotency().sweep(now, atMost));
    }

    /** The keys stored, in order. */
    private List<String> keys() {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT idem_key FROM idempotency_key ORDER BY idem_key")) {
            List<String> keys = new ArrayList<>();
            while (rs.next()) {
                keys.add(rs.getString(1));
            }
            return keys;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private Claim claim(String key, String fingerprint, Instant now) {
        return store.call(s -> s.idempotency().claim(SLUG, key, fingerprint, now));
    }
}
