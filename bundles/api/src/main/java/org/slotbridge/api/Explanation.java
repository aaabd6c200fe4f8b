package org.slotbridge.api;

import java.util.List;

/**
 * Whether a start time is offered for a reason and provider and, when it is not, every reason why.
 *
 * @param opening   the opening offered at that time; null when none is
 * @param obstacles why it is not offered; empty exactly when {@code opening} is set
 */
public record Explanation(Opening opening, List<Obstacle> obstacles) {

    public Explanation {
        obstacles = List.copyOf(obstacles);
        if ((opening == null) == obstacles.isEmpty()) {
            throw new IllegalArgumentException("an explanation has an opening or obstacles, not both");
        }
    }

    /** True when the time is offered. */
    public boolean offered() {
        return opening != null;
    }
}
