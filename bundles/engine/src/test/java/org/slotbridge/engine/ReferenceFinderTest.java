package org.slotbridge.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.slotbridge.api.Appointment;
import org.slotbridge.api.AppointmentStatus;
import org.slotbridge.api.Opening;
import org.slotbridge.api.Order;
import org.slotbridge.api.Preferences;

/**
 * The reference on its own, before it judges the engine: relations between its answers that the rule
 * book implies, on generated practices. (The examples check it against instants worked out by hand.)
 */
class ReferenceFinderTest {

    private static final int SCENARIOS = 400;

    @Test
    void aPageIsASliceOfTheWholeAnswerAndBothOrdersHoldTheSameOpenings() {
        for (long seed = 1; seed <= SCENARIOS; seed++) {
            GeneratedPractice g = GeneratedPractices.generate(seed);
            Preferences p = g.preferences();
            List<Opening> all = g.reference().find(g.reasonId(), with(p, p.order(), 0, 0), g.now());
            List<Opening> page = g.reference().find(g.reasonId(), p, g.now());
            int from = Math.min(p.offset(), all.size());
            int to = p.limit() == 0 ? all.size() : Math.min(all.size(), from + p.limit());
            long repeat = seed;

            assertEquals(all.subList(from, to), page, () -> "seed " + repeat);
            assertEquals(new HashSet<>(all),
                    new HashSet<>(g.reference().find(g.reasonId(), with(p, Order.EARLIEST, 0, 0), g.now())),
                    () -> "seed " + repeat);
        }
    }

    @Test
    void eachShownOpeningIsOfferedAndNoDateShowsMoreThanItsShare() {
        for (long seed = 1; seed <= SCENARIOS; seed++) {
            GeneratedPractice g = GeneratedPractices.generate(seed);
            ReferenceFinder reference = g.reference();
            Preferences p = g.preferences();
            List<Opening> all = reference.find(g.reasonId(), with(p, Order.EARLIEST, 0, 0), g.now());
            Map<LocalDate, Integer> perDate = new TreeMap<>();
            for (Opening o : all) {
                perDate.merge(LocalDateTime.ofInstant(o.start(), g.zone()).toLocalDate(), 1, Integer::sum);
                long repeat = seed;
                assertTrue(reference.offers(o, g.now()), () -> "seed " + repeat + ": " + o);
                assertEquals(o, reference.openingAt(o.reasonId(), o.providerId(), o.start(), g.now()));
                assertEquals(Set.of(), reference.plainObstacles(o.reasonId(), o.providerId(), o.start(), g.now()),
                        () -> "seed " + repeat + ": " + o);
            }
            int shown = g.config().rules().shownPerDay();
            perDate.forEach((date, count) -> assertTrue(count <= shown, date + ": " + count));
        }
    }

    @Test
    void moreBusyTimeNeverAddsAStart() {
        for (long seed = 1; seed <= SCENARIOS; seed++) {
            GeneratedPractice g = GeneratedPractices.generate(seed);
            Random random = new Random(seed);
            Preferences dates = new Preferences(g.preferences().from(), g.preferences().to(), Set.of(), List.of(),
                    null);
            List<Opening> before = g.reference().uncapped(g.reasonId(), dates, g.now());
            if (before.isEmpty()) {
                continue;
            }
            Opening taken = before.get(random.nextInt(before.size()));
            List<Appointment> more = new ArrayList<>(g.appointments());
            // over the whole visit, so over each unit its pattern needs the provider for
            more.add(new Appointment("extra", taken.providerId(), taken.roomId(), taken.start(), taken.end(), null,
                    AppointmentStatus.BOOKED, null));
            List<Opening> after = new ReferenceFinder(g.config(), more, g.blockouts(), g.claims())
                    .uncapped(g.reasonId(), dates, g.now());
            long repeat = seed;

            assertTrue(starts(before).containsAll(starts(after)), () -> "seed " + repeat);
            assertFalse(starts(after).contains(List.of(taken.providerId(), taken.start())), () -> "seed " + repeat);
        }
    }

    private static Set<List<Object>> starts(List<Opening> openings) {
        Set<List<Object>> result = new HashSet<>();
        openings.forEach(o -> result.add(List.of(o.providerId(), o.start())));
        return result;
    }

    private static Preferences with(Preferences p, Order order, int limit, int offset) {
        return new Preferences(p.from(), p.to(), p.days(), p.times(), p.providerId(), p.client(), order, limit, offset);
    }
}
