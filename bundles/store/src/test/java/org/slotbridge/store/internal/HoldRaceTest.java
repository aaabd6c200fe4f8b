package org.slotbridge.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.slotbridge.api.ConflictException;
import org.slotbridge.api.Hold;
import org.slotbridge.api.NewClientPolicy;
import org.slotbridge.api.Opening;
import org.slotbridge.store.HoldUnits;
import org.slotbridge.store.Store;

/**
 * Many threads take holds at once on openings that overlap in every way: same provider, same room,
 * shifted starts. The database alone must keep them apart, also while lapsed holds are cleared out
 * of the way and kept ones must stay.
 */
class HoldRaceTest {

    private static final int THREADS = 16;
    private static final int ATTEMPTS_PER_ROUND = 25;
    private static final String SLUG = Fixtures.SLUG;
    private static final Instant DAY = Instant.parse("2026-03-03T14:00:00Z");
    private static final Instant FIRST = Instant.parse("2026-03-02T12:00:00Z");
    private static final Duration LIFE = Duration.ofMinutes(10);

    @Test
    void noTwoLiveHoldsEverShareTimeOnAResource() throws Exception {
        Store store = TestDatabase.clean().store();
        Fixtures.setUp(store, SLUG, NewClientPolicy.WELCOME);

        // round one: every hold taken is live at once
        Round first = race(store, FIRST, 1);
        assertApart(first.taken, "round one");
        assertTrue(first.refused > 10, "the openings must really collide: " + first.refused + " refused");

        // a request keeps every other hold; the rest lapse
        List<Hold> kept = new ArrayList<>();
        for (int i = 0; i < first.taken.size(); i += 2) {
            Hold hold = first.taken.get(i);
            boolean keeps = store.call(s -> s.holds().keep(SLUG, hold.id(), "request-" + hold.id(), FIRST));
            assertTrue(keeps);
            kept.add(hold);
        }

        // round two, after the others lapsed: they are cleared away, the kept ones stand
        Instant second = FIRST.plus(LIFE).plusSeconds(1);
        Round next = race(store, second, 2);
        List<Hold> standing = new ArrayList<>(kept);
        standing.addAll(next.taken);
        assertApart(standing, "round two with the kept holds");
        assertTrue(next.taken.size() > 0, "lapsed holds must free their time");

        List<Hold> live = store.call(s -> s.holds().live(SLUG, DAY.minusSeconds(86400), DAY.plusSeconds(86400),
                second));
        assertEquals(ids(standing), ids(live));
    }

    private static Round race(Store store, Instant now, int seed) throws Exception {
        ConcurrentLinkedQueue<Hold> taken = new ConcurrentLinkedQueue<>();
        AtomicInteger refused = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                Random random = new Random(seed * 100L + t);
                runs.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < ATTEMPTS_PER_ROUND; i++) {
                        Opening opening = randomOpening(random);
                        try {
                            taken.add(store.call(s -> s.holds().take(SLUG, opening, now.plus(LIFE), now)));
                        } catch (ConflictException e) {
                            refused.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> run : runs) {
                run.get(5, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(THREADS * ATTEMPTS_PER_ROUND, taken.size() + refused.get());
        return new Round(new ArrayList<>(taken), refused.get());
    }

    /** Two providers, two rooms or none, starts every 5 minutes within two hours, 30 or 60 minutes. */
    private static Opening randomOpening(Random random) {
        String provider = random.nextBoolean() ? "SMITH" : "JONES";
        int roomChoice = random.nextInt(3);
        String room = roomChoice == 0 ? null : roomChoice == 1 ? "OP1" : "OP2";
        Instant start = DAY.plusSeconds(300L * random.nextInt(24));
        int minutes = room == null ? 30 : 60;
        return new Opening(room == null ? "consult" : "checkup", provider, room, start,
                start.plusSeconds(minutes * 60L));
    }

    private static void assertApart(List<Hold> holds, String what) {
        for (int i = 0; i < holds.size(); i++) {
            for (int j = i + 1; j < holds.size(); j++) {
                assertFalse(shareAResource(holds.get(i).opening(), holds.get(j).opening()),
                        what + ": " + holds.get(i) + " and " + holds.get(j) + " overlap");
            }
        }
    }

    private static boolean shareAResource(Opening a, Opening b) {
        boolean sameResource = a.providerId().equals(b.providerId())
                || a.roomId() != null && a.roomId().equals(b.roomId());
        return sameResource && HoldUnits.floor(a.start()).isBefore(HoldUnits.ceil(b.end()))
                && HoldUnits.floor(b.start()).isBefore(HoldUnits.ceil(a.end()));
    }

    private static Set<String> ids(List<Hold> holds) {
        Set<String> ids = new HashSet<>();
        holds.forEach(h -> ids.add(h.id()));
        return ids;
    }

    private record Round(List<Hold> taken, int refused) {
    }
}
