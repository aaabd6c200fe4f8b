package org.slotbridge.api;

import java.util.Objects;

/**
 * One reason why a start time is not offered, told to staff.
 *
 * @param code   stable, for programs: {@code closed}, {@code no_hours}, {@code outside_hours},
 *               {@code break}, {@code no_such_time}, {@code off_grid}, {@code notice}, {@code horizon},
 *               {@code reason_provider}, {@code reason_weekday}, {@code reason_window},
 *               {@code reason_validity}, {@code appointment}, {@code blockout},
 *               {@code hold}, {@code buffer}, {@code room}, {@code daily_cap}
 * @param detail a sentence for people, naming the times involved
 */
public record Obstacle(String code, String detail) {

    public Obstacle {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(detail, "detail");
    }
}
