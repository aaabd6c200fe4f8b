package org.slotbridge.store;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;
import org.slotbridge.api.service.StaffAccounts.StaffMember;

/** Staff accounts; a username is unique across the installation. */
@ProviderType
public interface StaffRepository {

    Optional<StaffRecord> find(String username);

    /** The staff of one practice, ordered by username. */
    List<StaffMember> ofPractice(String slug);

    /**
     * Creates a staff member or replaces their display name and password hash.
     *
     * @throws org.slotbridge.api.ConflictException with code {@code username_taken} when the username
     *         belongs to another practice
     * @throws org.slotbridge.api.NotFoundException when the practice does not exist
     */
    void save(StaffMember member, String passwordHash);
}
