package org.slotbridge.store;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;
import org.slotbridge.api.Request;
import org.slotbridge.api.service.RequestEvents.Event;

/**
 * The request events ({@link org.slotbridge.api.service.RequestEvents}) in {@code request_event}. Booking
 * records one in the transaction of each change of a request, after the change, while the request's row is
 * locked, so that the ids of one request's events follow the order of its changes.
 */
@ProviderType
public interface RequestEventRepository {

    /** How long a delivered event is kept. */
    Duration KEPT_DELIVERED = Duration.ofDays(1);

    /** Records the request as a change left it. */
    void record(Request request, Instant now);

    /** Up to {@code atMost} undelivered events of the practice, oldest first. */
    List<Event> undelivered(String slug, int atMost);

    /** Marks an event delivered; false when it was already, or is not the practice's. */
    boolean delivered(String slug, long eventId, Instant now);

    /**
     * Deletes up to {@code atMost} events delivered {@link #KEPT_DELIVERED} before {@code now}, or recorded
     * {@link org.slotbridge.api.service.RequestEvents#KEPT_UNDELIVERED} before it, in every practice; returns
     * how many. Called again until it returns less than {@code atMost}, each call in a transaction of its own.
     */
    int sweep(Instant now, int atMost);
}
