package org.slotbridge.store.internal.entity;

import java.time.LocalDate;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.Id;
import javax.persistence.Table;

import org.slotbridge.api.Patient;
import org.slotbridge.api.PatientKind;

@Entity
@Table(name = "patient")
public class PatientEntity {

    @Id
    @Column(name = "id", length = 40)
    private String id;

    @Column(name = "practice", nullable = false, length = 64)
    private String practice;

    @Column(name = "pms_id", nullable = false, length = 100)
    private String pmsId;

    @Column(name = "client_pms_id", length = 100)
    private String clientPmsId;

    @Column(name = "name", length = 200)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", length = 16)
    private PatientKind kind;

    @Column(name = "birth_date")
    private LocalDate birthDate;

    @Column(name = "species", length = 100)
    private String species;

    protected PatientEntity() {
    }

    public PatientEntity(String id, String practice, Patient patient) {
        this.id = id;
        this.practice = practice;
        this.pmsId = patient.pmsId();
        apply(patient);
    }

    public String practice() {
        return practice;
    }

    public void apply(Patient patient) {
        clientPmsId = patient.clientPmsId();
        name = patient.name();
        kind = patient.kind();
        birthDate = patient.birthDate();
        species = patient.species();
    }

    public Patient toPatient() {
        return new Patient(id, pmsId, clientPmsId, name, kind, birthDate, species);
    }
}
