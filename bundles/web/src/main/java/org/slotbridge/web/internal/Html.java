package org.slotbridge.web.internal;

import java.util.Objects;

/**
 * Markup that is already safe to write as it is, such as a page rendered by this bundle. Every other
 * value put into a page is escaped on the way in, so a template cannot forget to.
 */
record Html(String markup) {

    Html {
        Objects.requireNonNull(markup, "markup");
    }

    @Override
    public String toString() {
        return markup;
    }
}
