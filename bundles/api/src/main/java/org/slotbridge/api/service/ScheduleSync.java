package org.slotbridge.api.service;

import java.util.function.Function;

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
 * <p>
 * A connector reading files applies each message through {@link #applyMessage}, so that the message's
 * writes and the {@link InboxJournal}'s record of it commit together.
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

    /**
     * Applies the writes of one message of an inbox file in one transaction, and records in the same
     * transaction that the file was handled through that message, so that a crash leaves both or neither
     * and the message is applied exactly once. {@code writes} is given a schedule copy whose calls all join
     * that transaction, for the file's practice only; a failure in it rolls back every write of the message
     * and records nothing. Open requests are reconciled after the commit, as after single calls.
     *
     * @return what {@code writes} returned
     * @throws org.slotbridge.api.ConflictException with code {@link InboxJournal#ALREADY_RECORDED} when the
     *         journal already has this message (another reading of the file applied it); nothing is written
     */
    <T> T applyMessage(InboxJournal.Mark mark, Function<ScheduleSync, T> writes);
}
