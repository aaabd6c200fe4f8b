package org.slotbridge.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;
import org.slotbridge.api.Appointment;
import org.slotbridge.api.AppointmentStatus;
import org.slotbridge.api.Blockout;

/**
 * The appointments and blockouts of the schedule copy, keyed by their PMS ids within a practice.
 * Writes to a practice that does not exist throw {@link org.slotbridge.api.NotFoundException}. Every
 * write bumps the practice's {@link Versions#schedule()} when its transaction commits (a status change
 * or removal only when it found what it names).
 */
@ProviderType
public interface ScheduleRepository {

    /** Creates or replaces the appointment with the same PMS id. */
    void saveAppointment(String slug, Appointment appointment);

    Optional<Appointment> appointment(String slug, String pmsId);

    /** Sets an appointment's status; false when the PMS id is unknown. */
    boolean setAppointmentStatus(String slug, String pmsId, AppointmentStatus status);

    /** Appointments that take time (not cancelled) and overlap {@code [from, to)}, by start. */
    List<Appointment> appointmentsTakingTime(String slug, Instant from, Instant to);

    /** Creates or replaces the blockout with the same PMS id. */
    void saveBlockout(String slug, Blockout blockout);

    /** The blockout with this PMS id. */
    Optional<Blockout> blockout(String slug, String pmsId);

    /** Removes a blockout; false when the PMS id is unknown. */
    boolean removeBlockout(String slug, String pmsId);

    /** Blockouts that overlap {@code [from, to)}, by start. */
    List<Blockout> blockouts(String slug, Instant from, Instant to);
}
