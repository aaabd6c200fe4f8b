package org.slotbridge.web.internal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.slotbridge.api.service.IdempotencyKeys;
import org.slotbridge.store.internal.IdempotencyKeysService;
import org.slotbridge.store.internal.TestDatabase;

/**
 * The pages wired to fakes and the real idempotency keys, with a clock stopped on Thursday 3 December
 * 2026, 10:00 in New York.
 */
final class Fixture {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-03T15:00:00Z"), ZoneOffset.UTC);
    static final byte[] SECRET = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    final Fakes.Directory directory = new Fakes.Directory();
    final Fakes.FakeBooking booking = new Fakes.FakeBooking();
    final Fakes.Accounts accounts = new Fakes.Accounts();
    final ThemeCatalog catalog = new ThemeCatalog();
    /** The real keys, on the store's in-memory Derby. */
    final IdempotencyKeys keys = new IdempotencyKeysService(TestDatabase.clean().store());
    final WebSite site;
    final PortalPages portal;
    final StaffPages staff;
    final String nonce = Tokens.newNonce();

    Fixture() {
        this(240);
    }

    /** The pages listing at most {@code openingsPerPage} openings a page. */
    Fixture(int openingsPerPage) {
        catalog.addTheme(new Fakes.ClasspathTheme());
        site = new WebSite(catalog, SECRET, Map.of(), 14, openingsPerPage, CLOCK);
        portal = new PortalPages(booking, directory, site, keys);
        staff = new StaffPages(booking, directory, accounts, site, CLOCK);
    }

    /** A request from a browser that has its CSRF cookie; {@code pairs} are name, value, name, value... */
    WebRequest browser(String... pairs) {
        return new WebRequest("", params(pairs), nonce, false, null);
    }

    /** A form post from that browser, with the right token. */
    WebRequest post(String... pairs) {
        List<String> all = new ArrayList<>(List.of(pairs));
        all.add(WebSite.CSRF_FIELD);
        all.add(site.tokens().csrfToken(nonce));
        return browser(all.toArray(String[]::new));
    }

    /** A staff member's request, signed in with HTTP Basic. */
    WebRequest staffBrowser(String user, String password, boolean withToken, String... pairs) {
        List<String> all = new ArrayList<>(List.of(pairs));
        if (withToken) {
            all.add(WebSite.CSRF_FIELD);
            all.add(site.tokens().csrfToken(nonce));
        }
        String auth = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
        return new WebRequest("", params(all.toArray(String[]::new)), nonce, false, auth);
    }

    static Map<String, List<String>> params(String... pairs) {
        Map<String, List<String>> params = new HashMap<>();
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            params.computeIfAbsent(pairs[i], k -> new ArrayList<>()).add(pairs[i + 1]);
        }
        return params;
    }

    static Document html(WebResponse response) {
        return Jsoup.parse(response.body());
    }
}
