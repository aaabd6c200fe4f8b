package org.slotbridge.engine;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.slotbridge.api.Opening;
import org.slotbridge.api.Preferences;
import org.slotbridge.api.Reason;
import org.slotbridge.engine.internal.OpeningSearch;

/**
 * Finds the openings of one reason in one practice's schedule. Thread-safe and stateless.
 *
 * <p>All dates and times are local to {@link ScheduleSnapshot#zone()}. The search covers each date
 * from {@code preferences.from} to {@code preferences.to}, but never before today or after today
 * plus {@link SearchRules#horizonDays()}, on the reason's weekdays and the client's days. For each
 * provider the reason allows (and the client asked for), candidate starts step by
 * {@link SearchRules#grid()} from the start of each working window of that date, and must lie in
 * one of the reason's windows and one of the client's times when these are given. An opening
 * starts no sooner than now plus {@link SearchRules#minimumNotice()}; the provider must be free for
 * the whole visit, and when the reason needs a room, the opening takes the free room with the
 * lowest id.
 *
 * <p>Daylight saving. A visit lasts its duration in real elapsed time. Every instant of it must show
 * a wall time of the same date inside the same working window; the first instant at which the
 * visit is over may show any time, so a visit may end exactly where a window's end falls into a
 * spring-forward gap. A start time that falls into a gap is not offered. A start time that
 * happens twice in a fall-back overlap is offered at each of its two instants, each judged on its
 * own; a visit that crosses the fall-back is offered only when the repeated wall times also lie
 * inside the window.
 */
public final class OpeningFinder {

    /**
     * The openings that fit the reason, the rules and the client's preferences, earliest first and,
     * at the same instant, ordered by provider id. The list cannot be modified.
     */
    public List<Opening> find(ScheduleSnapshot schedule, Reason reason, Preferences preferences, Instant now,
                              SearchRules rules) {
        Objects.requireNonNull(preferences, "preferences");
        return search(schedule, reason, now, rules).find(preferences);
    }

    /**
     * True when {@link #find} would offer exactly this opening on its date: same reason, provider,
     * room, start and end, given preferences that name only the opening's local date and provider.
     * So it is false, too, when a room with a lower id has come free since the opening was found.
     * Cheaper than a search: it looks at this one candidate only.
     */
    public boolean offers(ScheduleSnapshot schedule, Reason reason, Opening opening, Instant now, SearchRules rules) {
        Objects.requireNonNull(opening, "opening");
        return search(schedule, reason, now, rules).offers(opening);
    }

    private static OpeningSearch search(ScheduleSnapshot schedule, Reason reason, Instant now,
                                        SearchRules rules) {
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(rules, "rules");
        return new OpeningSearch(schedule, reason, now, rules);
    }
}
