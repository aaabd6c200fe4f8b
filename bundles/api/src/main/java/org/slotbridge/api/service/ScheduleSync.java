package org.slotbridge.api.service;

import org.slotbridge.api.Appointment;
import org.slotbridge.api.Blockout;
import org.slotbridge.api.Client;
import org.slotbridge.api.Patient;
import org.slotbridge.api.Provider;
import org.slotbridge.api.Room;

/**
 * Applies what a connector read from the PMS to the schedule copy, one record per call, each in its own
 * transaction. Records are keyed by their PMS id, so applying the same record twice changes nothing.
 * After an appointment is applied, open requests are reconciled with it: a visit booked for the
 * request's placer id confirms that request.
 */
public interface ScheduleSync {

    /** Creates or replaces an appointment. */
    void appointment(String slug, Appointment appointment);

    /** Marks an appointment cancelled, freeing its time; unknown ids are ignored and reported false. */
    boolean cancelAppointment(String slug, String pmsId);

    /** Marks an appointment as a no-show; unknown ids are ignored and reported false. */
    boolean noShow(String slug, String pmsId);

    /** Creates or replaces a blockout. */
    void blockout(String slug, Blockout blockout);

    /** Removes a blockout; unknown ids are ignored and reported false. */
    boolean removeBlockout(String slug, String pmsId);

    /** Creates or updates a client known to the PMS, matched by its PMS id. */
    void client(String slug, Client client);

    /** Creates or updates a patient known to the PMS, matched by its PMS id. */
    void patient(String slug, Patient patient);

    /** Creates a provider the PMS named, or updates its name. */
    void provider(String slug, Provider provider);

    /** Creates a room the PMS named, or updates its name. */
    void room(String slug, Room room);
}
