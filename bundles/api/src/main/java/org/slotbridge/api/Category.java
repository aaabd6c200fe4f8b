package org.slotbridge.api;

import java.util.Objects;

/**
 * A heading that groups reasons on the portal; categories form a tree through their parents.
 *
 * @param id       unique within the practice; a reason names it in {@link Reason#category()}
 * @param name     shown to clients
 * @param parentId the category it sits under; null at the top
 * @param helpText a sentence that helps the client choose; may be null
 */
public record Category(String id, String name, String parentId, String helpText) {

    public Category {
        if (id == null || id.isBlank() || id.length() > 64) {
            throw new InvalidInputException("id", "a category id is 1 to 64 characters");
        }
        if (name == null || name.isBlank()) {
            throw new InvalidInputException("name", "category " + id + " has no name");
        }
        if (id.equals(parentId)) {
            throw new InvalidInputException("parentId", "category " + id + " cannot sit under itself");
        }
    }

    @Override
    public String toString() {
        return Objects.toString(id);
    }
}
