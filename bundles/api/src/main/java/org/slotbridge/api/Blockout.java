package org.slotbridge.api;

import java.time.Instant;
import java.util.Objects;

/**
 * Time the PMS keeps from being booked: a meeting, a lunch, a holiday.
 *
 * @param pmsId      the PMS's id for the blockout, unique within the practice
 * @param providerId whose time it blocks; null blocks every provider of the practice
 * @param start      when it starts
 * @param end        when it ends, after {@code start}
 */
public record Blockout(String pmsId, String providerId, Instant start, Instant end) {

    public Blockout {
        Objects.requireNonNull(pmsId, "pmsId");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (!end.isAfter(start)) {
            throw new InvalidInputException("end", "blockout " + pmsId + " ends at or before its start");
        }
    }
}
