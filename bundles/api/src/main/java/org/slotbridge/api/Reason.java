package org.slotbridge.api;

import java.time.DayOfWeek;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * An appointment type offered online.
 *
 * @param id          unique within the practice; appears in links
 * @param name        shown to clients
 * @param category    a heading to group reasons under; may be null
 * @param helpText    a sentence that helps the client choose; may be null
 * @param duration    how long the visit takes, a whole number of minutes
 * @param providerIds who may see it; empty means any provider of the practice
 * @param roomIds     rooms of which the visit needs one; empty means no room is needed
 * @param weekdays    days on which it may start; empty means every day
 * @param windows     local times within which it may start; empty means whenever the provider works
 * @param rules       the rest of its rules: provider group, validity, audience, pattern, timing
 */
public record Reason(String id, String name, String category, String helpText, Duration duration,
                     Set<String> providerIds, Set<String> roomIds, Set<DayOfWeek> weekdays,
                     List<TimeWindow> windows, ReasonRules rules) {

    /** A reason with no rules beyond the practice's. */
    public Reason(String id, String name, String category, String helpText, Duration duration,
                  Set<String> providerIds, Set<String> roomIds, Set<DayOfWeek> weekdays, List<TimeWindow> windows) {
        this(id, name, category, helpText, duration, providerIds, roomIds, weekdays, windows, ReasonRules.NONE);
    }

    public Reason {
        Slugs.require(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(duration, "duration");
        if (duration.isNegative() || duration.isZero() || duration.toSeconds() % 60 != 0
                || duration.toMinutes() > 24 * 60) {
            throw new InvalidInputException("duration", "must be a whole number of minutes between 1 and 1440");
        }
        providerIds = Set.copyOf(providerIds);
        roomIds = Set.copyOf(roomIds);
        weekdays = Set.copyOf(weekdays);
        windows = List.copyOf(windows);
        rules = rules == null ? ReasonRules.NONE : rules;
    }

    /**
     * True when {@code providerId} may see this reason: it is listed, or a member of the reason's
     * provider group in {@code practice}; a reason that names neither list nor group allows anyone.
     */
    public boolean allowsProvider(String providerId, PracticeRules practice) {
        if (providerIds.isEmpty() && rules.providerGroup() == null) {
            return true;
        }
        return providerIds.contains(providerId) || rules.providerGroup() != null
                && practice.providerGroups().getOrDefault(rules.providerGroup(), Set.of()).contains(providerId);
    }
}
