package org.slotbridge.booking.internal;

import java.time.Instant;

import org.slotbridge.api.Opening;
import org.slotbridge.api.Request;
import org.slotbridge.api.RequestStatus;

/** New states of a request; what the client sent never changes. */
final class Requests {

    private Requests() {
    }

    /**
     * The request after a decision at {@code now}. Its decision time is when it first left
     * {@link RequestStatus#PENDING}.
     */
    static Request decided(Request current, RequestStatus status, Opening opening, String holdId, String staffNote,
                           Instant now) {
        Instant decidedAt = current.decidedAt() != null ? current.decidedAt() : now;
        return new Request(current.id(), current.practiceSlug(), opening, holdId, status, current.client(),
                current.patient(), current.newClient(), current.memo(), staffNote, current.createdAt(), decidedAt);
    }
}
