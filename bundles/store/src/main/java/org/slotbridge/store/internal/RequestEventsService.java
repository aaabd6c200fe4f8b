package org.slotbridge.store.internal;

import java.time.Clock;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slotbridge.api.InvalidInputException;
import org.slotbridge.api.service.RequestEvents;
import org.slotbridge.store.Store;

/** The request events on the store, each call its own transaction. Booking records them with its changes. */
@Component(service = RequestEvents.class)
public final class RequestEventsService implements RequestEvents {

    /** The most events one call reads. */
    static final int AT_MOST = 500;

    private final Store store;
    private final Clock clock;

    @Activate
    public RequestEventsService(@Reference(name = "store") Store store) {
        this(store, Clock.systemUTC());
    }

    public RequestEventsService(Store store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    public List<Event> undelivered(String slug, int atMost) {
        if (atMost < 1 || atMost > AT_MOST) {
            throw new InvalidInputException("atMost", "must be from 1 to " + AT_MOST);
        }
        return store.call(session -> session.requestEvents().undelivered(slug, atMost));
    }

    @Override
    public boolean delivered(String slug, long eventId) {
        return store.call(session -> session.requestEvents().delivered(slug, eventId, clock.instant()));
    }
}
