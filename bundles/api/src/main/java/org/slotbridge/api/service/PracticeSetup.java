package org.slotbridge.api.service;

import org.slotbridge.api.Practice;
import org.slotbridge.api.Provider;
import org.slotbridge.api.Reason;
import org.slotbridge.api.Room;
import org.slotbridge.api.WorkingHours;

/**
 * Writes what a practice configures: itself, its reasons and its providers' working hours.
 * Each call replaces what was stored under the same key, and is applied whole or not at all.
 */
public interface PracticeSetup {

    /** Creates or updates a practice. */
    void savePractice(Practice practice);

    /** Creates or updates a provider the practice configured by hand. */
    void saveProvider(String slug, Provider provider);

    /** Creates or updates a room the practice configured by hand. */
    void saveRoom(String slug, Room room);

    /** Creates or updates a reason. */
    void saveReason(String slug, Reason reason);

    /** Removes a reason; open requests made for it stay as they are. */
    void removeReason(String slug, String reasonId);

    /** Replaces one provider's working hours. */
    void saveWorkingHours(String slug, WorkingHours hours);
}
