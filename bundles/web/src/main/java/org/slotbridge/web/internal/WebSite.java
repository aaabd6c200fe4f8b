package org.slotbridge.web.internal;

import java.io.File;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slotbridge.api.Practice;
import org.slotbridge.api.service.Theme;

/**
 * What every page shares: the theme of each practice, the Velocity renderer, the CSRF cookie and
 * token, the links between pages, and the settings an operator may change.
 */
@Component(service = WebSite.class, configurationPid = WebSite.PID)
@Designate(ocd = WebSite.Config.class)
public final class WebSite {

    static final String PID = "org.slotbridge.web";
    static final String CSRF_COOKIE = "sb_csrf";
    static final String CSRF_FIELD = "csrf";

    private static final Logger LOG = LoggerFactory.getLogger(WebSite.class);

    /** The portal and staff pages. */
    @ObjectClassDefinition(name = "Slotbridge web pages",
            description = "The client portal under /p/{slug}/ and the staff pages under /staff/{slug}/.")
    public @interface Config {

        @AttributeDefinition(name = "Practice themes",
                description = "The theme of a practice, as slug=theme. Practices not named here, and those "
                        + "whose theme is not installed, use the default theme.")
        String[] practiceThemes() default {};

        @AttributeDefinition(name = "Form secret", type = AttributeType.PASSWORD,
                description = "Signs form tokens. Blank: a random secret kept in this bundle's data folder. "
                        + "Give every node of a cluster the same value.")
        String secret() default "";

        @AttributeDefinition(name = "Days searched",
                description = "How many days a search covers when the client gives no last date.", min = "1",
                max = "366")
        int searchDays() default 14;

        @AttributeDefinition(name = "Openings per page",
                description = "The most openings one page lists, spread over the days searched; a "
                        + "'Later times' link shows the next ones.", min = "10")
        int maxOpenings() default 36;
    }

    private final ThemeCatalog catalog;
    private final Renderer renderer;
    private final Tokens tokens;
    private final Map<String, String> practiceThemes;
    private final int searchDays;
    private final int maxOpenings;
    private final Clock clock;

    @Activate
    public WebSite(@Reference ThemeCatalog catalog, Config config, BundleContext context) {
        this(catalog, secret(config.secret(), context.getDataFile("form-secret")),
                parseThemes(config.practiceThemes()), config.searchDays(), config.maxOpenings(), Clock.systemUTC());
    }

    WebSite(ThemeCatalog catalog, byte[] secret, Map<String, String> practiceThemes, int searchDays,
            int maxOpenings, Clock clock) {
        this.catalog = catalog;
        this.renderer = new Renderer(catalog);
        this.tokens = new Tokens(secret);
        this.practiceThemes = Map.copyOf(practiceThemes);
        this.searchDays = Math.max(1, Math.min(searchDays, 366));
        this.maxOpenings = Math.max(10, maxOpenings);
        this.clock = clock;
    }

    Tokens tokens() {
        return tokens;
    }

    int searchDays() {
        return searchDays;
    }

    int maxOpenings() {
        return maxOpenings;
    }

    /** Today in the practice's zone. */
    LocalDate today(Practice practice) {
        return LocalDate.now(clock.withZone(practice.zone()));
    }

    Formats formats(Practice practice) {
        return new Formats(practice.zone(), today(practice));
    }

    /** The theme the practice's pages are drawn with. */
    String themeOf(String slug) {
        String theme = slug == null ? null : practiceThemes.get(slug);
        return catalog.has(theme) ? theme : Theme.DEFAULT;
    }

    /** The practice's portal home page. */
    static String home(WebRequest request, String slug) {
        return request.base() + "/p/" + slug + "/";
    }

    /** A page of the practice's portal, such as {@code openings}. */
    static String portal(WebRequest request, String slug, String page) {
        return request.base() + "/p/" + slug + "/" + page;
    }

