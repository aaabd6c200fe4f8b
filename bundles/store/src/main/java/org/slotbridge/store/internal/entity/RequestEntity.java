package org.slotbridge.store.internal.entity;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Embedded;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.Id;
import javax.persistence.Table;

import org.slotbridge.api.Opening;
import org.slotbridge.api.PatientKind;
import org.slotbridge.api.RequestStatus;

/** A request; its client and patient are read from their own tables. */
@Entity
@Table(name = "request")
public class RequestEntity {

    @Id
    @Column(name = "id", length = 40)
    private String id;

    @Column(name = "practice", nullable = false, length = 64)
    private String practice;

    @Embedded
    private OpeningColumns opening;

    @Column(name = "hold_id", length = 40)
    private String holdId;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 16)
    private RequestStatus status;

    @Column(name = "client_id", nullable = false, length = 40)
    private String clientId;

    @Column(name = "new_client", nullable = false)
    private boolean newClient;

    @Column(name = "patient_id", length = 40)
    private String patientId;

    @Column(name = "patient_name", length = 200)
    private String patientName;

    @Enumerated(EnumType.STRING)
    @Column(name = "patient_kind", nullable = false, length = 16)
    private PatientKind patientKind;

    @Column(name = "memo", length = 2000)
    private String memo;

    @Column(name = "staff_note", length = 2000)
    private String staffNote;

    @Column(name = "created_at", nullable = false)
    private long createdAt;

    @Column(name = "decided_at")
    private Long decidedAt;

    @Column(name = "client_token_hash", length = 64)
    private String clientTokenHash;

    @Column(name = "answer_by")
    private Long answerBy;

    protected RequestEntity() {
    }

    public RequestEntity(String id, String practice, String clientId, boolean newClient, String patientId,
                         String patientName, PatientKind patientKind, String memo, Instant createdAt) {
        this.id = id;
        this.practice = practice;
        this.clientId = clientId;
        this.newClient = newClient;
        this.patientId = patientId;
        this.patientName = patientName;
        this.patientKind = patientKind;
        this.memo = memo;
        this.createdAt = Times.millis(createdAt);
        this.status = RequestStatus.PENDING;
    }

    /** Sets what may change over the request's life. */
    public void setState(RequestStatus newStatus, Opening newOpening, String newHoldId, String newStaffNote,
                         Instant newDecidedAt) {
        status = newStatus;
        opening = new OpeningColumns(newOpening);
        holdId = newHoldId;
        staffNote = newStaffNote;
        decidedAt = Times.millisOrNull(newDecidedAt);
    }

    public void setClientTokenHash(String hash) {
        clientTokenHash = hash;
    }

    public String clientTokenHash() {
        return clientTokenHash;
    }

    public void setAnswerBy(Instant instant) {
        answerBy = Times.millisOrNull(instant);
    }

    public Instant answerBy() {
        return Times.instantOrNull(answerBy);
    }

    public String id() {
        return id;
    }

    public String practice() {
        return practice;
    }

    public Opening opening() {
        return opening.toOpening();
    }

    public String holdId() {
        return holdId;
    }

    public RequestStatus status() {
        return status;
    }

    public String clientId() {
        return clientId;
    }

    public boolean newClient() {
        return newClient;
    }

    public String patientId() {
        return patientId;
    }

    public String patientName() {
        return patientName;
    }

    public PatientKind patientKind() {
        return patientKind;
    }

    public String memo() {
        return memo;
    }

    public String staffNote() {
        return staffNote;
    }

    public Instant createdAt() {
        return Times.instant(createdAt);
    }

    public Instant decidedAt() {
        return Times.instantOrNull(decidedAt);
    }
}
