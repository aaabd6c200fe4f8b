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
 * @param type       the PMS's blockout type; when reasons name it in {@link ReasonRules#blockoutTypes()}
 *                   the time is reserved for those reasons, otherwise it blocks every reason; may be null
 */
public record Blockout(String pmsId, String providerId, Instant start, Instant end, String type) {

    /** A blockout without a type, which blocks every reason. */
    public Blockout(String pmsId, String providerId, Instant start, Instant end) {
        this(pmsId, providerId, start, end, null);
    }

    public Blockout {
        Objects.requireNonNull(pmsId, "pmsId");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (!end.isAfter(start)) {
            throw new InvalidInputException("end", "blockout " + pmsId + " ends at or before its start");
        }
    }
}
