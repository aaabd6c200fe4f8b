package org.slotbridge.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Test;
import org.slotbridge.api.Audience;
import org.slotbridge.api.Category;
import org.slotbridge.api.ClientKind;
import org.slotbridge.api.InvalidInputException;
import org.slotbridge.api.NewClientPolicy;
import org.slotbridge.api.Order;
import org.slotbridge.api.PatientKind;
import org.slotbridge.api.Practice;
import org.slotbridge.api.Reason;
import org.slotbridge.api.ReasonRules;
import org.slotbridge.api.TimeWindow;
import org.slotbridge.api.Timing;

class PortalPagesTest {

    private final Fixture fx = new Fixture();

    @Test
    void theClientIsAskedFirstWhetherTheyAreNew() {
        Document page = Fixture.html(fx.portal.reasons(fx.browser(), "demo"));

        assertEquals("Have you been to us before?", page.selectFirst(".client-question__title").text());
        assertEquals(List.of("/p/demo/?client=existing", "/p/demo/?client=new"),
                page.select("a.client-choice").eachAttr("href"));
        assertTrue(page.select("a.reason").isEmpty(), "the reasons come once the client has said");
    }

    @Test
    void reasonsAreListedByCategoryWithLinksToTheirOpenings() {
        WebResponse response = fx.portal.reasons(fx.browser("client", "existing"), "demo");

        assertEquals(200, response.status());
        Document page = Fixture.html(response);
        assertEquals("Book a visit | Riverside Family Dental", page.title());
        assertEquals("Riverside Family Dental", page.selectFirst(".brand__name").text());
        assertEquals("tel:+15550100", page.selectFirst(".site-header__phone").attr("href"));
        List<String> headings = page.select(".reason-group__title").eachText();
        assertEquals(List.of("Routine care", "Something hurts"), headings);
        assertEquals("Check-ups and cleaning, once or twice a year.", page.selectFirst(".reason-group__help").text());
        assertEquals("Already a client", page.selectFirst(".client-said span").text());
        Element checkup = page.selectFirst("a.reason[href=/p/demo/openings?reason=checkup&client=existing]");
        assertNotNull(checkup, page.html());
        assertTrue(checkup.text().contains("Check-up"));
        assertTrue(checkup.text().contains("About 30 minutes"));
        assertEquals("/assets/default/css/portal.css", page.selectFirst("link[rel=stylesheet]").attr("href"));
        assertEquals("step", page.selectFirst(".steps li[aria-current]").attr("aria-current"));
    }

    @Test
    void theCategoryTreeIsShownWithOnlyTheReasonsTheClientMayBook() {
        fx.directory.categories.add(new Category("kids", "Children", "Routine care", "Under 12s"));
        fx.directory.categories.add(new Category("empty", "Nothing here", null, null));
        fx.directory.reasons.add(reason("first-kids", "First visit for a child", "kids", Audience.NEW_CLIENTS));
        fx.directory.reasons.add(reason("recall", "Recall visit", "kids", Audience.EXISTING_CLIENTS));
        fx.directory.reasons.add(reason("consult", "Consultation", null, Audience.ANYONE));

        Document newcomer = Fixture.html(fx.portal.reasons(fx.browser("client", "new"), "demo"));
        assertEquals(List.of("Routine care", "Children", "Something hurts"),
                newcomer.select(".reason-group__title").eachText());
        assertEquals("h3", newcomer.select(".reason-group__title").get(1).tagName(), "a subcategory");
        assertEquals(List.of("consult", "checkup", "cleaning", "first-kids", "toothache"),
                newcomer.select("a.reason").eachAttr("href").stream()
                        .map(href -> href.replaceAll(".*reason=([^&]+).*", "$1")).toList());

        Document known = Fixture.html(fx.portal.reasons(fx.browser("client", "existing"), "demo"));
        assertTrue(known.select("a.reason").eachAttr("href").stream().anyMatch(h -> h.contains("reason=recall")));
        assertTrue(known.select("a.reason").eachAttr("href").stream().noneMatch(h -> h.contains("first-kids")));
    }

    @Test
    void aNewClientOfAPracticeForKnownClientsIsAskedToCall() {
        fx.directory.practices.put("demo", new Practice("demo", "Riverside", Fakes.NEW_YORK, "+1 555 0100", null,
                NewClientPolicy.EXISTING_ONLY, true));

        Document page = Fixture.html(fx.portal.reasons(fx.browser("client", "new"), "demo"));

        assertTrue(page.selectFirst(".notice").text().contains("We book first visits by phone"));
        assertTrue(page.select("a.reason").isEmpty());
    }

