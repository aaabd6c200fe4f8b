package org.slotbridge.booking.internal;

import java.time.Clock;
import java.util.List;

import org.slotbridge.api.service.Booking;
import org.slotbridge.api.service.RequestListener;
import org.slotbridge.booking.ScheduleChanges;
import org.slotbridge.store.Store;

/**
 * The real booking service for the sync tests, without its sweeper, and the cache of schedules it searches,
 * which sync tells of its changes.
 */
public final class TestBooking {

    private final BookingService booking;
    private final PracticeSchedules schedules;

    private TestBooking(BookingService booking, PracticeSchedules schedules) {
        this.booking = booking;
        this.schedules = schedules;
    }

    public static TestBooking create(Store store, Clock clock, List<RequestListener> listeners) {
        PracticeSchedules schedules = new PracticeSchedules(store);
        BookingService booking = new BookingService(store, schedules, Settings.DEFAULT, clock);
        booking.listeners = listeners.stream().map(Listeners::direct).toList();
        return new TestBooking(booking, schedules);
    }

    public Booking booking() {
        return booking;
    }

    public ScheduleChanges changes() {
        return schedules;
    }

    /** How many times a schedule index was read from the store. */
    public long builds() {
        return schedules.builds();
    }
}
