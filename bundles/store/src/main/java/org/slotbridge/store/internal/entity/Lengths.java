package org.slotbridge.store.internal.entity;

import org.slotbridge.api.InvalidInputException;

/** Refuses text longer than its column as bad input, before the database refuses it as a failure. */
final class Lengths {

    private Lengths() {
    }

    static String fit(String value, int length, String field) {
        if (value != null && value.length() > length) {
            throw new InvalidInputException(field, "is longer than " + length + " characters");
        }
        return value;
    }
}