    @Test
    void everyPageCarriesTheSecurityHeaders() {
        for (WebResponse response : List.of(fx.portal.reasons(fx.browser(), "demo"),
                fx.portal.reasons(fx.browser(), "nowhere"),
                fx.portal.hold(fx.browser("reason", "checkup"), "demo"))) {
            assertTrue(response.headers().get("Content-Security-Policy").startsWith("default-src 'self'"));
            assertEquals("nosniff", response.headers().get("X-Content-Type-Options"));
            assertEquals("same-origin", response.headers().get("Referrer-Policy"));
            assertEquals("no-store", response.headers().get("Cache-Control"));
        }
    }

    @Test
    void aBrowserWithoutCookieGetsOneThatScriptsCannotRead() {
        WebRequest fresh = new WebRequest("", Map.of(), null, true, null);
        WebResponse response = fx.portal.reasons(fresh, "demo");

        assertEquals(1, response.cookies().size());
        String cookie = response.cookies().get(0);
        assertTrue(cookie.startsWith(WebSite.CSRF_COOKIE + "="), cookie);
        assertTrue(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax") && cookie.contains("Secure"));
        assertTrue(fx.portal.reasons(fx.browser(), "demo").cookies().isEmpty(), "a known cookie is kept");
    }

    @Test
    void anUnknownPracticeIsNotFound() {
        WebResponse response = fx.portal.reasons(fx.browser(), "nowhere");

        assertEquals(404, response.status());
        assertEquals("Practice not found", Fixture.html(response).selectFirst("h1").text());
        assertEquals(404, fx.portal.reasons(fx.browser(), "../etc").status());
    }

    @Test
    void aPracticeNameIsEscapedEverywhere() {
        fx.directory.practices.put("demo", Fakes.practice("demo", "<script>alert('x')</script> & Co"));
        fx.booking.openings.add(Fakes.opening("checkup", "SMITH", "2026-12-07T14:00:00Z"));

        for (WebResponse response : List.of(fx.portal.reasons(fx.browser("client", "new"), "demo"),
                fx.portal.openings(fx.browser("reason", "checkup"), "demo"))) {
            assertFalse(response.body().contains("<script>"), response.body());
            assertTrue(response.body().contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; Co"));
            Document page = Fixture.html(response);
            assertTrue(page.select("script").isEmpty());
            assertEquals("<script>alert('x')</script> & Co", page.selectFirst(".brand__name").text());
        }
    }

    @Test
    void openingsAreGroupedByLocalDayWithReadableTimes() {
        fx.booking.openings.add(Fakes.opening("checkup", "SMITH", "2026-12-07T14:00:00Z"));
        fx.booking.openings.add(Fakes.opening("checkup", "JONES", "2026-12-07T19:30:00Z"));
        // 21:00 in New York on Monday is already Tuesday in UTC: it still belongs to Monday
        fx.booking.openings.add(Fakes.opening("checkup", "SMITH", "2026-12-08T02:00:00Z"));
        fx.booking.openings.add(Fakes.opening("checkup", "SMITH", "2026-12-08T14:30:00Z"));

        WebResponse response = fx.portal.openings(fx.browser("reason", "checkup"), "demo");

        assertEquals(200, response.status());
        Document page = Fixture.html(response);
        assertEquals(List.of("Monday 7 December", "Tuesday 8 December"), page.select(".day__title").eachText());
        Elements monday = page.select(".day").get(0).select(".slot__time");
        assertEquals(List.of("09:00", "14:30", "21:00"), monday.eachText());
        Element first = page.selectFirst(".slots form");
        assertEquals("post", first.attr("method"));
        assertEquals("/p/demo/hold", first.attr("action"));
        assertEquals(fx.site.tokens().csrfToken(fx.nonce), first.selectFirst("input[name=csrf]").val());
        assertEquals("2026-12-07T14:00:00Z", first.selectFirst("input[name=start]").val());
        assertEquals("SMITH", first.selectFirst("input[name=provider]").val());
        assertEquals("OP1", first.selectFirst("input[name=room]").val());
        assertEquals("Check-up, Monday 7 December, 09:00, with Dr. Ann Smith",
                first.selectFirst("button").attr("aria-label"));
        // two weeks from today in the practice's zone when the client gives no dates
        assertEquals(LocalDate.of(2026, 12, 3), fx.booking.lastPreferences.from());
        assertEquals(LocalDate.of(2026, 12, 16), fx.booking.lastPreferences.to());
    }

    @Test
    void theSearchUsesTheClientsPreferences() {
        WebResponse response = fx.portal.openings(fx.browser("reason", "checkup", "from", "2026-12-10",
                "to", "2026-12-20", "days", "monday", "days", "friday", "times", "morning", "provider", "JONES"),
                "demo");

        assertEquals(200, response.status());
        assertEquals(Order.SPREAD, fx.booking.lastPreferences.order(), "spread over the days unless asked");
        assertNull(fx.booking.lastPreferences.client());
        assertEquals(LocalDate.of(2026, 12, 10), fx.booking.lastPreferences.from());
        assertEquals(LocalDate.of(2026, 12, 20), fx.booking.lastPreferences.to());
        assertEquals(Set.of(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), fx.booking.lastPreferences.days());
        assertEquals(List.of(TimeWindow.MORNING), fx.booking.lastPreferences.times());
        assertEquals("JONES", fx.booking.lastPreferences.providerId());
        Document page = Fixture.html(response);
        assertTrue(page.selectFirst("input[name=days][value=friday]").hasAttr("checked"));
        assertFalse(page.selectFirst("input[name=days][value=sunday]").hasAttr("checked"));
        assertEquals("JONES", page.selectFirst("select#provider option[selected]").val());
        assertTrue(page.selectFirst(".notice").text().contains("No times match"));
    }

    @Test
    void aPageShowsSomeTimesAndLinksToLaterOnesKeepingTheSearch() {
        Fixture small = new Fixture(10);
        for (int day = 7; day <= 10; day++) {
            for (int hour = 14; hour < 18; hour++) {
                small.booking.openings.add(Fakes.opening("checkup", "SMITH",
                        "2026-12-%02dT%02d:00:00Z".formatted(day, hour)));
            }
        }

        Document first = Fixture.html(small.portal.openings(small.browser("reason", "checkup", "client", "new",
                "days", "monday", "days", "tuesday", "days", "wednesday", "days", "thursday"), "demo"));

        assertEquals(10, first.select(".slot").size());
        assertEquals(11, small.booking.lastPreferences.limit(), "one more, to know that a later page exists");
        assertEquals(0, small.booking.lastPreferences.offset());
        assertEquals(ClientKind.NEW, small.booking.lastPreferences.client());
        assertEquals("new", first.selectFirst(".prefs__form input[name=client]").val());
        assertEquals("new", first.selectFirst(".slots form input[name=q.client]").val());
        String later = first.selectFirst("a.pages__later").attr("href");
        assertEquals("/p/demo/openings?reason=checkup&from=2026-12-03&to=2026-12-16&days=monday&days=tuesday"
                + "&days=wednesday&days=thursday&client=new&page=2", later);
        assertNull(first.selectFirst("a.pages__earlier"));

        Document second = Fixture.html(small.portal.openings(small.browser(PortalPagesTest.query(later)), "demo"));
        assertEquals(10, small.booking.lastPreferences.offset());
        assertEquals(6, second.select(".slot").size());
        assertNull(second.selectFirst("a.pages__later"), "nothing after the last page");
        assertTrue(second.selectFirst("a.pages__earlier").attr("href").endsWith("&client=new"));
        assertTrue(second.selectFirst("a.pages__order").attr("href").contains("order=earliest"));
    }

    @Test
    void aReasonNotForThisClientSaysSo() {
        fx.directory.reasons.add(reason("first", "First visit", null, Audience.NEW_CLIENTS));

        Document page = Fixture.html(fx.portal.openings(fx.browser("reason", "first", "client", "existing"),
                "demo"));

        assertTrue(page.selectFirst(".notice").text().contains("for new clients"), page.html());
    }

    @Test
    void aTimeThatHappensTwiceShowsItsOffset() {
        fx.booking.openings.add(Fakes.opening("checkup", "SMITH", "2026-11-01T05:30:00Z"));
        fx.booking.openings.add(Fakes.opening("checkup", "SMITH", "2026-11-01T06:30:00Z"));
        fx.booking.openings.add(Fakes.opening("checkup", "SMITH", "2026-11-01T15:00:00Z"));

        Document page = Fixture.html(fx.portal.openings(fx.browser("reason", "checkup"), "demo"));

        assertEquals(List.of("01:30 (UTC-04:00)", "01:30 (UTC-05:00)", "10:00"),
                page.select(".slot__time").eachText());
    }

    @Test
    void badSearchInputShowsTheFieldsErrorAndKeepsWhatWasTyped() {
        WebResponse response = fx.portal.openings(fx.browser("reason", "checkup", "from", "next tuesday",
                "days", "funday", "provider", "NOBODY"), "demo");

        assertEquals(400, response.status());
        Document page = Fixture.html(response);
        assertEquals("next tuesday", page.selectFirst("input#from").val());
        assertEquals("true", page.selectFirst("input#from").attr("aria-invalid"));
        assertEquals("Enter a date like 2026-12-03.", page.selectFirst("#from-error").text());
        assertNotNull(page.selectFirst("#days .field__error"));
        assertEquals("Choose someone from the list.", page.selectFirst("#provider-error").text());
        assertEquals(3, page.select(".alert--error li").size());
        assertNull(fx.booking.lastPreferences, "no search with bad input");
    }

    @Test
    void anEndBeforeTheStartIsRefused() {
        Document page = Fixture.html(fx.portal.openings(fx.browser("reason", "checkup", "from", "2026-12-10",
                "to", "2026-12-05"), "demo"));
        assertEquals("The last date must be on or after the first date.", page.selectFirst("#to-error").text());
        assertEquals("2026-12-05", page.selectFirst("input#to").val());
    }

    @Test
    void anUnknownReasonIsNotFound() {
        WebResponse response = fx.portal.openings(fx.browser("reason", "surgery"), "demo");
        assertEquals(404, response.status());
        assertEquals(303, fx.portal.openings(fx.browser(), "demo").status());
    }

    @Test
    void holdingAnOpeningLeadsToTheDetailsForm() {
        WebResponse response = fx.portal.hold(fx.post("reason", "checkup", "provider", "SMITH", "room", "OP1",
                "start", "2026-12-07T14:00:00Z", "end", "2026-12-07T14:30:00Z"), "demo");

        assertEquals(303, response.status());
        assertTrue(response.location().startsWith("/p/demo/request?hold=H1&o="), response.location());
        assertEquals(List.of("hold 2026-12-07T14:00:00Z"), fx.booking.calls);

        WebRequest next = fx.browser(query(response.location()));
        Document form = Fixture.html(fx.portal.requestForm(next, "demo"));
        assertEquals("Check-up", form.selectFirst(".held__what").text());
        assertEquals("Monday 7 December, 09:00", form.selectFirst(".held__when").text());
        assertEquals("with Dr. Ann Smith", form.selectFirst(".held__who").text());
        assertTrue(form.selectFirst(".held__until").text().contains("10:10"));
        assertEquals("H1", form.selectFirst("input[name=hold]").val());
        assertNotNull(form.selectFirst("input#clientName"), "new clients are welcome at this practice");
    }

    @Test
    void whetherTheClientIsNewGoesOnToTheDetailsForm() {
        WebResponse response = fx.portal.hold(fx.post("reason", "checkup", "provider", "SMITH", "room", "OP1",
                "start", "2026-12-07T14:00:00Z", "end", "2026-12-07T14:30:00Z", "q.client", "existing"), "demo");
        assertTrue(response.location().endsWith("&client=existing"), response.location());

        Document known = Fixture.html(fx.portal.requestForm(fx.browser(query(response.location())), "demo"));
        assertEquals("existing", known.selectFirst("form#form input[name=client]").val());
        assertNull(known.selectFirst("input#clientName"), "a known client is not asked for a name");

        Document newcomer = Fixture.html(fx.portal.requestForm(fx.browser("hold", "H1", "client", "new"), "demo"));
        assertEquals("Your full name", newcomer.selectFirst("label[for=clientName]").text());
        assertTrue(newcomer.selectFirst("#privacyCode-hint").text().startsWith("Choose a code"));
    }

    @Test
    void epochSecondsAreAcceptedForTheOpening() {
        WebResponse response = fx.portal.hold(fx.post("reason", "checkup", "provider", "SMITH",
                "start", "1796652000", "end", "1796653800"), "demo");
        assertEquals(303, response.status());
        assertEquals(List.of("hold " + Instant.ofEpochSecond(1796652000)), fx.booking.calls);
    }

    @Test
    void aForgedSummaryIsNotShown() {
        String forged = new Tokens("another secret of 32 bytes......".getBytes(StandardCharsets.UTF_8))
                .seal("held\nH1\ncheckup\nSMITH\n\n2026-12-07T14:00:00Z\n2026-12-07T14:30:00Z\n");
        Document form = Fixture.html(fx.portal.requestForm(fx.browser("hold", "H1", "o", forged), "demo"));
        assertNull(form.selectFirst(".held"));
        assertNotNull(form.selectFirst("input#email"), "the form still works");
    }

    @Test
    void aTakenOpeningShowsTheOpeningsAgainWithAClearMessage() {
        fx.booking.openings.add(Fakes.opening("checkup", "SMITH", "2026-12-07T14:00:00Z"));
        fx.booking.openings.add(Fakes.opening("checkup", "SMITH", "2026-12-07T15:00:00Z"));
        fx.booking.taken.add(Instant.parse("2026-12-07T14:00:00Z"));

        WebResponse response = fx.portal.hold(fx.post("reason", "checkup", "provider", "SMITH", "room", "OP1",
                "start", "2026-12-07T14:00:00Z", "end", "2026-12-07T14:30:00Z", "q.from", "2026-12-05",
                "q.to", "2026-12-12", "q.days", "monday"), "demo");

        assertEquals(409, response.status());
        Document page = Fixture.html(response);
        assertEquals(PortalPages.TAKEN,
                page.selectFirst(".alert[role=alert]").text());
        assertEquals(2, page.select(".slot").size());
        assertEquals("2026-12-05", page.selectFirst("input#from").val());
        assertTrue(page.selectFirst("input[name=days][value=monday]").hasAttr("checked"));
        assertEquals(Set.of(DayOfWeek.MONDAY), fx.booking.lastPreferences.days());
    }

    @Test
    void aPostWithoutAValidTokenIsRefused() {
        String[] fields = {"reason", "checkup", "provider", "SMITH", "start", "2026-12-07T14:00:00Z",
            "end", "2026-12-07T14:30:00Z"};
        List<WebRequest> bad = new ArrayList<>();
        bad.add(fx.browser(fields));
        bad.add(new WebRequest("", fx.post(fields).params(), null, false, null));
        bad.add(new WebRequest("", fx.post(fields).params(), Tokens.newNonce(), false, null));
        WebRequest wrong = fx.browser(fields);
        Map<String, List<String>> params = new java.util.HashMap<>(wrong.params());
        params.put("csrf", List.of("not-the-token"));
        bad.add(new WebRequest("", params, fx.nonce, false, null));

        for (WebRequest request : bad) {
            WebResponse response = fx.portal.hold(request, "demo");
            assertEquals(403, response.status());
            assertEquals("Please send the form again", Fixture.html(response).selectFirst("h1").text());
            WebResponse sent = fx.portal.request(request, "demo");
            assertEquals(403, sent.status());
        }
        assertTrue(fx.booking.calls.isEmpty(), "nothing reached the booking service");
    }

    @Test
    void aValidRequestLeadsToTheDonePage() {
        WebResponse response = fx.portal.request(fx.post("hold", "H7", "email", " maria@example.org ",
                "phone", "", "privacyCode", "tulip-42", "clientName", "Maria Lopez", "patientKind", "PET",
                "patientName", "Rex", "memo", "Limps a little"), "demo");

        assertEquals(303, response.status(), response.body());
        assertTrue(response.location().startsWith("/p/demo/done?request=R"), response.location());
        assertEquals("maria@example.org", fx.booking.lastForm.email());
        assertNull(fx.booking.lastForm.phone());
        assertEquals("tulip-42", fx.booking.lastForm.privacyCode());
        assertEquals(PatientKind.PET, fx.booking.lastForm.patientKind());
        assertEquals("H7", fx.booking.lastForm.holdId());

        Document done = Fixture.html(fx.portal.done(fx.browser(query(response.location())), "demo"));
        assertTrue(done.selectFirst("h1").text().contains("your request is sent"));
        assertTrue(done.text().contains("The practice will confirm"));
        String id = query(response.location())[1];
        assertEquals(id, done.selectFirst(".facts code").text());
        assertTrue(done.text().contains("Monday 7 December, 09:00"));
        assertFalse(done.text().contains("maria@example.org"), "no personal data on a page reached by a link");
    }

    @Test
    void badDetailsAreShownAgainWithTheirErrorsButNotThePrivacyCode() {
        WebResponse response = fx.portal.request(fx.post("hold", "H7", "email", "maria-at-example",
                "privacyCode", "tulip-42", "clientName", "Maria <b>Lopez</b>", "patientKind", "FAMILY",
                "patientName", "", "memo", "Back tooth <script>x</script>"), "demo");

        assertEquals(400, response.status());
        assertTrue(fx.booking.calls.isEmpty());
        Document page = Fixture.html(response);
        assertEquals("maria-at-example", page.selectFirst("input#email").val());
        assertEquals("Enter an email address like name@example.com.", page.selectFirst("#email-error").text());
        assertEquals("Enter the name of whom the visit is for.", page.selectFirst("#patientName-error").text());
        assertEquals("Maria <b>Lopez</b>", page.selectFirst("input#clientName").val());
        assertEquals("Back tooth <script>x</script>", page.selectFirst("textarea#memo").text());
        assertTrue(page.selectFirst("input[name=patientKind][value=FAMILY]").hasAttr("checked"));
        assertEquals("", page.selectFirst("input#privacyCode").val());
        assertFalse(response.body().contains("tulip-42"));
        assertTrue(page.select("script").isEmpty());
        assertEquals(List.of("#email", "#patientName"), page.select(".alert--error a").eachAttr("href"));
    }

    @Test
    void aFieldTheServiceRefusesIsShownAtThatField() {
        fx.booking.requestFailure = new InvalidInputException("privacyCode", "does not match this email");

        WebResponse response = fx.portal.request(fx.post("hold", "H7", "email", "maria@example.org",
                "privacyCode", "wrong"), "demo");

        assertEquals(400, response.status());
        Document page = Fixture.html(response);
        assertEquals("Privacy code does not match this email.", page.selectFirst("#privacyCode-error").text());
        assertEquals("maria@example.org", page.selectFirst("input#email").val());
    }

    @Test
    void aClientWhoSaidTheyAreKnownButIsNotIsAskedForTheirNameAtLast() {
        Document form = Fixture.html(fx.portal.requestForm(fx.browser("hold", "H7", "client", "existing"), "demo"));
        assertNull(form.selectFirst("input#clientName"), "a known client is not asked for a name");
        fx.booking.requestFailure = new InvalidInputException("clientName", "is required for a new client");

        WebResponse unknown = fx.portal.request(fx.post("hold", "H7", "client", "existing",
                "email", "maria@example.org", "privacyCode", "tulip-42"), "demo");

        assertEquals(400, unknown.status());
        Document page = Fixture.html(unknown);
        assertNotNull(page.selectFirst("input#clientName"), "the name field is there to fill in: " + page.html());
        assertEquals(PortalPages.UNKNOWN_CLIENT, page.selectFirst("#clientName-error").text());
        assertEquals(List.of("#clientName"), page.select(".alert--error a").eachAttr("href"));
        assertEquals("existing", page.selectFirst("input[name=client]").val());

        fx.booking.requestFailure = null;
        WebResponse sent = fx.portal.request(fx.post("hold", "H7", "client", "existing",
                "email", "maria@example.org", "privacyCode", "tulip-42", "clientName", "Maria Lopez"), "demo");
        assertEquals(303, sent.status(), sent.body());
        assertEquals("Maria Lopez", fx.booking.lastForm.clientName());
    }

    @Test
    void aPracticeForKnownClientsTellsAnUnknownOneWhatToDo() {
        fx.directory.practices.put("demo", new Practice("demo", "Riverside", Fakes.NEW_YORK, "+1 555 0100", null,
                NewClientPolicy.EXISTING_ONLY, true));
        fx.booking.requestFailure = new org.slotbridge.api.ConflictException("new_clients_closed",
                "this practice takes online requests from its existing clients only");

        WebResponse response = fx.portal.request(fx.post("hold", "H7", "email", "maria@example.org",
                "privacyCode", "tulip-42"), "demo");

        assertEquals(409, response.status());
        Document page = Fixture.html(response);
        assertEquals("We do not know this email or phone number. Please check it, or call us to book.",
                page.selectFirst("#email-error").text());
        assertNull(page.selectFirst("input#clientName"));
    }

    @Test
    void aLapsedHoldSendsTheClientBackToTheOpenings() {
        fx.booking.requestFailure = new org.slotbridge.api.ConflictException("hold_lapsed", "the hold has lapsed");
        Document page = sendOnLostHold(409);
        assertEquals("That time is no longer kept for you", page.selectFirst("h1").text());
        assertEquals("/p/demo/openings?reason=cleaning", page.selectFirst("a.button").attr("href"));
    }

    @Test
    void aFormForAHoldThatIsGoneIsNotShown() {
        fx.booking.lapsedHolds.add("H7");
        String sealed = new HeldOpening("H7", Fakes.opening("cleaning", "SMITH", "2026-12-07T14:00:00Z"), null)
                .seal(fx.site.tokens());
        WebResponse response = fx.portal.requestForm(fx.browser("hold", "H7", "o", sealed), "demo");
        assertEquals(409, response.status());
        Document page = Fixture.html(response);
        assertEquals("That time is no longer kept for you", page.selectFirst("h1").text());
        assertNull(page.selectFirst("form#form"));
    }

    @Test
    void aHoldThePracticeBookedMeanwhileSendsTheClientBackToTheOpenings() {
        fx.booking.requestFailure = new org.slotbridge.api.ConflictException(
                org.slotbridge.api.ConflictException.OPENING_TAKEN, "the practice has booked this time");
        Document page = sendOnLostHold(409);
        assertEquals("This time has just been booked", page.selectFirst("h1").text());
        assertEquals("/p/demo/openings?reason=cleaning", page.selectFirst("a.button").attr("href"));
    }

    private Document sendOnLostHold(int status) {
        String sealed = new HeldOpening("H7", Fakes.opening("cleaning", "SMITH", "2026-12-07T14:00:00Z"), null)
                .seal(fx.site.tokens());
        WebResponse response = fx.portal.request(fx.post("hold", "H7", "o", sealed, "email", "maria@example.org",
                "privacyCode", "tulip-42"), "demo");
        assertEquals(status, response.status());
        return Fixture.html(response);
    }

    @Test
    void existingClientsOnlyPracticesAskForNoName() {
        Practice strict = new Practice("demo", "Riverside", Fakes.NEW_YORK, null, null, NewClientPolicy.EXISTING_ONLY,
                true);
        fx.directory.practices.put("demo", strict);
        Document page = Fixture.html(fx.portal.requestForm(fx.browser("hold", "H1"), "demo"));
        assertNull(page.selectFirst("input#clientName"));
        assertNull(page.selectFirst(".site-header__phone"), "no phone link without a phone");
    }

    @Test
    void aPracticeNotTakingBookingsSaysSo() {
        fx.directory.practices.put("demo", new Practice("demo", "Riverside", Fakes.NEW_YORK, "+1 555 0100", null,
                NewClientPolicy.WELCOME, false));
        Document page = Fixture.html(fx.portal.reasons(fx.browser(), "demo"));
        assertTrue(page.selectFirst(".notice").text().contains("not taking online bookings"));
        assertTrue(page.select("a.reason").isEmpty());
    }

    @Test
    void pagesServedUnderAPrefixLinkUnderIt() {
        WebRequest prefixed = new WebRequest("/booking/", Map.of(), fx.nonce, false, null);
        Document page = Fixture.html(fx.portal.reasons(prefixed, "demo"));
        assertEquals("/booking/p/demo/?client=new", page.select("a.client-choice").last().attr("href"));
        assertEquals("/booking/p/demo/", page.selectFirst("a.brand").attr("href"));
        assertEquals("/booking/assets/default/css/portal.css", page.selectFirst("link[rel=stylesheet]").attr("href"));
    }

    private static Reason reason(String id, String name, String category, Audience audience) {
        return new Reason(id, name, category, null, Duration.ofMinutes(30), Set.of(), Set.of(), Set.of(), List.of(),
                new ReasonRules(null, null, null, audience, Set.of(), null, Timing.INHERIT));
    }

    /** The query of a redirect location as name, value pairs. */
    static String[] query(String location) {
        String query = URI.create(location).getRawQuery();
        List<String> pairs = new ArrayList<>();
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            pairs.add(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8));
            pairs.add(URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        }
        return pairs.toArray(String[]::new);
    }
}
