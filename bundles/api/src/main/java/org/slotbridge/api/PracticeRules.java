package org.slotbridge.api;

import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What a practice sets for all its reasons.
 *
 * @param unitMinutes    the practice's time unit: working hours, windows, start times, durations,
 *                       patterns and buffers are whole units
 * @param timing         the practice's timing; every field set
 * @param closedDates    local dates on which the whole practice is closed
 * @param providerGroups named groups of provider ids that reasons may refer to
 * @param shownPerDay    at most this many openings are shown for one local date, so that the
 *                       schedule cannot be rebuilt from the answer
 */
public record PracticeRules(int unitMinutes, Timing timing, Set<LocalDate> closedDates,
                            Map<String, Set<String>> providerGroups, int shownPerDay) {

    /** Five-minute units, the default timing, no closures, no groups, twelve openings a day. */
    public static final PracticeRules DEFAULT = new PracticeRules(5, Timing.DEFAULT, Set.of(), Map.of(), 12);

    public PracticeRules {
        if (unitMinutes < 1 || unitMinutes > 60 || 60 % unitMinutes != 0) {
            throw new InvalidInputException("unitMinutes",
                    "must divide an hour: 1, 2, 3, 4, 5, 6, 10, 12, 15, 20, 30 or 60");
        }
        Objects.requireNonNull(timing, "timing");
        if (!timing.isComplete()) {
            throw new InvalidInputException("timing", "a practice sets every field of its timing");
        }
        closedDates = Set.copyOf(closedDates);
        Map<String, Set<String>> groups = new java.util.HashMap<>();
        providerGroups.forEach((name, members) -> groups.put(name, Set.copyOf(members)));
        providerGroups = Map.copyOf(groups);
        if (shownPerDay < 1) {
            throw new InvalidInputException("shownPerDay", "must be at least 1");
        }
    }
}
