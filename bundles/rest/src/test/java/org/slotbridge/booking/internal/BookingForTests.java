package org.slotbridge.booking.internal;

import java.time.Clock;

import org.slotbridge.api.service.Booking;
import org.slotbridge.store.Store;

/** The real booking service for the API tests: its own schedule cache, no sweeper, no listeners. */
public final class BookingForTests {

    private BookingForTests() {
    }

    public static Booking create(Store store, Clock clock) {
        return new BookingService(store, new PracticeSchedules(store), Settings.DEFAULT, clock);
    }
}
