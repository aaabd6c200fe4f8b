package org.slotbridge.api;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * When one provider works, in the practice's local time. HL7 does not carry this, so it comes from
 * the practice's configuration.
 *
 * @param providerId whose hours these are
 * @param weekly     the windows of each weekday; a day missing from the map is a day off
 * @param exceptions dates that differ from the week: an empty list is a day off
 */
public record WorkingHours(String providerId, Map<DayOfWeek, List<TimeWindow>> weekly,
                           Map<LocalDate, List<TimeWindow>> exceptions) {

    public WorkingHours {
        Objects.requireNonNull(providerId, "providerId");
        weekly = copy(providerId, weekly, "weekly");
        exceptions = copy(providerId, exceptions, "exceptions");
    }

    /** The windows that apply on {@code date}, sorted by start; empty on a day off. */
    public List<TimeWindow> on(LocalDate date) {
        List<TimeWindow> exception = exceptions.get(date);
        return exception != null ? exception : weekly.getOrDefault(date.getDayOfWeek(), List.of());
    }

    private static <K> Map<K, List<TimeWindow>> copy(String providerId, Map<K, List<TimeWindow>> source,
                                                       String field) {
        Map<K, List<TimeWindow>> result = new java.util.HashMap<>();
        source.forEach((key, windows) -> {
            List<TimeWindow> sorted = windows.stream()
                    .sorted(java.util.Comparator.comparingInt(TimeWindow::startMinute)).toList();
            for (int i = 1; i < sorted.size(); i++) {
                if (sorted.get(i).startMinute() < sorted.get(i - 1).endMinute()) {
                    throw new InvalidInputException(field,
                            "windows " + sorted.get(i - 1) + " and " + sorted.get(i) + " of " + providerId
                                    + " overlap on " + key);
                }
            }
            result.put(key, sorted);
        });
        return Map.copyOf(result);
    }
}
