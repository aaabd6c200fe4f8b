package org.slotbridge.store;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;
import org.slotbridge.api.Practice;
import org.slotbridge.api.Provider;
import org.slotbridge.api.Reason;
import org.slotbridge.api.Room;
import org.slotbridge.api.WorkingHours;

/**
 * What each practice configures or the PMS names: the practice itself, providers, rooms, reasons and
 * working hours. Writes to a practice that does not exist throw
 * {@link org.slotbridge.api.NotFoundException}; reads of one return nothing.
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
}
