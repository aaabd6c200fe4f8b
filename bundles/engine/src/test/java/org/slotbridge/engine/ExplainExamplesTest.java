package org.slotbridge.engine;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.slotbridge.engine.ReferencePractice.at;
import static org.slotbridge.engine.ReferencePractice.reason;
import static org.slotbridge.engine.RuleExamplesTest.opening;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.slotbridge.api.Explanation;
import org.slotbridge.api.Obstacle;
import org.slotbridge.api.Opening;
import org.slotbridge.api.Timing;

/**
 * The staff's "why not": one practice in New York summer time (UTC-4) where each start below is kept
 * from being offered by one rule, whose code the answer must include.
 */
class ExplainExamplesTest {

    private static final Instant NOW = at("2026-06-15T08:00-04:00");

    /**
     * A works Monday to Friday 08:00-12:00 and 13:00-17:00, B on Tuesdays, C like A; the practice is
     * closed on Friday 2026-06-19. "visit" takes 30 minutes in R1 with A or B, Monday to Wednesday,
     * starting 08:00-16:00, until 2026-07-31, with 15 minutes free after; "long" takes an hour; "capped"
     * allows one online booking a day. Grid 30, one hour's notice, 60 days ahead.
     */
    private static ReferencePractice practice() {
        return new ReferencePractice("America/New_York", LocalDate.of(2026, 6, 15))
                .hours("A", ReferencePractice.WEEKDAYS, "08:00-12:00", "13:00-17:00")
                .hours("B", Set.of(DayOfWeek.TUESDAY), "08:00-12:00")
                .hours("C", ReferencePractice.WEEKDAYS, "08:00-12:00", "13:00-17:00")
                .rooms("R1")
                .closed(LocalDate.of(2026, 6, 19))
                .timing(new Timing(Duration.ofMinutes(30), List.of(), Duration.ZERO, Duration.ofMinutes(15),
                        Duration.ofHours(1), 60, 0))
                .reason(reason("visit", 30).providers("A", "B").rooms("R1")
                        .weekdays(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY)
                        .windows("08:00-16:00").valid(null, LocalDate.of(2026, 7, 31)))
                .reason(reason("long", 60))
                .reason(reason("capped", 30).timing(new Timing(null, null, null, null, null, null, 1)))
                .appointment("A", null, "2026-06-15T10:00-04:00", "2026-06-15T10:30-04:00")
                .blockout("A", null, "2026-06-15T11:00-04:00", "2026-06-15T11:30-04:00")
                .held("visit", "A", null, "2026-06-15T13:00-04:00", "2026-06-15T13:30-04:00")
                .appointment("C", "R1", "2026-06-15T14:00-04:00", "2026-06-15T14:30-04:00")
                .booked("capped", "A", "2026-06-16T15:00-04:00", "2026-06-16T15:30-04:00");
    }

    @Test
    void anOpeningIsExplainedAsOfferedWithTheOpeningOffersAccepts() {
        ReferencePractice p = practice();
        Opening nine = opening("visit", "A", "R1", "2026-06-15T09:00-04:00", "2026-06-15T09:30-04:00");
        assertEquals(nine, p.reference().openingAt("visit", "A", nine.start(), NOW));
        Assumptions.assumeFalse(ReferencePractice.REFERENCE_ONLY);

        Explanation explanation = explain(p, "visit", "A", "2026-06-15T09:00-04:00");
        assertEquals(nine, explanation.opening());
        assertTrue(new OpeningFinder().offers(p.schedule(), explanation.opening(), NOW));
    }

    @Test
    void eachRuleHasItsCode() {
        assertAll(
                () -> assertObstacle("closed", "visit", "A", "2026-06-19T09:00-04:00"),
                () -> assertObstacle("no_hours", "visit", "B", "2026-06-15T09:00-04:00"),
                () -> assertObstacle("outside_hours", "visit", "A", "2026-06-15T07:00-04:00"),
                () -> assertObstacle("break", "visit", "A", "2026-06-15T12:30-04:00"),
                () -> assertObstacle("break", "long", "A", "2026-06-15T11:30-04:00"),
                () -> assertObstacle("no_such_time", "visit", "A", "2026-06-15T09:00:30-04:00"),
                () -> assertObstacle("off_grid", "visit", "A", "2026-06-15T09:10-04:00"),
                () -> assertObstacle("notice", "visit", "A", "2026-06-15T08:30-04:00"),
                () -> assertObstacle("horizon", "visit", "A", "2026-08-17T09:00-04:00"),
                () -> assertObstacle("horizon", "visit", "A", "2026-06-12T09:00-04:00"),
                () -> assertObstacle("reason_provider", "visit", "C", "2026-06-15T09:00-04:00"),
                () -> assertObstacle("reason_weekday", "visit", "A", "2026-06-18T09:00-04:00"),
                () -> assertObstacle("reason_window", "visit", "A", "2026-06-15T16:00-04:00"),
                () -> assertObstacle("reason_validity", "visit", "A", "2026-08-03T09:00-04:00"),
                () -> assertObstacle("appointment", "visit", "A", "2026-06-15T10:00-04:00"),
                () -> assertObstacle("blockout", "visit", "A", "2026-06-15T11:00-04:00"),
                () -> assertObstacle("hold", "visit", "A", "2026-06-15T13:00-04:00"),
                () -> assertObstacle("buffer", "visit", "A", "2026-06-15T09:30-04:00"),
                () -> assertObstacle("room", "visit", "A", "2026-06-15T14:00-04:00"),
                () -> assertObstacle("daily_cap", "capped", "A", "2026-06-16T09:00-04:00"));
    }

    private static void assertObstacle(String code, String reasonId, String provider, String start) {
        ReferencePractice p = practice();
        assertNull(p.reference().openingAt(reasonId, provider, at(start), NOW), "the reference offers " + start);
        if (ReferencePractice.REFERENCE_ONLY) {
            return;
        }
        Explanation explanation = explain(p, reasonId, provider, start);
        assertFalse(explanation.offered(), () -> start + " should not be offered: " + explanation);
        List<String> codes = explanation.obstacles().stream().map(Obstacle::code).toList();
        assertTrue(codes.contains(code), () -> reasonId + " with " + provider + " at " + start + " should name "
                + code + ", got " + explanation.obstacles());
    }

    private static Explanation explain(ReferencePractice p, String reasonId, String provider, String start) {
        return new OpeningFinder().explain(p.schedule(), reasonId, provider, at(start), NOW);
    }
}
