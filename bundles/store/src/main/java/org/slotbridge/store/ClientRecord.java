package org.slotbridge.store;

import org.slotbridge.api.Client;

/**
 * A stored client with the hash of their privacy code.
 *
 * @param client      the client
 * @param privacyHash the code's hash in the {@link Passwords} format; null when no code is set
 */
public record ClientRecord(Client client, String privacyHash) {
}
