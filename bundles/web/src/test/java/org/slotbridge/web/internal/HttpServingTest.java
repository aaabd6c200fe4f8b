package org.slotbridge.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The pages through real HTTP: JAX-RS resources on CXF and Jetty, forms, cookies and redirects. */
class HttpServingTest {

    private final Fixture fx = new Fixture();
    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private TestServer server;
    private String cookie;

    @BeforeEach
    void start() throws Exception {
        server = new TestServer(fx);
        fx.booking.openings.add(Fakes.opening("checkup", "SMITH", "2026-12-07T14:00:00Z"));
        fx.booking.openings.add(Fakes.opening("checkup", "JONES", "2026-12-07T15:00:00Z"));
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    @Test
    void aClientBooksFromReasonToDone() throws Exception {
        HttpResponse<String> home = get("/p/demo/");
        assertEquals(200, home.statusCode());
        assertEquals("text/html;charset=utf-8",
                home.headers().firstValue("Content-Type").orElse("").replace(" ", "").toLowerCase(Locale.ROOT));
        assertTrue(home.headers().firstValue("Content-Security-Policy").orElse("").startsWith("default-src 'self'"));
        assertEquals("nosniff", home.headers().firstValue("X-Content-Type-Options").orElse(""));
        String setCookie = home.headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(setCookie.contains("HttpOnly") && setCookie.contains("SameSite=Lax"), setCookie);
        cookie = setCookie.substring(0, setCookie.indexOf(';'));

        String newcomer = Jsoup.parse(home.body()).select("a.client-choice").last().attr("href");
        HttpResponse<String> reasons = get(newcomer);
        assertEquals(200, reasons.statusCode());
        String openingsHref = Jsoup.parse(reasons.body()).selectFirst("a.reason").attr("href");
        assertTrue(openingsHref.endsWith("&client=new"), openingsHref);
        HttpResponse<String> openings = get(openingsHref);
        assertEquals(200, openings.statusCode());
        Element holdForm = Jsoup.parse(openings.body()).selectFirst(".slots form");

        HttpResponse<String> held = post(holdForm.attr("action"), fields(holdForm));
        assertEquals(303, held.statusCode(), held.body());
        String requestPage = held.headers().firstValue("Location").orElseThrow();
        assertTrue(requestPage.contains("/p/demo/request?hold=H1"), requestPage);
        assertTrue(requestPage.endsWith("&client=new"), "the client's answer goes on to the request form");

        HttpResponse<String> details = get(requestPage);
        assertEquals(200, details.statusCode(), requestPage + " " + details.body());
        Document form = Jsoup.parse(details.body());
        assertEquals("Monday 7 December, 09:00", form.selectFirst(".held__when").text());
        Element requestForm = form.selectFirst("form#form");
        List<String> values = fields(requestForm);
        values.addAll(List.of("email", "ann@example.org", "privacyCode", "blue-42", "clientName", "Ann Lee",
                "memo", "Zoë's first visit – thanks!"));
        HttpResponse<String> sent = post(requestForm.attr("action"), values);
        assertEquals(303, sent.statusCode(), sent.body());
        assertEquals("Zoë's first visit – thanks!", fx.booking.lastForm.memo(), "UTF-8 survives the form");

        HttpResponse<String> done = get(sent.headers().firstValue("Location").orElseThrow());
        assertEquals(200, done.statusCode());
        assertTrue(Jsoup.parse(done.body()).text().contains("The practice will confirm"));
    }

    @Test
    void aPostWithoutTheCookieIsForbidden() throws Exception {
        HttpResponse<String> openings = get("/p/demo/openings?reason=checkup");
        Element holdForm = Jsoup.parse(openings.body()).selectFirst(".slots form");
        HttpResponse<String> response = post(holdForm.attr("action"), fields(holdForm));
        assertEquals(403, response.statusCode());
        assertTrue(fx.booking.calls.isEmpty());
    }

    @Test
    void thePortalAnswersWithoutTheTrailingSlashToo() throws Exception {
        assertEquals(200, get("/p/demo").statusCode());
        assertEquals(404, get("/p/nowhere/").statusCode());
    }

    @Test
    void aPathThatIsNoPageGetsThePortalsOwnNotFoundPage() throws Exception {
        for (String path : List.of("/p/demo/requests/", "/p/demo/no/such/page", "/p/nowhere/requests/")) {
            HttpResponse<String> missing = get(path);
            assertEquals(404, missing.statusCode(), path);
            assertTrue(missing.headers().firstValue("Content-Type").orElse("").startsWith("text/html"), path);
            String heading = Jsoup.parse(missing.body()).selectFirst("h1").text();
            assertTrue(heading.toLowerCase(Locale.ROOT).endsWith("not found"), path + ": " + heading);
        }
        assertEquals(200, get("/p/demo/openings?reason=checkup").statusCode(), "the pages themselves still answer");
    }

    @Test
    void themeFilesAreServedAndNothingElse() throws Exception {
        HttpResponse<String> css = get("/assets/default/css/portal.css");
        assertEquals(200, css.statusCode());
        assertTrue(css.headers().firstValue("Content-Type").orElse("").startsWith("text/css"));
        assertTrue(css.body().contains(".slot"));
        assertEquals(200, get("/assets/default/img/icon.svg").statusCode());
        assertEquals(404, get("/assets/default/css/missing.css").statusCode());
        assertEquals(404, get("/assets/default/%2e%2e/templates/layout.vm").statusCode());
        assertEquals(404, get("/assets/default/../templates/layout.vm").statusCode());
        assertEquals(404, get("/assets/default/theme.js").statusCode(), "no scripts, whatever a theme holds");
        assertEquals(200, get("/assets/seaside/css/portal.css").statusCode(),
                "a theme without a file of its own falls back to the default theme's");
    }

    @Test
    void staffPagesAskForCredentials() throws Exception {
        HttpResponse<String> anonymous = get("/staff/demo/");
        assertEquals(401, anonymous.statusCode());
        assertTrue(anonymous.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic realm="));

        String auth = "Basic " + Base64.getEncoder().encodeToString("demo-staff:demo-staff-2026".getBytes(
                StandardCharsets.UTF_8));
        HttpResponse<String> signedIn = client.send(HttpRequest.newBuilder(URI.create(server.url("/staff/demo/")))
                .header("Authorization", auth).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, signedIn.statusCode());
        assertTrue(Jsoup.parse(signedIn.body()).selectFirst("h1").text().contains("Requests"));

        assertEquals(401, get("/staff/demo/requests/R1").statusCode(), "no page, but staff sign in first");
        HttpResponse<String> missing = client.send(HttpRequest.newBuilder(URI.create(server.url(
                "/staff/demo/requests/R1"))).header("Authorization", auth).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(404, missing.statusCode());
        assertTrue(missing.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertEquals("Page not found", Jsoup.parse(missing.body()).selectFirst("h1").text());
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.url(path)));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, List<String> pairs) throws IOException, InterruptedException {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i + 1 < pairs.size(); i += 2) {
            if (body.length() > 0) {
                body.append('&');
            }
            body.append(URLEncoder.encode(pairs.get(i), StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(pairs.get(i + 1), StandardCharsets.UTF_8));
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.url(path)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The form's hidden fields as name, value pairs. */
    private static List<String> fields(Element form) {
        List<String> pairs = new ArrayList<>();
        for (Element input : form.select("input[type=hidden]")) {
            pairs.add(input.attr("name"));
            pairs.add(input.val());
        }
        return pairs;
    }
}
