package org.slotbridge.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.slotbridge.engine.Fixtures.EVERY_DAY;
import static org.slotbridge.engine.Fixtures.MONDAY;
import static org.slotbridge.engine.Fixtures.NEW_YORK;
import static org.slotbridge.engine.Fixtures.WEEKDAYS;
import static org.slotbridge.engine.Fixtures.at;
import static org.slotbridge.engine.Fixtures.checkup;
import static org.slotbridge.engine.Fixtures.dates;
import static org.slotbridge.engine.Fixtures.day;
import static org.slotbridge.engine.Fixtures.hours;
import static org.slotbridge.engine.Fixtures.opening;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.slotbridge.api.Explanation;
import org.slotbridge.api.NotFoundException;
import org.slotbridge.api.Obstacle;
import org.slotbridge.api.Opening;
import org.slotbridge.engine.Fixtures.Clinic;
import org.slotbridge.engine.Fixtures.ReasonSpec;

/** The staff's "why not", code by code, in New York summer time (UTC-4), and its agreement with offers and find. */
class ExplainTest {

    private static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");

    private final OpeningFinder finder = new OpeningFinder();

    /** Smith works 08:00-12:00 and 13:00-17:00 on weekdays; visits start every 30 minutes. */
    private static Clinic clinic(ReasonSpec reason) {
        return Clinic.in(NEW_YORK).grid(30).hours(hours("SMITH", WEEKDAYS, "08:00-12:00", "13:00-17:00"))
                .reason(reason);
    }

    private Explanation explain(Clinic clinic, String provider, String start) {
        return finder.explain(clinic.schedule(NOW), "checkup", provider, at(start), NOW);
    }

    private static List<String> codes(Explanation explanation) {
        return explanation.obstacles().stream().map(Obstacle::code).toList();
    }

    private static String detail(Explanation explanation, String code) {
        return explanation.obstacles().stream().filter(o -> o.code().equals(code)).findFirst().orElseThrow().detail();
    }

    @Test
    void offeredStartHasTheOpeningThatFindAndOffersGive() {
        Clinic clinic = clinic(checkup(30).rooms("OP1", "OP2"))
                .appointment(null, "OP1", "2026-06-15T13:00:00Z", "2026-06-15T13:30:00Z");
        Schedule schedule = clinic.schedule(NOW);

        Explanation explanation = finder.explain(schedule, "checkup", "SMITH", at("2026-06-15T13:00:00Z"), NOW);

        Opening expected = opening("checkup", "SMITH", "OP2", "2026-06-15T13:00:00Z", "2026-06-15T13:30:00Z");
        assertTrue(explanation.offered());
        assertEquals(expected, explanation.opening());
        assertTrue(finder.offers(schedule, expected, NOW));
        assertTrue(finder.find(schedule, "checkup", day(MONDAY), NOW).contains(expected));
    }

    @Test
    void closed() {
        Explanation explanation = explain(clinic(checkup(30)).closed(MONDAY), "SMITH", "2026-06-15T13:00:00Z");

        assertEquals(List.of("closed"), codes(explanation));
        assertTrue(detail(explanation, "closed").contains("2026-06-15"));
    }

    @Test
    void noHoursOnADayOffOrAtAll() {
        Clinic clinic = clinic(checkup(30)).provider("JONES");

        Explanation saturday = explain(clinic, "SMITH", "2026-06-20T13:00:00Z");
        assertEquals(List.of("no_hours"), codes(saturday));
        assertTrue(detail(saturday, "no_hours").contains("Saturday"));
        assertEquals(List.of("no_hours"), codes(explain(clinic, "JONES", "2026-06-15T13:00:00Z")));
    }

    @Test
    void outsideHoursAndBreaks() {
        Clinic clinic = clinic(checkup(60));

        assertEquals(List.of("outside_hours"), codes(explain(clinic, "SMITH", "2026-06-15T11:00:00Z"))); // 07:00
        assertEquals(List.of("outside_hours"), codes(explain(clinic, "SMITH", "2026-06-15T21:00:00Z"))); // 17:00
        Explanation lunch = explain(clinic, "SMITH", "2026-06-15T16:30:00Z"); // 12:30
        assertEquals(List.of("break"), codes(lunch));
        assertTrue(detail(lunch, "break").contains("12:00 to 13:00"), detail(lunch, "break"));
        // 11:30 for an hour runs into the break; 16:30 for an hour runs past the end of the day.
        Explanation intoBreak = explain(clinic, "SMITH", "2026-06-15T15:30:00Z");
        assertEquals(List.of("break"), codes(intoBreak));
        assertTrue(detail(intoBreak, "break").contains("from 11:30 to 12:30"), detail(intoBreak, "break"));
        assertEquals(List.of("outside_hours"), codes(explain(clinic, "SMITH", "2026-06-15T20:30:00Z")));
    }