    /** A page of the practice's staff area; "" for the list of requests. */
    static String staff(WebRequest request, String slug, String page) {
        return request.base() + "/staff/" + slug + "/" + page;
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** True when the form carries the token of the browser's CSRF cookie. */
    boolean csrfValid(WebRequest request) {
        return tokens.csrfValid(request.csrfCookie(), request.param(CSRF_FIELD));
    }

    /**
     * Draws a page of a practice. The model's names are added to those every page has: {@code practice},
     * {@code phoneHref}, {@code home}, {@code assets}, {@code csrf} and {@code area}.
     */
    WebResponse page(WebRequest request, Practice practice, String area, String template, int status,
                     Map<String, Object> model) {
        String nonce = Tokens.isNonce(request.csrfCookie()) ? request.csrfCookie() : Tokens.newNonce();
        String theme = themeOf(practice == null ? null : practice.slug());
        Map<String, Object> all = new HashMap<>(model);
        all.put("area", area);
        all.put("assets", request.base() + "/assets/" + theme);
        all.put("csrf", tokens.csrfToken(nonce));
        if (practice != null) {
            all.put("practice", practice);
            all.put("home", home(request, practice.slug()));
            all.put("phoneHref", phoneHref(practice.phone()));
        }
        WebResponse response;
        try {
            response = WebResponse.html(status, renderer.render(theme, template, all));
        } catch (Renderer.RenderException e) {
            LOG.error("Page {} of theme '{}' cannot be drawn; check the theme bundle", template, theme, e);
            response = WebResponse.html(500, fallbackPage());
        }
        if (!nonce.equals(request.csrfCookie())) {
            response = response.withCookie(CSRF_COOKIE + "=" + nonce + "; Path=/; HttpOnly; SameSite=Lax"
                    + (request.secure() ? "; Secure" : ""));
        }
        return response;
    }

    /** A page that says what went wrong and, optionally, where to go on. */
    WebResponse error(WebRequest request, Practice practice, String area, int status, String heading,
                      String message, String linkHref, String linkLabel) {
        Map<String, Object> model = new HashMap<>();
        model.put("heading", heading);
        model.put("message", message);
        if (linkHref != null) {
            model.put("linkHref", linkHref);
            model.put("linkLabel", linkLabel);
        }
        return page(request, practice, area, "error.vm", status, model);
    }

    /** The answer to a form without a valid CSRF token. */
    WebResponse csrfRejected(WebRequest request, Practice practice, String area, String back) {
        return error(request, practice, area, 403, "Please send the form again",
                "For your safety we could not accept this form: it has expired or did not come from our "
                        + "page. Go back, reload the page and try again.", back, "Back");
    }

    /** A tel: link for a phone number as a practice writes it; null without a number. */
    static String phoneHref(String phone) {
        if (phone == null || phone.isBlank()) {
            return null;
        }
        StringBuilder digits = new StringBuilder("tel:");
        for (char c : phone.toCharArray()) {
            if (Character.isDigit(c) || (c == '+' && digits.length() == 4)) {
                digits.append(c);
            }
        }
        return digits.toString();
    }

    private static String fallbackPage() {
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Please try again</title>"
                + "</head><body><h1>This page cannot be shown right now</h1>"
                + "<p>Please try again in a few minutes.</p></body></html>";
    }

    static Map<String, String> parseThemes(String[] entries) {
        Map<String, String> themes = new HashMap<>();
        for (String entry : entries == null ? new String[0] : entries) {
            int equals = entry.indexOf('=');
            if (equals <= 0 || equals == entry.length() - 1) {
                LOG.warn("Ignoring practice theme '{}' in {}: write it as slug=theme", entry, PID);
                continue;
            }
            themes.put(entry.substring(0, equals).strip(), entry.substring(equals + 1).strip());
        }
        return themes;
    }

    /** The configured secret, else the one kept in {@code file}, made on first use. */
    static byte[] secret(String configured, File file) {
        if (configured != null && !configured.isBlank()) {
            if (configured.length() < 16) {
                LOG.warn("The form secret in {} is short; use at least 16 random characters", PID);
            }
            return sha256(configured);
        }
        byte[] secret = new byte[32];
        if (file == null) {
            LOG.warn("No data folder for the form secret; forms expire when this bundle restarts");
            new SecureRandom().nextBytes(secret);
            return secret;
        }
        Path path = file.toPath();
        try {
            if (Files.isRegularFile(path) && Files.size(path) == secret.length) {
                return Files.readAllBytes(path);
            }
            new SecureRandom().nextBytes(secret);
            Files.write(path, secret);
            try {
                Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                LOG.debug("The file system does not restrict {} to its owner", path);
            }
            return secret;
        } catch (IOException e) {
            LOG.warn("Cannot keep the form secret in {}; forms expire when this bundle restarts", path, e);
            new SecureRandom().nextBytes(secret);
            return secret;
        }
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
