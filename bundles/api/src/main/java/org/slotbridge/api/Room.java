package org.slotbridge.api;

import java.util.Objects;

/**
 * A second resource a visit may need: an operatory, a chair, an exam room.
 *
 * @param id   the PMS's code for the room, unique within the practice
 * @param name shown to staff
 */
public record Room(String id, String name) {

    public Room {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
    }
}
