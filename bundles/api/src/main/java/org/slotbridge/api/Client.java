package org.slotbridge.api;

/**
 * The person who books: account holder, parent, owner. Known by email or phone plus a privacy code;
 * the code itself is never part of this value, only whether one is set.
 *
 * @param id              Slotbridge's id; null for a client not stored yet
 * @param pmsId           the PMS's id when the PMS knows the client; may be null
 * @param name            full name as the client or PMS gave it
 * @param email           may be null when {@code phone} is set
 * @param phone           may be null when {@code email} is set
 * @param hasPrivacyCode  whether the client has chosen a privacy code
 */
public record Client(String id, String pmsId, String name, String email, String phone, boolean hasPrivacyCode) {
}
