package org.slotbridge.store.internal.entity;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.Id;
import javax.persistence.Table;

import org.slotbridge.api.Appointment;
import org.slotbridge.api.AppointmentStatus;

@Entity
@Table(name = "appointment")
public class AppointmentEntity {

    @Id
    @Column(name = "id", length = 40)
    private String id;

    @Column(name = "practice", nullable = false, length = 64)
    private String practice;

    @Column(name = "pms_id", nullable = false, length = 100)
    private String pmsId;

    @Column(name = "provider_code", length = 100)
    private String providerCode;

    @Column(name = "room_code", length = 100)
    private String roomCode;

    @Column(name = "starts_at", nullable = false)
    private long startsAt;

    @Column(name = "ends_at", nullable = false)
    private long endsAt;

    @Column(name = "patient_pms_id", length = 100)
    private String patientPmsId;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 16)
    private AppointmentStatus status;

    @Column(name = "placer_id", length = 100)
    private String placerId;

    protected AppointmentEntity() {
    }

    public AppointmentEntity(String id, String practice, Appointment appointment) {
        this.id = id;
        this.practice = practice;
        this.pmsId = appointment.pmsId();
        apply(appointment);
    }

    public void apply(Appointment appointment) {
        providerCode = appointment.providerId();
        roomCode = appointment.roomId();
        startsAt = Times.millis(appointment.start());
        endsAt = Times.millis(appointment.end());
        patientPmsId = appointment.patientPmsId();
        status = appointment.status();
        placerId = appointment.placerId();
    }

    public void setStatus(AppointmentStatus newStatus) {
        status = newStatus;
    }

    public Appointment toAppointment() {
        return new Appointment(pmsId, providerCode, roomCode, Times.instant(startsAt), Times.instant(endsAt),
                patientPmsId, status, placerId);
    }
}
