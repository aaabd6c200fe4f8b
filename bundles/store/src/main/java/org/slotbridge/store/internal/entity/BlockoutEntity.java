package org.slotbridge.store.internal.entity;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

import org.slotbridge.api.Blockout;

@Entity
@Table(name = "blockout")
public class BlockoutEntity {

    private static final int TYPE_LENGTH = 100;

    @Id
    @Column(name = "id", length = 40)
    private String id;

    @Column(name = "practice", nullable = false, length = 64)
    private String practice;

    @Column(name = "pms_id", nullable = false, length = 100)
    private String pmsId;

    /** Null blocks every provider of the practice. */
    @Column(name = "provider_code", length = 100)
    private String providerCode;

    @Column(name = "starts_at", nullable = false)
    private long startsAt;

    @Column(name = "ends_at", nullable = false)
    private long endsAt;

    /** The PMS's type; null for none. */
    @Column(name = "blockout_type", length = TYPE_LENGTH)
    private String type;

    protected BlockoutEntity() {
    }

    public BlockoutEntity(String id, String practice, Blockout blockout) {
        this.id = id;
        this.practice = practice;
        this.pmsId = blockout.pmsId();
        apply(blockout);
    }

    public void apply(Blockout blockout) {
        providerCode = blockout.providerId();
        startsAt = Times.millis(blockout.start());
        endsAt = Times.millis(blockout.end());
        type = Lengths.fit(blockout.type(), TYPE_LENGTH, "type");
    }

    public Blockout toBlockout() {
        return new Blockout(pmsId, providerCode, Times.instant(startsAt), Times.instant(endsAt), type);
    }
}
