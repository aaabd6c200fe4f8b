package org.slotbridge.store;

import java.time.Instant;
import java.util.Objects;

import org.slotbridge.api.Opening;
import org.slotbridge.api.PatientKind;

/**
 * What is stored for a new request; the store gives it its id and the status
 * {@link org.slotbridge.api.RequestStatus#PENDING}.
 *
 * @param opening     the time asked for
 * @param holdId      the hold that keeps it
 * @param clientId    the stored client who asked
 * @param newClient   whether the client was unknown to the practice before
 * @param patientId   the stored patient when the visit is for one the PMS knows; may be null
 * @param patientName whom the visit is for
 * @param patientKind the client, a family member or a pet
 * @param memo        the client's note; may be null
 * @param createdAt   when the client sent it
 */
public record NewRequest(Opening opening, String holdId, String clientId, boolean newClient, String patientId,
                         String patientName, PatientKind patientKind, String memo, Instant createdAt) {

    public NewRequest {
        Objects.requireNonNull(opening, "opening");
        Objects.requireNonNull(holdId, "holdId");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(patientKind, "patientKind");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
