package org.slotbridge.engine;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;
import org.slotbridge.api.Explanation;
import org.slotbridge.api.Opening;
import org.slotbridge.api.Preferences;
import org.slotbridge.api.Reason;

/**
 * Random practices in random zones, mostly on a change of offset, searched by the engine and by
 * {@link ReferenceFinder}: both must give the same answer to {@code find}, to {@code offers} for the
 * openings the reference finds and for near misses, and to {@code explain} (the opening offered, and
 * the obstacles the reference can tell apart). The engine's index is built change by change (with
 * adds undone by removes); the reference reads the final lists.
 *
 * <p>Each scenario comes from its own seed, named in every failure. {@code -Dslotbridge.engine.seed=N}
 * runs scenario N alone; {@code -Dslotbridge.engine.scenarios=N} sets how many each test runs.
 */
class OpeningFinderPropertyTest {

    private static final Long ONE_SEED = Long.getLong("slotbridge.engine.seed");
    private static final int FIND_SCENARIOS = Integer.getInteger("slotbridge.engine.scenarios", 4000);
    private static final int OFFERS_SCENARIOS = Integer.getInteger("slotbridge.engine.scenarios", 2000);
    /** Failures told in full; the seeds of the rest are listed. */
    private static final int TOLD = 3;

    private final OpeningFinder finder = new OpeningFinder();

    @Test
    void findAgreesWithTheReference() {
        run(1, FIND_SCENARIOS, this::checkFind);
    }

    @Test
    void offersAndExplainAgreeWithTheReference() {
        run(1_000_001, OFFERS_SCENARIOS, this::checkOffersAndExplain);
    }

    /** Compares one search; true when the answer holds openings. */
    private boolean checkFind(GeneratedPractice g) {
        List<Opening> expected = g.reference().find(g.reasonId(), g.preferences(), g.now());
        List<Opening> actual = finder.find(g.schedule(), g.reasonId(), g.preferences(), g.now());
        if (!expected.equals(actual)) {
            throw new AssertionError("find differs from the reference\n" + g + "\n  "
                    + difference(g, expected, actual));
        }
        return !expected.isEmpty();
    }

    /**
     * Every opening the reference finds for the dates before any cap, and near misses around them: other
     * starts, rooms, providers, reasons and ends.
     */
    private boolean checkOffersAndExplain(GeneratedPractice g) {
        Schedule schedule = g.schedule();
        ReferenceFinder reference = g.reference();
        Random random = new Random(g.seed() * 7919 + 17);
        Preferences dates = new Preferences(g.preferences().from(), g.preferences().to(), Set.of(), List.of(), null);
        List<Opening> found = reference.uncapped(g.reasonId(), dates, g.now());
        List<Opening> candidates = new ArrayList<>(found);
        Reason reason = g.config().reason(g.reasonId());
        for (int i = 0; i < 25; i++) {
            Opening base = found.isEmpty() || random.nextInt(4) == 0 ? madeUp(g, reason, random)
                    : found.get(random.nextInt(found.size()));
            candidates.add(nearMiss(g, reason, base, random));
        }
        for (Opening candidate : candidates) {
            checkOffers(g, schedule, reference, candidate);
            checkExplain(g, schedule, reference, candidate);
        }
        return !found.isEmpty();
    }

    private void checkOffers(GeneratedPractice g, Schedule schedule, ReferenceFinder reference, Opening candidate) {
        boolean expected = reference.offers(candidate, g.now());
        boolean actual = finder.offers(schedule, candidate, g.now());
        if (expected != actual) {
            throw new AssertionError("offers(" + describe(g, candidate) + ") is " + actual + ", the reference says "
                    + expected + "\n" + g);
        }
    }