    @Test
    void onADateWhoseOffsetChangesTimesCarryTheirOffset() {
        // 01:30 EDT for an hour ends at 01:30 EST, passing 01:00-01:29 EST, before the window.
        Clinic clinic = Clinic.in(NEW_YORK).grid(30).hours(hours("SMITH", EVERY_DAY, "01:30-02:30"))
                .reason(checkup(60));

        Explanation first = explain(clinic, "SMITH", "2026-11-01T05:30:00Z");
        assertEquals(List.of("outside_hours"), codes(first));
        assertTrue(detail(first, "outside_hours").contains("from 01:30 -04:00 to 01:30 -05:00"),
                detail(first, "outside_hours"));
        assertTrue(explain(clinic, "SMITH", "2026-11-01T06:30:00Z").offered());
    }

    @Test
    void notAWholeMinute() {
        assertEquals(List.of("no_such_time"), codes(explain(clinic(checkup(30)), "SMITH", "2026-06-15T13:00:30Z")));
    }

    @Test
    void offTheGridOrTheFixedStarts() {
        Explanation grid = explain(clinic(checkup(30)), "SMITH", "2026-06-15T13:10:00Z"); // 09:10
        assertEquals(List.of("off_grid"), codes(grid));
        assertTrue(detail(grid, "off_grid").contains("30-minute grid counted from 08:00"), detail(grid, "off_grid"));

        Clinic fixed = clinic(checkup(30)).starts("08:10", "13:20");
        assertEquals(List.of("off_grid"), codes(explain(fixed, "SMITH", "2026-06-15T13:00:00Z")));
        assertTrue(explain(fixed, "SMITH", "2026-06-15T17:20:00Z").offered());
    }

    @Test
    void minimumNotice() {
        Clinic clinic = clinic(checkup(30)).notice(Duration.ofHours(2));
        Instant now = at("2026-06-15T12:00:00Z"); // 08:00
        Schedule schedule = clinic.schedule(NOW);

        Explanation soon = finder.explain(schedule, "checkup", "SMITH", at("2026-06-15T13:30:00Z"), now);
        assertEquals(List.of("notice"), codes(soon));
        assertTrue(detail(soon, "notice").contains("10:00"), detail(soon, "notice"));
        assertTrue(finder.explain(schedule, "checkup", "SMITH", at("2026-06-15T14:00:00Z"), now).offered());
    }

    @Test
    void horizonBothWays() {
        Clinic clinic = clinic(checkup(30)).horizon(10);

        assertEquals(List.of("horizon"), codes(explain(clinic, "SMITH", "2026-06-15T13:00:00Z")));
        // Friday 29 May is before today, Sunday 31 May in New York; it is also too soon.
        assertEquals(Set.of("horizon", "notice"), Set.copyOf(codes(explain(clinic, "SMITH", "2026-05-29T13:00:00Z"))));
    }

    @Test
    void reasonRules() {
        Clinic others = clinic(checkup(30).providers("BAKER")).hours(hours("BAKER", WEEKDAYS, "08:00-17:00"));
        assertEquals(List.of("reason_provider"), codes(explain(others, "SMITH", "2026-06-15T13:00:00Z")));

        Clinic tuesdays = clinic(checkup(30).weekdays(DayOfWeek.TUESDAY));
        assertEquals(List.of("reason_weekday"), codes(explain(tuesdays, "SMITH", "2026-06-15T13:00:00Z")));

        Clinic mornings = clinic(checkup(30).windows("08:00-09:00"));
        assertEquals(List.of("reason_window"), codes(explain(mornings, "SMITH", "2026-06-15T14:00:00Z")));
        assertTrue(explain(mornings, "SMITH", "2026-06-15T12:30:00Z").offered());

        Clinic july = clinic(checkup(30).valid(LocalDate.of(2026, 7, 1), null));
        assertEquals(List.of("reason_validity"), codes(explain(july, "SMITH", "2026-06-15T13:00:00Z")));
    }

    @Test
    void appointmentDuringTheVisit() {
        Clinic clinic = clinic(checkup(30)).appointment("SMITH", null, "2026-06-15T13:15:00Z", "2026-06-15T13:45:00Z");

        Explanation explanation = explain(clinic, "SMITH", "2026-06-15T13:00:00Z");

        assertEquals(List.of("appointment"), codes(explanation));
        assertTrue(detail(explanation, "appointment").contains("from 09:15 to 09:45"),
                detail(explanation, "appointment"));
    }

