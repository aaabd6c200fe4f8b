package org.slotbridge.web.internal;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.URL;
import java.nio.charset.StandardCharsets;

import org.apache.velocity.exception.ResourceNotFoundException;
import org.apache.velocity.runtime.resource.Resource;
import org.apache.velocity.runtime.resource.loader.ResourceLoader;
import org.apache.velocity.util.ExtProperties;

/**
 * Reads templates named {@code theme:path} from the theme services, never from the class path or
 * the file system. The engine that uses it is rebuilt when themes change, so loaded templates are
 * never checked for changes.
 */
final class ThemeResourceLoader extends ResourceLoader {

    private final ThemeCatalog catalog;

    ThemeResourceLoader(ThemeCatalog catalog) {
        this.catalog = catalog;
    }

    /** The name under which a theme's template is asked for. */
    static String name(String theme, String template) {
        return theme + ":" + template;
    }

    @Override
    public void init(ExtProperties configuration) {
        // nothing to read: everything comes from the catalog
    }

    @Override
    public Reader getResourceReader(String source, String encoding) {
        String name = source.startsWith("/") ? source.substring(1) : source;
        int colon = name.indexOf(':');
        URL url = colon <= 0 ? null : catalog.template(name.substring(0, colon), name.substring(colon + 1));
        if (url == null) {
            throw new ResourceNotFoundException("No theme has the template '" + name + "'");
        }
        try {
            return new InputStreamReader(url.openStream(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ResourceNotFoundException("Cannot read the template '" + name + "'", e);
        }
    }

    @Override
    public boolean isSourceModified(Resource resource) {
        return false;
    }

    @Override
    public long getLastModified(Resource resource) {
        return 0;
    }
}
