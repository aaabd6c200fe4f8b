package org.slotbridge.theme.defaults.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.apache.velocity.Template;
import org.apache.velocity.runtime.RuntimeInstance;
import org.junit.jupiter.api.Test;
import org.slotbridge.api.service.Theme;

class DefaultThemeTest {

    /** Resolves entries from the test class path, as the bundle does from its own jar. */
    private final DefaultTheme theme = new DefaultTheme(DefaultThemeTest.class::getResource);

    @Test
    void isTheDefaultTheme() {
        assertEquals(Theme.DEFAULT, theme.name());
    }

    @Test
    void findsEveryPageTheWebBundleDraws() {
        for (String name : List.of("layout.vm", "error.vm", "portal/reasons.vm", "portal/openings.vm",
                "portal/request.vm", "portal/done.vm", "staff/requests.vm", "staff/propose.vm")) {
            assertNotNull(theme.template(name), name);
        }
        assertNotNull(theme.asset("css/portal.css"));
        assertNotNull(theme.asset("img/icon.svg"));
    }

    @Test
    void answersNullForMissingOrEscapingPaths() {
        assertNull(theme.template("portal/missing.vm"));
        assertNull(theme.template("../templates/layout.vm"));
        assertNull(theme.asset("css/../../templates/layout.vm"));
        assertNull(theme.asset("/css/portal.css"));
        assertNull(theme.asset(".hidden"));
        assertNull(theme.asset(""));
        assertNull(theme.asset(null));
    }

    @Test
    void everyTemplateParses() throws Exception {
        RuntimeInstance velocity = new RuntimeInstance();
        velocity.init();
        Path root = Path.of("src/main/resources/theme/templates");
        List<Path> templates = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(f -> f.toString().endsWith(".vm")).forEach(templates::add);
        }
        assertTrue(templates.size() >= 8, "templates found: " + templates);
        for (Path file : templates) {
            parse(velocity, file);
        }
    }

    private static void parse(RuntimeInstance velocity, Path file) throws IOException {
        Template template = new Template();
        template.setName(file.toString());
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            // a syntax error throws, naming the file, line and column
            assertNotNull(velocity.parse(reader, template), file.toString());
        } catch (org.apache.velocity.runtime.parser.ParseException e) {
            throw new AssertionError(file + ": " + e.getMessage(), e);
        }
    }
}
