package org.slotbridge.store.internal.entity;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/**
 * The hash of one more token of a client's link, given in a message to the client after the request was sent
 * (the first token's hash is kept with the request itself). Kept as long as the request.
 */
@Entity
@Table(name = "request_token")
public class RequestTokenEntity {

    /** SHA-256 of the token, hex: 256 random bits make two tokens of one hash never happen. */
    @Id
    @Column(name = "token_hash", length = 64)
    private String tokenHash;

    @Column(name = "practice", nullable = false, length = 64)
    private String practice;

    @Column(name = "request_id", nullable = false, length = 40)
    private String requestId;

    @Column(name = "issued_at", nullable = false)
    private long issuedAt;

    protected RequestTokenEntity() {
    }

    public RequestTokenEntity(String tokenHash, String practice, String requestId, Instant issuedAt) {
        this.tokenHash = tokenHash;
        this.practice = practice;
        this.requestId = requestId;
        this.issuedAt = Times.millis(issuedAt);
    }

    public String tokenHash() {
        return tokenHash;
    }
}