    @Test
    void blockoutsTheReasonMayNotUse() {
        Clinic clinic = clinic(checkup(30))
                .blockout("SMITH", "2026-06-15T13:00:00Z", "2026-06-15T14:00:00Z", "lunch")
                .blockout(null, "2026-06-15T15:00:00Z", "2026-06-15T16:00:00Z", null);

        Explanation typed = explain(clinic, "SMITH", "2026-06-15T13:00:00Z");
        assertEquals(List.of("blockout"), codes(typed));
        assertTrue(detail(typed, "blockout").contains("(lunch)"), detail(typed, "blockout"));
        assertEquals(List.of("blockout"), codes(explain(clinic, "SMITH", "2026-06-15T15:30:00Z")));

        Clinic lunchAllowed = clinic(checkup(30).blockoutTypes("lunch"))
                .blockout("SMITH", "2026-06-15T13:00:00Z", "2026-06-15T14:00:00Z", "lunch");
        assertTrue(explain(lunchAllowed, "SMITH", "2026-06-15T13:00:00Z").offered());
    }

    @Test
    void holdOnTheProvider() {
        Clinic clinic = clinic(checkup(30)).hold(opening("other", "SMITH", null, "2026-06-15T13:00:00Z",
                "2026-06-15T13:20:00Z"));

        assertEquals(List.of("hold"), codes(explain(clinic, "SMITH", "2026-06-15T13:00:00Z")));
    }

    @Test
    void busyWithinABuffer() {
        Clinic clinic = clinic(checkup(30)).buffers(15, 10)
                .appointment("SMITH", null, "2026-06-15T12:50:00Z", "2026-06-15T13:00:00Z")
                .hold(opening("other", "SMITH", null, "2026-06-15T15:05:00Z", "2026-06-15T15:20:00Z"));

        Explanation before = explain(clinic, "SMITH", "2026-06-15T13:00:00Z");
        assertEquals(List.of("buffer"), codes(before));
        assertTrue(detail(before, "buffer").contains("15-minute buffer before"), detail(before, "buffer"));
        Explanation after = explain(clinic, "SMITH", "2026-06-15T14:30:00Z");
        assertEquals(List.of("buffer"), codes(after));
        assertTrue(detail(after, "buffer").contains("10-minute buffer after"), detail(after, "buffer"));
    }

    @Test
    void patternLeavesTheAssistantsUnitsToOthers() {
        Clinic clinic = Clinic.in(NEW_YORK).unit(10).grid(10).hours(hours("SMITH", WEEKDAYS, "08:00-12:00"))
                .reason(checkup(30).pattern("X/X"))
                .appointment("SMITH", null, "2026-06-15T13:10:00Z", "2026-06-15T13:20:00Z");

        // 09:00 needs Smith at 09:00-09:10 and 09:20-09:30 only; 08:50 needs him at 09:10-09:20.
        assertTrue(explain(clinic, "SMITH", "2026-06-15T13:00:00Z").offered());
        assertEquals(List.of("appointment"), codes(explain(clinic, "SMITH", "2026-06-15T12:50:00Z")));
    }

    @Test
    void noRoomFree() {
        Clinic clinic = clinic(checkup(30).rooms("OP1", "OP2"))
                .appointment(null, "OP1", "2026-06-15T13:00:00Z", "2026-06-15T13:30:00Z")
                .hold(opening("other", "JONES", "OP2", "2026-06-15T13:20:00Z", "2026-06-15T13:40:00Z"));

        Explanation explanation = explain(clinic, "SMITH", "2026-06-15T13:00:00Z");

        assertEquals(List.of("room"), codes(explanation));
        String room = detail(explanation, "room");
        assertTrue(room.contains("OP1 is busy from 09:00 to 09:30") && room.contains("OP2 is busy from 09:20 to 09:40"),
                room);
    }

    @Test
    void dailyCap() {
        Clinic clinic = clinic(checkup(30)).dailyCap(1)
                .booked(opening("other", "SMITH", null, "2026-06-15T20:00:00Z", "2026-06-15T20:30:00Z"));

        assertEquals(List.of("daily_cap"), codes(explain(clinic, "SMITH", "2026-06-15T13:00:00Z")));
        assertTrue(explain(clinic, "SMITH", "2026-06-16T13:00:00Z").offered());
    }

    @Test
    void everyObstacleIsListedInTheOrderOfTheRuleBook() {
        Clinic clinic = clinic(checkup(30).rooms("OP1").weekdays(DayOfWeek.TUESDAY)).closed(MONDAY).dailyCap(1)
                .appointment("SMITH", "OP1", "2026-06-15T13:00:00Z", "2026-06-15T13:30:00Z")
                .hold(opening("other", "SMITH", null, "2026-06-15T13:00:00Z", "2026-06-15T13:30:00Z"))
                .booked(opening("other", "SMITH", null, "2026-06-15T20:00:00Z", "2026-06-15T20:30:00Z"));

        assertEquals(List.of("closed", "off_grid", "reason_weekday", "appointment", "hold", "room", "daily_cap"),
                codes(explain(clinic, "SMITH", "2026-06-15T13:05:00Z")));
    }

