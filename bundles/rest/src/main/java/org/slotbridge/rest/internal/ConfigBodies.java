package org.slotbridge.rest.internal;

import java.util.Map;

import org.slotbridge.api.InvalidInputException;
import org.slotbridge.sync.config.JsonFields;

/** What the configuration resources share: a body is required, and refusals name JSON fields. */
final class ConfigBodies {

    private ConfigBodies() {
    }

    /** The body of a PUT, which must be a JSON object. */
    static Map<String, Object> required(Map<String, Object> body) {
        if (body == null) {
            throw new InvalidInputException("body", "a JSON object is required");
        }
        return body;
    }

    /**
     * Makes a change through {@link org.slotbridge.api.service.PracticeSetup}. When the check of the
     * whole configuration refuses it, the refusal names the JSON field: relative to the body when the
     * field lies in what the body holds ({@code apiPrefix}, such as {@code rules}), else its whole path,
     * which says where the conflict lies.
     */
    static void save(Runnable change, String apiPrefix) {
        try {
            change.run();
        } catch (InvalidInputException e) {
            throw new InvalidInputException(JsonFields.of(e.field(), apiPrefix), e.reason());
        }
    }
}
