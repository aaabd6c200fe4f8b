package org.slotbridge.store.internal.entity;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.IdClass;
import javax.persistence.Table;

/**
 * One five-minute unit of one resource claimed by a hold. The primary key over practice, resource and
 * unit is what keeps two holds from sharing time.
 */
@Entity
@Table(name = "hold_unit")
@IdClass(HoldUnitKey.class)
public class HoldUnitEntity {

    @Id
    @Column(name = "practice", length = 64)
    private String practice;

    /** {@code p:<provider id>} or {@code r:<room id>}. */
    @Id
    @Column(name = "resource_key", length = 110)
    private String resourceKey;

    @Id
    @Column(name = "unit_start")
    private long unitStart;

    @Column(name = "hold_id", nullable = false, length = 40)
    private String holdId;

    protected HoldUnitEntity() {
    }

    public HoldUnitEntity(String practice, String resourceKey, long unitStart, String holdId) {
        this.practice = practice;
        this.resourceKey = resourceKey;
        this.unitStart = unitStart;
        this.holdId = holdId;
    }
}
