package org.slotbridge.api;

import java.time.Instant;
import java.util.Objects;

/**
 * A visit in the schedule copy, as the PMS reported it.
 *
 * @param pmsId        the PMS's id for the appointment, unique within the practice
 * @param providerId   who sees the client; may be null when the PMS did not say
 * @param roomId       the room it takes; may be null
 * @param start        when it starts
 * @param end          when it ends, after {@code start}
 * @param patientPmsId the PMS's id of the patient; may be null
 * @param status       whether it still takes its time
 * @param placerId     the id of the Slotbridge request this visit was booked from, when the PMS echoed it
 */
public record Appointment(String pmsId, String providerId, String roomId, Instant start, Instant end,
                          String patientPmsId, AppointmentStatus status, String placerId) {

    public Appointment {
        Objects.requireNonNull(pmsId, "pmsId");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(status, "status");
        if (!end.isAfter(start)) {
            throw new InvalidInputException("end", "appointment " + pmsId + " ends at or before its start");
        }
    }
}
