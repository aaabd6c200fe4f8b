package org.slotbridge.api;

import java.time.Instant;
import java.util.Objects;

/**
 * A start time at which a reason fits, for one provider and, when the reason needs one, one room.
 * This is all a visitor ever learns of the schedule.
 *
 * @param reasonId   the reason it was found for
 * @param providerId who would see the client
 * @param roomId     the room it would take; null when the reason needs none
 * @param start      when the visit would start
 * @param end        when it would end
 */
public record Opening(String reasonId, String providerId, String roomId, Instant start, Instant end) {

    public Opening {
        Objects.requireNonNull(reasonId, "reasonId");
        Objects.requireNonNull(providerId, "providerId");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (!end.isAfter(start)) {
            throw new InvalidInputException("end", "must be after start");
        }
    }
}
