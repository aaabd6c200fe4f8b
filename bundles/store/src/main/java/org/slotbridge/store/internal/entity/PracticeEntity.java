package org.slotbridge.store.internal.entity;

import java.time.ZoneId;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.Id;
import javax.persistence.Table;

import org.slotbridge.api.NewClientPolicy;
import org.slotbridge.api.Practice;

@Entity
@Table(name = "practice")
public class PracticeEntity {

    @Id
    @Column(name = "slug", length = 64)
    private String slug;

    @Column(name = "name", nullable = false, length = 200)
    private String name;

    @Column(name = "time_zone", nullable = false, length = 64)
    private String zone;

    @Column(name = "phone", length = 64)
    private String phone;

    @Column(name = "email", length = 254)
    private String email;

    @Enumerated(EnumType.STRING)
    @Column(name = "new_clients", nullable = false, length = 16)
    private NewClientPolicy newClients;

    @Column(name = "online_booking", nullable = false)
    private boolean onlineBooking;

    protected PracticeEntity() {
    }

    public PracticeEntity(Practice practice) {
        this.slug = practice.slug();
        apply(practice);
    }

    public void apply(Practice practice) {
        name = practice.name();
        zone = practice.zone().getId();
        phone = practice.phone();
        email = practice.email();
        newClients = practice.newClients();
        onlineBooking = practice.onlineBooking();
    }

    public Practice toPractice() {
        return new Practice(slug, name, ZoneId.of(zone), phone, email, newClients, onlineBooking);
    }
}
