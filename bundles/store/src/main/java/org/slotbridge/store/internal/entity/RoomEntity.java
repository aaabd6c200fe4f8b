package org.slotbridge.store.internal.entity;

import javax.persistence.Entity;
import javax.persistence.Table;

import org.slotbridge.api.Room;

@Entity
@Table(name = "room")
public class RoomEntity extends ResourceEntity {

    protected RoomEntity() {
    }

    public RoomEntity(String id, String practice, Room room) {
        super(id, practice, room.id(), room.name());
    }

    public Room toRoom() {
        return new Room(code(), name());
    }
}
