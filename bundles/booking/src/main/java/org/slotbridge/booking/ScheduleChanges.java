package org.slotbridge.booking;

import org.osgi.annotation.versioning.ProviderType;
import org.slotbridge.api.Appointment;
import org.slotbridge.api.Blockout;

/**
 * Told, after each commit, of a change to one practice's schedule copy made on this node. Booking keeps an
 * index of each practice's schedule between searches; a change told here is applied to that index in
 * place when the index holds exactly the schedule the change was made on, and otherwise makes the index be
 * read again on the next search. Telling is never needed for correctness, only for speed: a change nobody
 * tells is found through the store's schedule version and costs a rebuild.
 *
 * <p>Tell only changes that wrote something: a write that found nothing to change leaves the store's
 * schedule version as it was, and must not be told.
 *
 * <p>Calls do not read the store, but may wait while the practice's index is being read. They may come from
 * any thread, in any order, and never fail the change they tell of: a change that cannot be applied makes
 * the index be read again.
 */
@ProviderType
public interface ScheduleChanges {

    /**
     * An appointment was created, changed or cancelled.
     *
     * @param slug      the practice
     * @param before    the appointment as stored before the change; null when there was none
     * @param after     the appointment as stored after it; null when it was removed
     * @param onVersion the practice's schedule version as read in the change's own transaction
     *                  ({@code PracticeRepository.versions}), which does not count the change itself.
     *                  The commit makes it the next number, unless another change committed in between;
     *                  booking then finds a higher number in the store and reads the schedule again
     */
    void appointmentChanged(String slug, Appointment before, Appointment after, long onVersion);

    /**
     * A blockout was created, changed or removed.
     *
     * @param slug      the practice
     * @param before    the blockout as stored before the change; null when there was none
     * @param after     the blockout as stored after it; null when it was removed
     * @param onVersion the practice's schedule version as read in the change's own transaction
     * @see #appointmentChanged
     */
    void blockoutChanged(String slug, Blockout before, Blockout after, long onVersion);
}
