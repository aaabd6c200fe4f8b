package org.slotbridge.store.internal.entity;

import javax.persistence.Column;
import javax.persistence.Embeddable;

import org.slotbridge.api.Opening;

/** An opening as the hold and request tables keep it. */
@Embeddable
public class OpeningColumns {

    @Column(name = "reason_code", nullable = false, length = 64)
    private String reasonCode;

    @Column(name = "provider_code", nullable = false, length = 100)
    private String providerCode;

    @Column(name = "room_code", length = 100)
    private String roomCode;

    @Column(name = "starts_at", nullable = false)
    private long startsAt;

    @Column(name = "ends_at", nullable = false)
    private long endsAt;

    protected OpeningColumns() {
    }

    public OpeningColumns(Opening opening) {
        reasonCode = opening.reasonId();
        providerCode = opening.providerId();
        roomCode = opening.roomId();
        startsAt = Times.millis(opening.start());
        endsAt = Times.millis(opening.end());
    }

    public Opening toOpening() {
        return new Opening(reasonCode, providerCode, roomCode, Times.instant(startsAt), Times.instant(endsAt));
    }
}
