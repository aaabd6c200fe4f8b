package org.slotbridge.theme.defaults.internal;

import java.net.URL;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.slotbridge.api.service.Theme;

/**
 * The theme every installation has: calm, plain pages that work on a phone and a desktop alike,
 * with no scripts and no files from other sites. Templates live under {@code /theme/templates/} and
 * static files under {@code /theme/assets/} inside this bundle.
 */
@Component(service = Theme.class, property = "slotbridge.theme=" + Theme.DEFAULT)
public final class DefaultTheme implements Theme {

    static final String TEMPLATES = "/theme/templates/";
    static final String ASSETS = "/theme/assets/";

    /** Relative paths of plain segments; a segment may not start with a dot, so ".." never passes. */
    private static final Pattern PATH =
            Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]*(?:/[A-Za-z0-9_-][A-Za-z0-9._-]*)*");

    private final Function<String, URL> entries;

    @Activate
    public DefaultTheme(BundleContext context) {
        this(context.getBundle()::getEntry);
    }

    /** Reads entries through {@code entries}, which maps an absolute path in the bundle to its URL. */
    DefaultTheme(Function<String, URL> entries) {
        this.entries = Objects.requireNonNull(entries, "entries");
    }

    @Override
    public String name() {
        return DEFAULT;
    }

    @Override
    public URL template(String name) {
        return find(TEMPLATES, name);
    }

    @Override
    public URL asset(String path) {
        return find(ASSETS, path);
    }

    private URL find(String folder, String path) {
        if (path == null || !PATH.matcher(path).matches()) {
            return null;
        }
        return entries.apply(folder + path);
    }
}
