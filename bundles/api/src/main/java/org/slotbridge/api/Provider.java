package org.slotbridge.api;

import java.util.Objects;

/**
 * A person who sees clients: dentist, hygienist, vet, therapist.
 *
 * @param id   the PMS's code for the provider, unique within the practice
 * @param name shown to clients
 */
public record Provider(String id, String name) {

    public Provider {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
    }
}
