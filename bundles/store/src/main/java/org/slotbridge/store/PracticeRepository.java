package org.slotbridge.store;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;
import org.slotbridge.api.Category;
import org.slotbridge.api.Practice;
import org.slotbridge.api.PracticeConfig;
import org.slotbridge.api.PracticeRules;
import org.slotbridge.api.Provider;
import org.slotbridge.api.Reason;
import org.slotbridge.api.Room;
import org.slotbridge.api.WorkingHours;

/**
 * What each practice configures or the PMS names: the practice itself, providers, rooms, reasons,
 * working hours, rules and categories. Writes to a practice that does not exist throw
 * {@link org.slotbridge.api.NotFoundException}; reads of one return nothing.
 * <p>
 * Every write that changes something bumps the practice's {@link Versions#config()} in the same
 * transaction. The writes here store what they are given without checking the configuration as a
 * whole; {@link #config} does, and {@code PracticeSetup} refuses a change that fails it.
 */
@ProviderType
public interface PracticeRepository {

    Optional<Practice> find(String slug);

    /**
     * The practice with this slug.
     *
     * @throws org.slotbridge.api.NotFoundException when there is none
     */
    Practice require(String slug);

    /** Every practice, ordered by slug. */
    List<Practice> all();

    /** Creates or replaces a practice. */
    void save(Practice practice);

    /** Providers ordered by id. */
    List<Provider> providers(String slug);

    /** Creates a provider or renames it. */
    void saveProvider(String slug, Provider provider);

    /** Rooms ordered by id. */
    List<Room> rooms(String slug);

    /** Creates a room or renames it. */
    void saveRoom(String slug, Room room);

    /** Reasons ordered by category (none last), then name. */
    List<Reason> reasons(String slug);

    Optional<Reason> reason(String slug, String reasonId);

    /** Creates or replaces a reason. */
    void saveReason(String slug, Reason reason);

    /** Removes a reason; false when there was none. */
    boolean removeReason(String slug, String reasonId);

    /** The working hours of each provider that has any, ordered by provider id. */
    List<WorkingHours> workingHours(String slug);

    /** Replaces one provider's working hours. */
    void saveWorkingHours(String slug, WorkingHours hours);

    /** Removes one provider's working hours; false when there were none. */
    boolean removeWorkingHours(String slug, String providerId);

    /** What the practice sets for all its reasons; {@link PracticeRules#DEFAULT} when it has set nothing. */
    PracticeRules rules(String slug);

    /** Replaces what the practice sets for all its reasons, provider groups and closed dates included. */
    void saveRules(String slug, PracticeRules rules);

    /** The category tree, ordered by parent (top level first), then name, then id. */
    List<Category> categories(String slug);

    /** Replaces the category tree: categories not listed are removed. */
    void saveCategories(String slug, List<Category> categories);

    /**
     * Everything the practice configures, checked as a whole.
     *
     * @throws org.slotbridge.api.NotFoundException     when there is no such practice
     * @throws org.slotbridge.api.InvalidInputException when what is stored is not a valid configuration
     */
    PracticeConfig config(String slug);

    /**
     * The practice's two change counters, read in one query. A reader that caches should read them
     * before what they count: then what it loads is at least as new as the numbers it files it under.
     * The configuration counter already shows this transaction's configuration writes; the schedule
     * counter shows this transaction's schedule writes only once it commits.
     *
     * @throws org.slotbridge.api.NotFoundException when there is no such practice
     */
    Versions versions(String slug);
}
