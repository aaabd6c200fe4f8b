package org.slotbridge.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slotbridge.api.ConflictException;
import org.slotbridge.api.Hold;
import org.slotbridge.api.NewClientPolicy;
import org.slotbridge.api.Opening;
import org.slotbridge.store.HoldUnits;
import org.slotbridge.store.Store;
import org.slotbridge.store.StoreSession;

class HoldRepositoryTest {

    private static final String SLUG = Fixtures.SLUG;
    private static final Instant NOW = Instant.parse("2026-03-02T12:00:00Z");
    private static final Instant NINE = Instant.parse("2026-03-03T14:00:00Z");

    private Store store;

    @BeforeEach
    void setUp() {
        store = TestDatabase.clean().store();
        Fixtures.setUp(store, SLUG, NewClientPolicy.WELCOME);
    }

    @Test
    void ofTwoOverlappingHoldsExactlyOneWins() {
        Hold first = take(opening("SMITH", "OP1", NINE, 60), NOW.plusSeconds(600));
        ConflictException taken = assertThrows(ConflictException.class,
                () -> take(opening("SMITH", "OP2", NINE.plusSeconds(1800), 60), NOW.plusSeconds(600)));
        assertEquals(ConflictException.OPENING_TAKEN, taken.code());
        assertEquals(List.of(first), live(NOW));
    }

    @Test
    void aSharedRoomConflictsAcrossProviders() {
        take(opening("SMITH", "OP1", NINE, 60), NOW.plusSeconds(600));
        assertThrows(ConflictException.class, () -> take(opening("JONES", "OP1", NINE, 60), NOW.plusSeconds(600)));
        take(opening("JONES", "OP2", NINE, 60), NOW.plusSeconds(600));
        assertEquals(2, live(NOW).size());
    }

    @Test
    void backToBackHoldsBothStand() {
        take(opening("SMITH", "OP1", NINE, 60), NOW.plusSeconds(600));
        take(opening("SMITH", "OP1", NINE.plusSeconds(3600), 60), NOW.plusSeconds(600));
        take(opening("SMITH", null, NINE.minusSeconds(1800), 30), NOW.plusSeconds(600));
        assertEquals(3, live(NOW).size());
    }

    @Test
    void holdsMeetingInsideAUnitExcludeEachOther() {
        take(opening("SMITH", null, NINE, 32), NOW.plusSeconds(600));
        assertThrows(ConflictException.class,
                () -> take(opening("SMITH", null, NINE.plusSeconds(32 * 60), 28), NOW.plusSeconds(600)));
    }

    @Test
    void aLapsedHoldFreesItsTimeAndIsDeletedWhenInTheWay() {
        Hold lapsing = take(opening("SMITH", "OP1", NINE, 60), NOW.plusSeconds(600));
        Instant later = NOW.plusSeconds(601);
        assertEquals(List.of(), live(later), "a lapsed hold takes no time");

        Hold next = store.call(s -> s.holds().take(SLUG, opening("SMITH", "OP1", NINE, 60),
                later.plusSeconds(600), later));
        assertTrue(store.call(s -> s.holds().find(SLUG, lapsing.id())).isEmpty());
        assertEquals(List.of(next), live(later));
    }

    @Test
    void aKeptHoldNeverLapsesAndOnlyALiveHoldCanBeKept() {
        Hold hold = take(opening("SMITH", "OP1", NINE, 60), NOW.plusSeconds(600));
        assertFalse(yes(s -> s.holds().keep(SLUG, hold.id(), "r1", NOW.plusSeconds(700))), "lapsed");
        assertFalse(yes(s -> s.holds().keep("elsewhere", hold.id(), "r1", NOW)));
        assertTrue(yes(s -> s.holds().keep(SLUG, hold.id(), "r1", NOW)));
        assertFalse(yes(s -> s.holds().keep(SLUG, hold.id(), "r2", NOW)), "already kept");
        assertNull(store.call(s -> s.holds().find(SLUG, hold.id())).orElseThrow().expiresAt());

        Instant muchLater = NOW.plus(Duration.ofHours(5));
        assertEquals(1, live(muchLater).size());
        assertThrows(ConflictException.class, () -> store.call(s -> s.holds().take(SLUG,
                opening("SMITH", "OP1", NINE, 60), muchLater.plusSeconds(600), muchLater)));
    }

    @Test
    void releasingFreesTheTime() {
        Hold hold = take(opening("SMITH", "OP1", NINE, 60), NOW.plusSeconds(600));
        assertTrue(yes(s -> s.holds().release(SLUG, hold.id())));
        assertFalse(yes(s -> s.holds().release(SLUG, hold.id())));
        take(opening("SMITH", "OP1", NINE, 60), NOW.plusSeconds(600));

        Hold proposed = store.call(s -> s.holds().takeFor(SLUG, "r1", opening("JONES", "OP2", NINE, 60), NOW));
        assertNull(proposed.expiresAt());
        assertEquals(1, count(s -> s.holds().releaseFor(SLUG, "r1")));
        take(opening("JONES", "OP2", NINE, 60), NOW.plusSeconds(600));
    }

