package org.slotbridge.store.internal.entity;

import javax.persistence.Column;
import javax.persistence.Id;
import javax.persistence.MappedSuperclass;

/** A provider or a room: a code the PMS or the practice gave it, and a name. */
@MappedSuperclass
public abstract class ResourceEntity {

    @Id
    @Column(name = "id", length = 40)
    private String id;

    @Column(name = "practice", nullable = false, length = 64)
    private String practice;

    @Column(name = "code", nullable = false, length = 100)
    private String code;

    @Column(name = "name", nullable = false, length = 200)
    private String name;

    protected ResourceEntity() {
    }

    protected ResourceEntity(String id, String practice, String code, String name) {
        this.id = id;
        this.practice = practice;
        this.code = code;
        this.name = name;
    }

    public String code() {
        return code;
    }

    public String name() {
        return name;
    }

    public void rename(String newName) {
        name = newName;
    }
}