    /**
     * The explanation offers the opening the reference finds at that start, or none; and it names each
     * obstacle the reference can tell from the date, provider and time alone exactly when it applies.
     */
    private void checkExplain(GeneratedPractice g, Schedule schedule, ReferenceFinder reference, Opening candidate) {
        String call = "explain(" + candidate.reasonId() + ", " + candidate.providerId() + ", "
                + g.local(candidate.start()) + ")";
        Opening expected = reference.openingAt(candidate.reasonId(), candidate.providerId(), candidate.start(),
                g.now());
        Explanation explanation = finder.explain(schedule, candidate.reasonId(), candidate.providerId(),
                candidate.start(), g.now());
        if (!Objects.equals(expected, explanation.opening())) {
            throw new AssertionError(call + " gives " + explanation + ", the reference offers "
                    + (expected == null ? "nothing" : describe(g, expected)) + "\n" + g);
        }
        if (explanation.offered() && !finder.offers(schedule, explanation.opening(), g.now())) {
            throw new AssertionError(call + " offers " + describe(g, explanation.opening())
                    + " but offers(...) refuses it\n" + g);
        }
        Set<String> named = new TreeSet<>();
        explanation.obstacles().forEach(o -> named.add(o.code()));
        named.retainAll(ReferenceFinder.PLAIN_CODES);
        if (candidate.start().getEpochSecond() % 60 != 0 || candidate.start().getNano() != 0) {
            named.removeAll(Set.of("reason_window", "off_grid"));
        }
        Set<String> plain = reference.plainObstacles(candidate.reasonId(), candidate.providerId(), candidate.start(),
                g.now());
        if (!named.equals(plain)) {
            throw new AssertionError(call + " names " + named + " of " + ReferenceFinder.PLAIN_CODES
                    + ", the reference " + plain + ": " + explanation.obstacles() + "\n" + g);
        }
    }

    /** An opening-shaped guess on one of the dates, which is seldom an opening. */
    private static Opening madeUp(GeneratedPractice g, Reason reason, Random random) {
        LocalDate date = g.preferences().from().plusDays(random.nextInt(3) - 1);
        int unit = g.config().rules().unitMinutes();
        int minute = random.nextInt(1440 / unit) * unit;
        Instant start = LocalDateTime.of(date, LocalTime.MIDNIGHT).plusMinutes(minute).atZone(g.zone())
                .toInstant();
        List<String> providers = g.config().providers().stream().map(p -> p.id()).toList();
        List<String> rooms = new ArrayList<>(new TreeSet<>(reason.roomIds()));
        return new Opening(reason.id(), providers.get(random.nextInt(providers.size())),
                rooms.isEmpty() ? null : rooms.get(random.nextInt(rooms.size())), start, start.plus(reason.duration()));
    }

    /** The opening changed in one way that may or may not keep it an opening. */
    private static Opening nearMiss(GeneratedPractice g, Reason reason, Opening o, Random random) {
        int unit = g.config().rules().unitMinutes();
        List<String> providers = new ArrayList<>(g.config().providers().stream().map(p -> p.id()).toList());
        providers.add("ghost");
        List<String> rooms = new ArrayList<>(g.config().rooms().stream().map(r -> r.id()).toList());
        rooms.add(null);
        switch (random.nextInt(9)) {
            case 0, 1, 2: {
                Duration shift = Duration.ofMinutes((long) unit * (random.nextInt(13) - 6));
                return new Opening(o.reasonId(), o.providerId(), o.roomId(), o.start().plus(shift),
                        o.end().plus(shift));
            }
            case 3: {
                Duration shift = Duration.ofMinutes(random.nextBoolean() ? 60 : -60).dividedBy(1 + random.nextInt(2));
                return new Opening(o.reasonId(), o.providerId(), o.roomId(), o.start().plus(shift),
                        o.end().plus(shift));
            }
            case 4:
                return new Opening(o.reasonId(), o.providerId(), o.roomId(), o.start().plusSeconds(1),
                        o.end().plusSeconds(1));
            case 5:
                return new Opening(o.reasonId(), o.providerId(), rooms.get(random.nextInt(rooms.size())), o.start(),
                        o.end());
            case 6:
                return new Opening(o.reasonId(), providers.get(random.nextInt(providers.size())), o.roomId(), o.start(),
                        o.end());
            case 7: {
                Duration longer = Duration.between(o.start(), o.end()).plusMinutes(unit);
                Duration shorter = Duration.between(o.start(), o.end()).minusMinutes(unit);
                Duration length = random.nextBoolean() || shorter.isZero() ? longer : shorter;
                return new Opening(o.reasonId(), o.providerId(), o.roomId(), o.start(), o.start().plus(length));
            }
            default: {
                String other = g.config().reasons().get(random.nextInt(g.config().reasons().size())).id();
                Reason otherReason = g.config().reason(other);
                return new Opening(other, o.providerId(), o.roomId(), o.start(),
                        o.start().plus(otherReason.duration()));
            }
        }
    }

