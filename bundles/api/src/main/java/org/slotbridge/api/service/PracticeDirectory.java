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

/** Reads the practices and what each one offers. Every call is scoped to one practice by its slug. */
public interface PracticeDirectory {

    /** Every practice, listed or not, ordered by slug. */
    List<Practice> practices();

    /**
     * The practice with this slug.
     *
     * @throws org.slotbridge.api.NotFoundException when there is none
     */
    Practice practice(String slug);

    /** The practice's providers, ordered by id. */
    List<Provider> providers(String slug);

    /** The practice's rooms, ordered by id. */
    List<Room> rooms(String slug);

    /** The reasons the practice offers online, ordered by category then name. */
    List<Reason> reasons(String slug);

    /**
     * One reason.
     *
     * @throws org.slotbridge.api.NotFoundException when the practice has no such reason
     */
    Reason reason(String slug, String reasonId);

    /** The working hours of each provider that has any configured. */
    List<WorkingHours> workingHours(String slug);

    /** What the practice sets for all its reasons; {@link PracticeRules#DEFAULT} until it sets anything. */
    PracticeRules rules(String slug);

    /** The category tree of the practice's reasons, ordered by parent then name. */
    List<Category> categories(String slug);

    /** The whole configuration of the practice, as the engine reads it. */
    PracticeConfig config(String slug);
}
