package org.slotbridge.store.internal.entity;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Embedded;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

import org.slotbridge.api.Hold;
import org.slotbridge.api.Opening;

/**
 * A hold. Its units in {@link HoldUnitEntity} make it exclusive; deleting the hold deletes them
 * (ON DELETE CASCADE in the schema).
 */
@Entity
@Table(name = "hold")
public class HoldEntity {

    @Id
    @Column(name = "id", length = 40)
    private String id;

    @Column(name = "practice", nullable = false, length = 64)
    private String practice;

    @Embedded
    private OpeningColumns opening;

    /** Null once a request keeps the hold. */
    @Column(name = "expires_at")
    private Long expiresAt;

    /** The request that keeps the hold; null before one does. */
    @Column(name = "request_id", length = 40)
    private String requestId;

    @Column(name = "created_at", nullable = false)
    private long createdAt;

    protected HoldEntity() {
    }

    public HoldEntity(String id, String practice, Opening opening, Instant expiresAt, String requestId,
                      Instant createdAt) {
        this.id = id;
        this.practice = practice;
        this.opening = new OpeningColumns(opening);
        this.expiresAt = Times.millisOrNull(expiresAt);
        this.requestId = requestId;
        this.createdAt = Times.millis(createdAt);
    }

    public String id() {
        return id;
    }

    public Hold toHold() {
        return new Hold(id, practice, opening.toOpening(), Times.instantOrNull(expiresAt));
    }
}
