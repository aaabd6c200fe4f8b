package org.slotbridge.store.internal.entity;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

import org.slotbridge.api.Client;

/**
 * A client. The email is kept in lower case and the phone also as its digits alone, the forms they
 * are matched in.
 */
@Entity
@Table(name = "client")
public class ClientEntity {

    @Id
    @Column(name = "id", length = 40)
    private String id;

    @Column(name = "practice", nullable = false, length = 64)
    private String practice;

    @Column(name = "pms_id", length = 100)
    private String pmsId;

    @Column(name = "name", length = 200)
    private String name;

    @Column(name = "email", length = 254)
    private String email;

    @Column(name = "phone", length = 64)
    private String phone;

    @Column(name = "phone_key", length = 32)
    private String phoneKey;

    @Column(name = "privacy_hash", length = 200)
    private String privacyHash;

    @Column(name = "created_at", nullable = false)
    private long createdAt;

    protected ClientEntity() {
    }

    public ClientEntity(String id, String practice, Instant createdAt) {
        this.id = id;
        this.practice = practice;
        this.createdAt = Times.millis(createdAt);
    }

    public String id() {
        return id;
    }

    public String practice() {
        return practice;
    }

    public String pmsId() {
        return pmsId;
    }

    public String privacyHash() {
        return privacyHash;
    }

    public void setPmsId(String newPmsId) {
        pmsId = newPmsId;
    }

    public void setPrivacyHash(String hash) {
        privacyHash = hash;
    }

    /** Sets name and contact details; {@code email} and {@code phoneKey} come already normalised. */
    public void setDetails(String newName, String newEmail, String newPhone, String newPhoneKey) {
        name = newName;
        email = newEmail;
        phone = newPhone;
        phoneKey = newPhoneKey;
    }

    public Client toClient() {
        return new Client(id, pmsId, name, email, phone, privacyHash != null);
    }
}
