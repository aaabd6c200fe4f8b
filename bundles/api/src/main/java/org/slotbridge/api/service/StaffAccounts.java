package org.slotbridge.api.service;

import java.util.Optional;

/** The people who decide on requests, each belonging to exactly one practice. */
public interface StaffAccounts {

    /** The staff member whose username and password these are, or empty; takes the same time either way. */
    Optional<StaffMember> authenticate(String username, char[] password);

    /** Creates a staff member, or sets a new password; only a hash of the password is kept. */
    void save(StaffMember member, char[] password);

    /**
     * A staff member of one practice.
     *
     * @param username     unique across the installation
     * @param practiceSlug the only practice whose data they may reach
     * @param displayName  shown in the control panel
     */
    record StaffMember(String username, String practiceSlug, String displayName) {
    }
}
