package org.slotbridge.api;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;

/**
 * The rules of a reason beyond its duration, providers, rooms, weekdays and windows.
 *
 * @param providerGroup  a named group of the practice whose members may also see it; null for none
 * @param validFrom      the first local date it may be booked on; null for no limit
 * @param validUntil     the last local date it may be booked on; null for no limit
 * @param audience       who may book it
 * @param blockoutTypes  the reserved blockout types it may be booked into
 * @param pattern        which units of the visit need the provider, one character per unit of the
 *                       practice: {@code X} the provider, {@code /} someone else (an assistant);
 *                       the room is needed throughout. Null means the provider throughout
 * @param timing         overrides of the practice's timing
 */
public record ReasonRules(String providerGroup, LocalDate validFrom, LocalDate validUntil, Audience audience,
                          Set<String> blockoutTypes, String pattern, Timing timing) {

    /** No rule beyond the practice's. */
    public static final ReasonRules NONE = new ReasonRules(null, null, null, Audience.ANYONE, Set.of(), null,
            Timing.INHERIT);

    public ReasonRules {
        Objects.requireNonNull(audience, "audience");
        blockoutTypes = Set.copyOf(blockoutTypes);
        timing = timing == null ? Timing.INHERIT : timing;
        if (validFrom != null && validUntil != null && validUntil.isBefore(validFrom)) {
            throw new InvalidInputException("validUntil", "is before validFrom " + validFrom);
        }
        if (pattern != null && (pattern.isEmpty() || !pattern.matches("[X/]+") || pattern.indexOf('X') < 0)) {
            throw new InvalidInputException("pattern",
                    "'" + pattern + "' must be X (provider) and / (assistant) characters with at least one X");
        }
    }
}
