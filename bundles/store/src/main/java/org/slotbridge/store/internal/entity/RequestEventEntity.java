package org.slotbridge.store.internal.entity;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Embedded;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;

import org.slotbridge.api.Request;

/**
 * One change of a request, as written; read back and marked delivered in plain SQL by the repository. It
 * keeps what a change can alter; the client, the patient and the memo stay with the request.
 */
@Entity
@Table(name = "request_event")
public class RequestEventEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;

    @Column(name = "practice", nullable = false, length = 64)
    private String practice;

    @Column(name = "request_id", nullable = false, length = 40)
    private String requestId;

    @Column(name = "status", nullable = false, length = 16)
    private String status;

    @Embedded
    private OpeningColumns opening;

    @Column(name = "hold_id", length = 40)
    private String holdId;

    @Column(name = "staff_note", length = 2000)
    private String staffNote;

    @Column(name = "decided_at")
    private Long decidedAt;

    @Column(name = "answer_by")
    private Long answerBy;

    @Column(name = "recorded_at", nullable = false)
    private long recordedAt;

    @Column(name = "delivered_at")
    private Long deliveredAt;

    protected RequestEventEntity() {
    }

    public RequestEventEntity(Request request, Instant recordedAt) {
        this.practice = request.practiceSlug();
        this.requestId = request.id();
        this.status = request.status().name();
        this.opening = new OpeningColumns(request.opening());
        this.holdId = request.holdId();
        this.staffNote = request.staffNote();
        this.decidedAt = Times.millisOrNull(request.decidedAt());
        this.answerBy = Times.millisOrNull(request.answerBy());
        this.recordedAt = Times.millis(recordedAt);
    }
}
