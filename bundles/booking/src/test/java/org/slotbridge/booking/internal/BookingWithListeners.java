package org.slotbridge.booking.internal;

import java.time.Clock;
import java.util.List;

import org.slotbridge.api.service.Booking;
import org.slotbridge.api.service.ClientLinks;
import org.slotbridge.api.service.RequestListener;
import org.slotbridge.store.Store;

/**
 * The real booking service and client links outside a framework, telling the given listeners as Declarative
 * Services would have them bound, for the tests of the bundles that listen to requests. Nothing sweeps by
 * itself: {@link #sweep()} runs the sweep at once.
 */
public final class BookingWithListeners {

    private final BookingService booking;
    private final ClientLinks links;

    private BookingWithListeners(BookingService booking, ClientLinks links) {
        this.booking = booking;
        this.links = links;
    }

    public static BookingWithListeners create(Store store, Clock clock, List<RequestListener> listeners) {
        BookingService booking = new BookingService(store, new PracticeSchedules(store), Settings.DEFAULT, clock);
        booking.listeners = listeners.stream().map(Listeners::direct).toList();
        return new BookingWithListeners(booking, new ClientLinkService(store, clock));
    }

    public Booking booking() {
        return booking;
    }

    public ClientLinks links() {
        return links;
    }

    /** Expires what is due by the clock and deletes lapsed holds, as the scheduled sweep does. */
    public void sweep() {
        booking.sweep();
    }
}
