package org.slotbridge.store;

import org.slotbridge.api.service.StaffAccounts.StaffMember;

/**
 * A stored staff member with the hash of their password.
 *
 * @param member       the staff member
 * @param passwordHash the password's hash in the {@link Passwords} format
 */
public record StaffRecord(StaffMember member, String passwordHash) {
}
