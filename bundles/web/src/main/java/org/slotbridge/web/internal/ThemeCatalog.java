package org.slotbridge.web.internal;

import java.net.URL;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slotbridge.api.service.Theme;

/**
 * The themes installed right now, by name. A theme bundle may come and go at any time; what a theme
 * lacks is taken from the {@value Theme#DEFAULT} theme, so a theme can override a single page.
 */
@Component(service = ThemeCatalog.class)
public final class ThemeCatalog {

    private static final Logger LOG = LoggerFactory.getLogger(ThemeCatalog.class);

    private final Map<String, Theme> themes = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addTheme(Theme theme) {
        themes.put(theme.name(), theme);
        generation.incrementAndGet();
        LOG.info("Theme '{}' is available", theme.name());
    }

    void removeTheme(Theme theme) {
        if (themes.remove(theme.name(), theme)) {
            LOG.info("Theme '{}' is gone", theme.name());
        }
        generation.incrementAndGet();
    }

    /** Changes every time a theme comes or goes, so cached templates can be dropped. */
    long generation() {
        return generation.get();
    }

    /** True when a theme of this name is installed. */
    boolean has(String name) {
        return name != null && themes.containsKey(name);
    }

    /** The template from the named theme, else from the default theme; null when neither has it. */
    URL template(String themeName, String template) {
        Theme theme = themes.get(themeName);
        URL url = theme == null ? null : theme.template(template);
        if (url == null && !Theme.DEFAULT.equals(themeName)) {
            Theme fallback = themes.get(Theme.DEFAULT);
            url = fallback == null ? null : fallback.template(template);
        }
        return url;
    }

    /** The static file from the named theme, else from the default theme; null when neither has it. */
    URL asset(String themeName, String path) {
        Theme theme = themes.get(themeName);
        URL url = theme == null ? null : theme.asset(path);
        if (url == null && !Theme.DEFAULT.equals(themeName)) {
            Theme fallback = themes.get(Theme.DEFAULT);
            url = fallback == null ? null : fallback.asset(path);
        }
        return url;
    }
}
