package org.slotbridge.engine;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.slotbridge.api.Explanation;
import org.slotbridge.api.Opening;
import org.slotbridge.api.Preferences;
import org.slotbridge.api.Reason;
import org.slotbridge.engine.internal.Explainer;
import org.slotbridge.engine.internal.Search;
import org.slotbridge.engine.internal.SearchPlan;

/**
 * Finds the openings of one reason in one practice's schedule, by the rules written in
 * {@code docs/openings.md}. Thread-safe and stateless.
 */
public final class OpeningFinder {

    /**
     * The openings of the reason that suit the preferences, at most
     * {@link org.slotbridge.api.PracticeRules#shownPerDay()} for one local date, in the order and page
     * the preferences ask for.
     *
     * @throws org.slotbridge.api.NotFoundException when the practice has no such reason
     * @throws IllegalArgumentException when the index does not cover the dates searched: from the UTC
     *                                  start of the day before the first date searched, less the
     *                                  buffer before, to the UTC end of the day after the last, plus
     *                                  the buffer after (dates searched lie from today to the horizon)
     */
    public List<Opening> find(Schedule schedule, String reasonId, Preferences preferences, Instant now) {
        Objects.requireNonNull(preferences, "preferences");
        Objects.requireNonNull(now, "now");
        Reason reason = schedule.config().reason(reasonId);
        return Search.find(SearchPlan.of(schedule.config(), reason), schedule.index().busy(), schedule.claims(),
                preferences, now);
    }

    /**
     * True when {@link #find} would offer exactly this opening (reason, provider, room, start and
     * end) to a client who names its provider and its local date, before any cap on how many are
     * shown. Cheaper than a search: it looks at this one candidate only. False for a reason the
     * practice does not have.
     *
     * @throws IllegalArgumentException when every other rule holds and the index does not cover the
     *                                  visit with its buffers
     */
    public boolean offers(Schedule schedule, Opening opening, Instant now) {
        Objects.requireNonNull(opening, "opening");
        Reason reason = schedule.config().reasons().stream().filter(r -> r.id().equals(opening.reasonId()))
                .findFirst().orElse(null);
        if (reason == null) {
            return false;
        }
        Explanation explanation = explainer(schedule, reason, now).explain(opening.providerId(), opening.start());
        return opening.equals(explanation.opening());
    }

    /**
     * For staff: whether the reason is offered with this provider at this instant and, when it is
     * not, every obstacle found. Its opening is the one {@link #offers} accepts. Busy time is looked
     * at where the index covers it.
     *
     * @throws org.slotbridge.api.NotFoundException when the practice has no such reason
     * @throws IllegalArgumentException when no other obstacle stands in the way and the index does
     *                                  not cover the visit with its buffers
     */
    public Explanation explain(Schedule schedule, String reasonId, String providerId, Instant start, Instant now) {
        Objects.requireNonNull(providerId, "providerId");
        Objects.requireNonNull(start, "start");
        Reason reason = schedule.config().reason(reasonId);
        return explainer(schedule, reason, now).explain(providerId, start);
    }

    private static Explainer explainer(Schedule schedule, Reason reason, Instant now) {
        Objects.requireNonNull(now, "now");
        return new Explainer(SearchPlan.of(schedule.config(), reason), schedule.index().busy(), schedule.claims(), now);
    }
}
