package org.slotbridge.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slotbridge.api.service.Theme;

class RendererTest {

    @TempDir
    Path folder;

    @Test
    void referencesAreEscapedUnlessMarkedSafe() throws IOException {
        ThemeCatalog catalog = new ThemeCatalog();
        catalog.addTheme(theme(Theme.DEFAULT, Map.of("layout.vm", "[$body]", "page.vm",
                "<p title=\"$value\">$value</p>$safe $!missing")));
        String html = new Renderer(catalog).render(Theme.DEFAULT, "page.vm",
                Map.of("value", "\"><script>'&", "safe", new Html("<b>ok</b>")));
        assertEquals("[<p title=\"&quot;&gt;&lt;script&gt;&#39;&amp;\">&quot;&gt;&lt;script&gt;&#39;&amp;</p>"
                + "<b>ok</b> ]", html);
    }

    @Test
    void aThemeOverridesSomePagesAndTheDefaultDrawsTheRest() throws IOException {
        ThemeCatalog catalog = new ThemeCatalog();
        catalog.addTheme(theme(Theme.DEFAULT, Map.of("layout.vm", "default[$body]", "page.vm", "plain")));
        Renderer renderer = new Renderer(catalog);
        assertEquals("default[plain]", renderer.render("seaside", "page.vm", Map.of()));

        Theme seaside = theme("seaside", Map.of("page.vm", "waves $practice.name"));
        catalog.addTheme(seaside);
        assertEquals("default[waves Bay Clinic]", renderer.render("seaside", "page.vm",
                Map.of("practice", Fakes.practice("bay", "Bay Clinic"))));

        catalog.removeTheme(seaside);
        assertEquals("default[plain]", renderer.render("seaside", "page.vm", Map.of()));
    }

    @Test
    void aMissingTemplateIsReported() throws IOException {
        ThemeCatalog catalog = new ThemeCatalog();
        catalog.addTheme(theme(Theme.DEFAULT, Map.of("layout.vm", "$body")));
        Renderer renderer = new Renderer(catalog);
        assertThrows(Renderer.RenderException.class, () -> renderer.render(Theme.DEFAULT, "nope.vm", Map.of()));
    }

    @Test
    void aBrokenThemeGivesAPlainPage() throws IOException {
        ThemeCatalog catalog = new ThemeCatalog();
        catalog.addTheme(theme(Theme.DEFAULT, Map.of("layout.vm", "$body", "error.vm", "#if(")));
        WebSite site = new WebSite(catalog, Fixture.SECRET, Map.of(), 14, 100, Fixture.CLOCK);
        WebResponse response = site.error(new WebRequest("", null, null, false, null), null, "portal", 404, "x",
                "y", null, null);
        assertEquals(500, response.status());
        assertTrue(response.body().contains("cannot be shown right now"));
    }

    private Theme theme(String name, Map<String, String> templates) throws IOException {
        Path root = Files.createDirectories(folder.resolve(name));
        for (Map.Entry<String, String> entry : templates.entrySet()) {
            Files.writeString(root.resolve(entry.getKey()), entry.getValue());
        }
        return new Theme() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public URL template(String template) {
                Path file = root.resolve(template);
                try {
                    return Files.exists(file) ? file.toUri().toURL() : null;
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }

            @Override
            public URL asset(String path) {
                return null;
            }
        };
    }
}
