package org.slotbridge.api.service;

import java.net.URL;

/**
 * A theme: the page templates, styles and images the portal is drawn with. Registered as a service
 * by a theme bundle; the portal uses the theme a practice names, and {@value #DEFAULT} otherwise.
 */
public interface Theme {

    /** The name of the theme every installation has. */
    String DEFAULT = "default";

    /** The theme's name, as a practice names it. */
    String name();

    /**
     * A Velocity template of this theme, such as {@code portal/reasons.vm}.
     *
     * @return its location inside the theme bundle, or null when the theme has no such template
     */
    URL template(String name);

    /**
     * A static file of this theme, such as {@code css/portal.css}.
     *
     * @return its location inside the theme bundle, or null when the theme has no such file
     */
    URL asset(String path);
}
