package org.slotbridge.engine;

import java.util.List;

import org.slotbridge.api.Opening;

/**
 * What Slotbridge itself has handed out, which the schedule copy may not show yet.
 *
 * @param held   openings under a live hold: their provider and room are busy for the whole visit
 * @param booked openings booked online that count towards a reason's daily cap per provider: live
 *               holds and requests confirmed but not yet seen in the schedule copy
 */
public record Claims(List<Opening> held, List<Opening> booked) {

    public static final Claims NONE = new Claims(List.of(), List.of());

    public Claims {
        held = List.copyOf(held);
        booked = List.copyOf(booked);
    }
}
