package org.slotbridge.booking.internal;

import java.time.Clock;
import java.util.List;

import org.slotbridge.api.service.Booking;
import org.slotbridge.api.service.RequestListener;
import org.slotbridge.store.Store;

/** The real booking service for the sync tests, without its sweeper. */
public final class TestBooking {

    private TestBooking() {
    }

    public static Booking create(Store store, Clock clock, List<RequestListener> listeners) {
        BookingService booking = new BookingService(store, Settings.DEFAULT, clock, false);
        booking.listeners = listeners.stream().map(Listeners::direct).toList();
        return booking;
    }
}
