package org.slotbridge.store.internal.entity;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

import org.slotbridge.api.service.StaffAccounts.StaffMember;

@Entity
@Table(name = "staff")
public class StaffEntity {

    @Id
    @Column(name = "username", length = 100)
    private String username;

    @Column(name = "practice", nullable = false, length = 64)
    private String practice;

    @Column(name = "display_name", nullable = false, length = 200)
    private String displayName;

    @Column(name = "password_hash", nullable = false, length = 200)
    private String passwordHash;

    protected StaffEntity() {
    }

    public StaffEntity(String username, String practice) {
        this.username = username;
        this.practice = practice;
    }

    public String practice() {
        return practice;
    }

    public String passwordHash() {
        return passwordHash;
    }

    public void apply(String newDisplayName, String newPasswordHash) {
        displayName = newDisplayName;
        passwordHash = newPasswordHash;
    }

    public StaffMember toMember() {
        return new StaffMember(username, practice, displayName);
    }
}
