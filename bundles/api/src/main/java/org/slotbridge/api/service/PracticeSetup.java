package org.slotbridge.api.service;

import java.util.List;

import org.slotbridge.api.Category;
import org.slotbridge.api.Practice;
import org.slotbridge.api.PracticeConfig;
import org.slotbridge.api.PracticeRules;
import org.slotbridge.api.Provider;
import org.slotbridge.api.Reason;
import org.slotbridge.api.Room;
import org.slotbridge.api.WorkingHours;

/**
 * Writes what a practice configures: itself, its reasons and its providers' working hours.
 * Each call replaces what was stored under the same key, and is applied whole or not at all: the
 * practice's whole configuration after the change is checked as a {@link PracticeConfig} first, and a
 * change that would leave it invalid is refused with that check's
 * {@link org.slotbridge.api.InvalidInputException}.
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

    /**
     * Removes a reason; decided requests made for it stay as they are.
     *
     * @throws org.slotbridge.api.ConflictException with code {@code reason_in_use} while a request for it is open
     */
    void removeReason(String slug, String reasonId);

    /** Replaces one provider's working hours. */
    void saveWorkingHours(String slug, WorkingHours hours);

    /** Replaces what the practice sets for all its reasons. */
    void saveRules(String slug, PracticeRules rules);

    /** Replaces the category tree of the practice's reasons. */
    void saveCategories(String slug, List<Category> categories);

    /**
     * Applies a whole configuration at once: the practice, its rules, categories and reasons and the
     * working hours it lists are replaced; its providers and rooms are created or updated, and those
     * it does not list are kept (the PMS may have reported them).
     */
    void apply(PracticeConfig config);
}
