package org.slotbridge.engine;

import java.util.Objects;

import org.slotbridge.api.PracticeConfig;

/**
 * One practice as a search sees it: its checked configuration, the busy time of its schedule copy,
 * and the claims of live holds and online bookings.
 *
 * @param config the practice's configuration
 * @param index  its schedule copy; built with the configuration's unit
 * @param claims what Slotbridge has handed out
 */
public record Schedule(PracticeConfig config, ScheduleIndex index, Claims claims) {

    public Schedule {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(index, "index");
        Objects.requireNonNull(claims, "claims");
        if (index.unitMinutes() != config.rules().unitMinutes()) {
            throw new IllegalArgumentException("the index counts " + index.unitMinutes()
                    + "-minute units, the practice " + config.rules().unitMinutes());
        }
    }
}
