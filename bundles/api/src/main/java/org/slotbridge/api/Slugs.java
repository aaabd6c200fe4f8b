package org.slotbridge.api;

import java.util.regex.Pattern;

/** The one rule for practice slugs and other keys that appear in links and file names. */
public final class Slugs {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?");

    private Slugs() {
    }

    /** True when {@code value} may serve as a slug: 1 to 64 lower-case letters, digits or inner dashes. */
    public static boolean isValid(String value) {
        return value != null && SLUG.matcher(value).matches();
    }

    /**
     * Returns {@code value} when it is a valid slug.
     *
     * @throws InvalidInputException naming {@code field} otherwise
     */
    public static String require(String value, String field) {
        if (!isValid(value)) {
            throw new InvalidInputException(field,
                    "must be 1 to 64 lower-case letters, digits or dashes, not starting or ending with a dash");
        }
        return value;
    }
}
