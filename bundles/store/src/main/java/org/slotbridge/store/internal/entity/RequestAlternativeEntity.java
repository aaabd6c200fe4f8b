package org.slotbridge.store.internal.entity;

import javax.persistence.Column;
import javax.persistence.Embedded;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

import org.slotbridge.api.Opening;

/** One of the openings offered in place of a conflicted request, in the order offered. */
@Entity
@Table(name = "request_alternative")
public class RequestAlternativeEntity {

    @Id
    @Column(name = "id", length = 50)
    private String id;

    @Column(name = "request_id", nullable = false, length = 40)
    private String requestId;

    @Column(name = "list_index", nullable = false)
    private int position;

    @Column(name = "practice", nullable = false, length = 64)
    private String practice;

    @Embedded
    private OpeningColumns opening;

    protected RequestAlternativeEntity() {
    }

    public RequestAlternativeEntity(String practice, String requestId, int position, Opening opening) {
        this.id = requestId + "/" + position;
        this.requestId = requestId;
        this.position = position;
        this.practice = practice;
        this.opening = new OpeningColumns(opening);
    }

    public int position() {
        return position;
    }

    public Opening opening() {
        return opening.toOpening();
    }
}