    @Test
    void offersIgnoresHowManyAreShownButNotTheDailyCap() {
        Clinic clinic = clinic(checkup(30)).shownPerDay(1);
        Schedule schedule = clinic.schedule(NOW);
        Opening nine = opening("checkup", "SMITH", null, "2026-06-15T13:00:00Z", "2026-06-15T13:30:00Z");

        assertEquals(1, finder.find(schedule, "checkup", day(MONDAY), NOW).size());
        assertTrue(finder.offers(schedule, nine, NOW));

        Schedule capped = clinic.dailyCap(1)
                .booked(opening("checkup", "SMITH", null, "2026-06-15T12:00:00Z", "2026-06-15T12:30:00Z"))
                .schedule(NOW);
        assertFalse(finder.offers(capped, nine, NOW));
    }

    @Test
    void unknownReasonAndUncoveredTimes() {
        Schedule small = clinic(checkup(30)).schedule(at("2026-06-14T00:00:00Z"), at("2026-06-17T00:00:00Z"));

        assertThrows(NotFoundException.class,
                () -> finder.explain(small, "nothing", "SMITH", at("2026-06-15T13:00:00Z"), NOW));
        assertFalse(finder.offers(small, opening("nothing", "SMITH", null, "2026-06-15T13:00:00Z",
                "2026-06-15T13:30:00Z"), NOW));
        // Beyond the index, other obstacles are still told; with none, the index is at fault.
        assertEquals(List.of("no_hours"), codes(finder.explain(small, "checkup", "SMITH", at("2026-06-20T13:00:00Z"),
                NOW)));
        assertThrows(IllegalArgumentException.class,
                () -> finder.explain(small, "checkup", "SMITH", at("2026-06-18T13:00:00Z"), NOW));
    }

    /**
     * On a practice with most rules in play, every start of every minute says the same in find (before
     * the number shown per day), offers and explain.
     */
    @Test
    void findOffersAndExplainAgree() {
        Clinic clinic = Clinic.in(NEW_YORK).grid(20).buffers(10, 5).dailyCap(3).group("team", "BAKER")
                .hours(hours("ADAMS", WEEKDAYS, "08:00-12:00", "13:00-17:00"), hours("BAKER", WEEKDAYS, "07:30-15:30"))
                .provider("CHEN")
                .reason(checkup(40).providers("ADAMS").group("team").rooms("OP1", "OP2").pattern("XX/////X")
                        .windows("07:00-11:00", "13:00-16:00").blockoutTypes("surgery"))
                .appointment("ADAMS", "OP1", "2026-06-15T13:00:00Z", "2026-06-15T14:00:00Z")
                .appointment("BAKER", null, "2026-06-15T15:10:00Z", "2026-06-15T15:25:00Z")
                .appointment(null, "OP2", "2026-06-15T12:00:00Z", "2026-06-15T16:00:00Z")
                .blockout("ADAMS", "2026-06-15T18:00:00Z", "2026-06-15T19:00:00Z", "surgery")
                .blockout(null, "2026-06-16T14:00:00Z", "2026-06-16T14:30:00Z", null)
                .hold(opening("other", "BAKER", "OP1", "2026-06-16T12:40:00Z", "2026-06-16T13:00:00Z"))
                .booked(opening("other", "ADAMS", null, "2026-06-16T20:00:00Z", "2026-06-16T20:30:00Z"))
                .booked(opening("other", "ADAMS", null, "2026-06-16T20:30:00Z", "2026-06-16T21:00:00Z"))
                .booked(opening("other", "ADAMS", null, "2026-06-16T21:00:00Z", "2026-06-16T21:30:00Z"));
        Schedule schedule = clinic.schedule(NOW);
        Set<Opening> found = new HashSet<>(finder.find(schedule, "checkup", dates(MONDAY, MONDAY.plusDays(1)), NOW));
        Set<Opening> explained = new HashSet<>();
        for (Instant t = at("2026-06-15T04:00:00Z"); t.isBefore(at("2026-06-17T04:00:00Z")); t = t.plusSeconds(60)) {
            for (String provider : List.of("ADAMS", "BAKER", "CHEN")) {
                Explanation explanation = finder.explain(schedule, "checkup", provider, t, NOW);
                if (explanation.offered()) {
                    explained.add(explanation.opening());
                    assertTrue(finder.offers(schedule, explanation.opening(), NOW), explanation.opening().toString());
                }
                Opening guess = new Opening("checkup", provider, "OP1", t, t.plusSeconds(2400));
                assertEquals(guess.equals(explanation.opening()), finder.offers(schedule, guess, NOW),
                        guess.toString());
            }
        }
        assertEquals(found, explained);
        assertTrue(found.size() > 10, "the practice offers too little to compare: " + found.size());
    }
}