    private static String describe(GeneratedPractice g, Opening o) {
        return o.reasonId() + ":" + o.providerId() + "/" + o.roomId() + " " + g.local(o.start()) + " - "
                + g.local(o.end());
    }

    private static String difference(GeneratedPractice g, List<Opening> expected, List<Opening> actual) {
        StringBuilder text = new StringBuilder();
        text.append("expected ").append(expected.size()).append(", engine gave ").append(actual.size());
        for (int i = 0; i < Math.max(expected.size(), actual.size()); i++) {
            Opening e = i < expected.size() ? expected.get(i) : null;
            Opening a = i < actual.size() ? actual.get(i) : null;
            if (!Objects.equals(e, a)) {
                text.append("\n  first difference at ").append(i).append(": expected ")
                        .append(e == null ? "nothing" : describe(g, e)).append(", engine ")
                        .append(a == null ? "nothing" : describe(g, a));
                break;
            }
        }
        List<Opening> missing = new ArrayList<>(expected);
        missing.removeAll(actual);
        List<Opening> extra = new ArrayList<>(actual);
        extra.removeAll(expected);
        missing.stream().limit(5).forEach(o -> text.append("\n  engine misses ").append(describe(g, o)));
        extra.stream().limit(5).forEach(o -> text.append("\n  engine adds ").append(describe(g, o)));
        return text.toString();
    }

    /**
     * Runs the check on each seed, and fails once at the end naming every failing seed. Also fails when
     * too few scenarios of a full run had openings to compare, which would make agreement say little.
     */
    private static void run(long firstSeed, int count, Predicate<GeneratedPractice> check) {
        List<Long> seeds = new ArrayList<>();
        if (ONE_SEED != null) {
            seeds.add(ONE_SEED);
        } else {
            for (long seed = firstSeed; seed < firstSeed + count; seed++) {
                seeds.add(seed);
            }
        }
        List<Long> failed = new ArrayList<>();
        StringBuilder told = new StringBuilder();
        int withOpenings = 0;
        for (long seed : seeds) {
            GeneratedPractice g = null;
            try {
                g = GeneratedPractices.generate(seed);
                if (check.test(g)) {
                    withOpenings++;
                }
            } catch (AssertionError | RuntimeException e) {
                failed.add(seed);
                if (failed.size() <= TOLD) {
                    told.append("\n\n").append(e instanceof AssertionError ? e.getMessage() : thrown(seed, g, e));
                }
            }
        }
        if (!failed.isEmpty()) {
            fail(failed.size() + " of " + seeds.size() + " scenarios disagree with the reference, seeds "
                    + (failed.size() > 50 ? failed.subList(0, 50) + "..." : failed) + told);
        }
        if (seeds.size() >= 500 && withOpenings * 5 < seeds.size()) {
            fail("only " + withOpenings + " of " + seeds.size() + " scenarios had openings: the generator has drifted");
        }
    }

    private static String thrown(long seed, GeneratedPractice g, Throwable e) {
        StringBuilder text = new StringBuilder(e.toString());
        StackTraceElement[] stack = e.getStackTrace();
        for (int i = 0; i < Math.min(stack.length, 6); i++) {
            text.append("\n    at ").append(stack[i]);
        }
        text.append('\n').append(g != null ? g.toString() : "seed " + seed + ": the generator failed");
        return text.toString();
    }
}
