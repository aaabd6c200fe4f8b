package org.slotbridge.connector.hl7v2.internal;

import java.util.List;

import org.slotbridge.api.Appointment;
import org.slotbridge.api.Provider;
import org.slotbridge.api.Room;

/**
 * What one SIU message asks of the schedule copy.
 *
 * @param action      what to do with the appointment
 * @param pmsId       the appointment's PMS id
 * @param appointment the appointment to store, for {@link Action#STORE}; null otherwise
 * @param providers   every provider the message names, to register first
 * @param rooms       every room the message names, to register first
 */
record ScheduleChange(Action action, String pmsId, Appointment appointment, List<Provider> providers,
                      List<Room> rooms) {

    enum Action {
        /** Create or replace the appointment (S12, S13, S14). */
        STORE,
        /** Free its time (S15, S16, S17). */
        CANCEL,
        /** Mark it a no-show (S26). */
        NO_SHOW
    }

    ScheduleChange {
        providers = List.copyOf(providers);
        rooms = List.copyOf(rooms);
    }
}
