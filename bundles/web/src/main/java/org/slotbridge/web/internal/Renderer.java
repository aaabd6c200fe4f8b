package org.slotbridge.web.internal;

import java.io.StringWriter;
import java.util.HashMap;
import java.util.Map;

import org.apache.velocity.Template;
import org.apache.velocity.VelocityContext;
import org.apache.velocity.app.VelocityEngine;
import org.apache.velocity.app.event.EventCartridge;
import org.apache.velocity.exception.VelocityException;
import org.apache.velocity.runtime.RuntimeConstants;

/**
 * Draws pages with the Velocity templates of a theme: the page template first, then
 * {@code layout.vm} around it with the page as {@code $body}. Every reference is HTML-escaped.
 *
 * <p>Templates are parsed once and kept until a theme comes or goes, when the engine is replaced.
 * Velocity loads some of its parts by class name through the thread's context class loader, so
 * that loader is set to this bundle's while the engine starts and renders.
 */
final class Renderer {

    static final String LAYOUT = "layout.vm";

    private final ThemeCatalog catalog;
    private volatile Engine engine;

    Renderer(ThemeCatalog catalog) {
        this.catalog = catalog;
    }

    /**
     * The whole page.
     *
     * @throws RenderException when the template is missing or fails
     */
    String render(String theme, String template, Map<String, Object> model) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(Renderer.class.getClassLoader());
        try {
            VelocityEngine velocity = engine();
            VelocityContext context = new VelocityContext(new HashMap<>(model));
            EventCartridge cartridge = new EventCartridge();
            cartridge.addReferenceInsertionEventHandler(new HtmlEscaper());
            cartridge.attachToContext(context);
            String body = merge(velocity, theme, template, context);
            context.put("body", new Html(body));
            return merge(velocity, theme, LAYOUT, context);
        } catch (VelocityException e) {
            throw new RenderException("Cannot render " + template + " with theme " + theme, e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static String merge(VelocityEngine velocity, String theme, String name, VelocityContext context) {
        Template template = velocity.getTemplate(ThemeResourceLoader.name(theme, name), "UTF-8");
        StringWriter out = new StringWriter(8192);
        template.merge(context, out);
        return out.toString();
    }

    private VelocityEngine engine() {
        long generation = catalog.generation();
        Engine current = engine;
        if (current == null || current.generation() != generation) {
            synchronized (this) {
                current = engine;
                if (current == null || current.generation() != generation) {
                    current = new Engine(generation, newEngine());
                    engine = current;
                }
            }
        }
        return current.velocity();
    }

    private VelocityEngine newEngine() {
        VelocityEngine velocity = new VelocityEngine();
        velocity.setProperty(RuntimeConstants.RESOURCE_LOADERS, "theme");
        velocity.setProperty("resource.loader.theme.instance", new ThemeResourceLoader(catalog));
        velocity.setProperty("resource.loader.theme.cache", true);
        velocity.setProperty("resource.loader.theme.modification_check_interval", -1);
        velocity.setProperty(RuntimeConstants.INPUT_ENCODING, "UTF-8");
        velocity.setProperty(RuntimeConstants.UBERSPECT_CLASSNAME, RecordUberspector.class.getName());
        velocity.setProperty(RuntimeConstants.RUNTIME_LOG_REFERENCE_LOG_INVALID, false);
        // each template's macros are its own, so two pages may use the same macro name
        velocity.setProperty(RuntimeConstants.VM_PERM_INLINE_LOCAL, true);
        velocity.init();
        return velocity;
    }

    private record Engine(long generation, VelocityEngine velocity) {
    }

    /** A template that is missing or failed. */
    static final class RenderException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        RenderException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