    @Test
    void releasingUnkeptLeavesKeptAndLapsedHolds() {
        Hold bare = take(opening("SMITH", "OP1", NINE, 60), NOW.plusSeconds(600));
        Hold kept = take(opening("JONES", "OP2", NINE, 60), NOW.plusSeconds(600));
        store.run(s -> s.holds().keep(SLUG, kept.id(), "r1", NOW));

        assertFalse(yes(s -> s.holds().releaseUnkept(SLUG, kept.id(), NOW)), "kept");
        assertFalse(yes(s -> s.holds().releaseUnkept("elsewhere", bare.id(), NOW)));
        assertFalse(yes(s -> s.holds().releaseUnkept(SLUG, bare.id(), NOW.plusSeconds(600))), "lapsed");
        assertTrue(yes(s -> s.holds().releaseUnkept(SLUG, bare.id(), NOW)));
        assertTrue(store.call(s -> s.holds().find(SLUG, bare.id())).isEmpty());
        assertEquals(List.of(kept.id()), live(NOW).stream().map(Hold::id).toList());
        take(opening("SMITH", "OP1", NINE, 60), NOW.plusSeconds(600));
    }

    @Test
    void sweepDeletesLapsedAndPastHoldsOnly() {
        take(opening("SMITH", "OP1", NINE, 60), NOW.plusSeconds(600));
        Hold kept = take(opening("JONES", "OP2", NINE, 60), NOW.plusSeconds(600));
        store.run(s -> s.holds().keep(SLUG, kept.id(), "r1", NOW));
        Hold live = take(opening("SMITH", "OP1", NINE.plusSeconds(7200), 60), NOW.plusSeconds(1200));

        assertEquals(1, count(s -> s.holds().sweep(NOW.plusSeconds(900))));
        assertEquals(2, live(NOW).size());
        assertEquals(2, count(s -> s.holds().sweep(NINE.plusSeconds(3 * 3600))), "past holds go too");
        assertTrue(store.call(s -> s.holds().find(SLUG, live.id())).isEmpty());
    }

    @Test
    void liveOnFindsTheHoldsOnTheProviderOrTheRoomsOnly() {
        Hold smith = take(opening("SMITH", null, NINE, 60), NOW.plusSeconds(600));
        Hold roomOfJones = take(opening("JONES", "OP1", NINE, 60), NOW.plusSeconds(600));
        take(opening("JONES", "OP2", NINE.plusSeconds(3600), 60), NOW.plusSeconds(600));
        Hold lapsing = take(opening("SMITH", null, NINE.plusSeconds(7200), 30), NOW.plusSeconds(60));
        String keptId = take(opening("SMITH", "OP2", NINE.plusSeconds(3 * 3600), 30), NOW.plusSeconds(60)).id();
        store.run(s -> s.holds().keep(SLUG, keptId, "r1", NOW));
        Hold kept = store.call(s -> s.holds().find(SLUG, keptId)).orElseThrow();

        assertEquals(Set.of(smith, lapsing, kept), liveOn("SMITH", List.of(), NOW));
        assertEquals(Set.of(smith, roomOfJones, kept), liveOn("SMITH", List.of("OP1"), NOW.plusSeconds(120)));
        assertEquals(Set.of(roomOfJones), liveOn("NOBODY", List.of("OP1"), NOW));
        assertEquals(Set.copyOf(live(NOW)), liveOn("SMITH", List.of("OP1", "OP2"), NOW)); // every hold here
    }

    @Test
    void liveOnTakesTheHoldsThatOverlapTheWindowAndNoneThatOnlyTouchIt() {
        Instant from = NINE.plusSeconds(900);
        Instant to = NINE.plusSeconds(3900);
        take(opening("SMITH", null, from.minusSeconds(1800), 30), NOW.plusSeconds(600));
        Hold acrossTheStart = take(opening("JONES", "OP1", NINE, 60), NOW.plusSeconds(600));
        Hold beforeTheEnd = take(opening("SMITH", null, to.minusSeconds(1800), 30), NOW.plusSeconds(600));
        take(opening("SMITH", null, to, 30), NOW.plusSeconds(600));

        assertEquals(Set.of(acrossTheStart, beforeTheEnd),
                Set.copyOf(store.call(s -> s.holds().liveOn(SLUG, "SMITH", List.of("OP1"), from, to, NOW))));
        assertEquals(Set.copyOf(store.call(s -> s.holds().live(SLUG, from, to, NOW))),
                Set.copyOf(store.call(s -> s.holds().liveOn(SLUG, "SMITH", List.of("OP1"), from, to, NOW))));
    }

    @Test
    void unitsAreFiveMinutesOnTheEpoch() {
        Instant t = Instant.parse("2026-03-03T14:07:30Z");
        assertEquals(Instant.parse("2026-03-03T14:05:00Z"), HoldUnits.floor(t));
        assertEquals(Instant.parse("2026-03-03T14:10:00Z"), HoldUnits.ceil(t));
        assertEquals(NINE, HoldUnits.ceil(NINE));
    }

    private Hold take(Opening opening, Instant expiresAt) {
        return store.call(s -> s.holds().take(SLUG, opening, expiresAt, NOW));
    }

    private boolean yes(Function<StoreSession, Boolean> work) {
        return store.call(work);
    }

    private int count(Function<StoreSession, Integer> work) {
        return store.call(work);
    }

    private List<Hold> live(Instant now) {
        return store.call(s -> s.holds().live(SLUG, NINE.minusSeconds(86400), NINE.plusSeconds(86400), now));
    }

    private Set<Hold> liveOn(String provider, List<String> rooms, Instant now) {
        return Set.copyOf(store.call(s -> s.holds().liveOn(SLUG, provider, rooms, NINE.minusSeconds(86400),
                NINE.plusSeconds(86400), now)));
    }

    static Opening opening(String provider, String room, Instant start, int minutes) {
        return new Opening(room == null ? "consult" : "checkup", provider, room, start,
                start.plusSeconds(minutes * 60L));
    }
}
