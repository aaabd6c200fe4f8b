package org.slotbridge.api.service;

import java.time.Instant;
import java.time.Duration;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;
import org.slotbridge.api.Request;

/**
 * Every change of a request, kept in the database in the transaction of the change, until the practice's
 * connector has delivered it to the PMS: the outbox of requests. A connector reads the undelivered changes
 * of its practice, oldest first, delivers each and marks it delivered, so that the PMS hears of every change,
 * also of one made on another node of a cluster, and of one whose node died right after its commit.
 * <p>
 * Delivery is at least once: a node that dies after delivering a change and before marking it delivers it
 * again on its next start, so a connector makes what it delivers for one event the same each time (a file of
 * the same name and content, say). Only one connector per practice may deliver its changes. Changes nobody
 * delivered are forgotten after {@link #KEPT_UNDELIVERED}.
 */
@ProviderType
public interface RequestEvents {

    /** How long a change waits for a connector before it is forgotten. */
    Duration KEPT_UNDELIVERED = Duration.ofDays(30);

    /**
     * One change of a request.
     *
     * @param id         increasing in the order of the changes of one request
     * @param request    the request as this change left it
     * @param recordedAt when the change was made
     */
    record Event(long id, Request request, Instant recordedAt) {
    }

    /** Up to {@code atMost} undelivered changes of the practice's requests, oldest first. */
    List<Event> undelivered(String slug, int atMost);

    /** Marks a change delivered; false when it was already, or is unknown. */
    boolean delivered(String slug, long eventId);
}
