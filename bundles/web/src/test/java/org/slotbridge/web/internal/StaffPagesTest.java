package org.slotbridge.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.slotbridge.api.ConflictException;
import org.slotbridge.api.Explanation;
import org.slotbridge.api.Opening;
import org.slotbridge.api.PatientKind;
import org.slotbridge.api.RequestStatus;

class StaffPagesTest {

    private static final String USER = "demo-staff";
    private static final String PASSWORD = "demo-staff-2026";

    private final Fixture fx = new Fixture();

    @Test
    void withoutCredentialsTheBrowserIsAskedToSignIn() {
        for (WebRequest request : List.of(fx.browser(), fx.staffBrowser(USER, "wrong", false),
                new WebRequest("", null, null, false, "Basic not-base64!"),
                new WebRequest("", null, null, false, "Bearer abc"))) {
            WebResponse response = fx.staff.list(request, "demo");
            assertEquals(401, response.status());
            assertEquals(StaffPages.CHALLENGE, response.headers().get("WWW-Authenticate"));
            assertFalse(response.body().contains("Maria"));
        }
    }

    @Test
    void requestsThatLostTheirTimeToThePmsAreListedToMoveOrDeclineNotToConfirm() {
        fx.booking.add("R1", null, PatientKind.SELF, RequestStatus.PENDING);
        fx.booking.add("R4", null, PatientKind.SELF, RequestStatus.CONFLICTED);

        Document page = Fixture.html(fx.staff.list(fx.staffBrowser(USER, PASSWORD, false), "demo"));
        Element conflicted = page.selectFirst("#group-conflicted").parent();
        Element card = conflicted.selectFirst(".request");
        assertNotNull(card, conflicted.html());
        assertTrue(card.text().contains("Lost to the PMS"), card.text());
        assertTrue(card.select("form[action$=/confirm]").isEmpty(), "a request holding no time is not confirmed");
        assertNotNull(card.selectFirst("form[action=/staff/demo/requests/R4/decline]"));
        assertNotNull(card.selectFirst("form[action=/staff/demo/requests/R4/propose]"));
        assertNotNull(page.selectFirst("#group-pending").parent()
                .selectFirst("form[action=/staff/demo/requests/R1/confirm]"));
    }

    @Test
    void aConflictedRequestShowsTheTimesOfferedInsteadEachReadyToPropose() {
        fx.booking.add("R4", null, PatientKind.SELF, RequestStatus.CONFLICTED);
        fx.booking.add("R5", null, PatientKind.SELF, RequestStatus.CONFLICTED);
        fx.booking.alternatives.put("R4", List.of(Fakes.opening("checkup", "JONES", "2026-12-07T15:00:00Z"),
                Fakes.opening("checkup", "SMITH", "2026-12-07T16:30:00Z")));

        Document page = Fixture.html(fx.staff.list(fx.staffBrowser(USER, PASSWORD, false), "demo"));
        Element card = page.selectFirst("#request-R4");
        List<Element> offers = card.select(".alternatives form[method=post]");
        assertEquals(2, offers.size(), card.html());
        assertEquals("Monday 7 December, 10:00 with Dr. Bo Jones", offers.get(0).selectFirst(".alternatives__time")
                .text());
        assertEquals("/staff/demo/requests/R4/propose", offers.get(0).attr("action"));
        assertEquals("2026-12-07T15:00:00Z", offers.get(0).selectFirst("input[name=start]").val());
        assertEquals(fx.site.tokens().csrfToken(fx.nonce), offers.get(0).selectFirst("input[name=csrf]").val());
        assertTrue(page.selectFirst("#request-R5").text().contains("No free time was found"),
                page.selectFirst("#request-R5").text());

        WebResponse proposed = fx.staff.propose(fx.staffBrowser(USER, PASSWORD, true, "provider", "SMITH",
                "room", "OP1", "start", "2026-12-07T16:30:00Z", "end", "2026-12-07T17:00:00Z"), "demo", "R4");
        assertEquals(303, proposed.status(), proposed.body());
        assertEquals(RequestStatus.PROPOSED, fx.booking.find("demo", "R4").status());
        assertEquals(200, fx.staff.proposeForm(fx.staffBrowser(USER, PASSWORD, false), "demo", "R5").status(),
                "staff may look for another time for a conflicted request");
    }

    @Test
    void staffOfAnotherPracticeAreRefused() {
        fx.booking.add("R1", null, PatientKind.SELF, RequestStatus.PENDING);
        WebResponse response = fx.staff.list(fx.staffBrowser("other-staff", "other-pass-2026", false), "demo");

        assertEquals(403, response.status());
        assertFalse(response.body().contains("Maria"));
        assertEquals("/staff/other/", Fixture.html(response).selectFirst("a.button").attr("href"));
        WebResponse confirm = fx.staff.confirm(fx.staffBrowser("other-staff", "other-pass-2026", true), "demo", "R1");
        assertEquals(403, confirm.status());
        assertTrue(fx.booking.calls.isEmpty());
    }

    @Test
    void openRequestsAreListedInThePracticesTime() {
        fx.booking.add("R1", "Sore since Friday", PatientKind.PET, RequestStatus.PENDING);
        fx.booking.add("R2", null, PatientKind.SELF, RequestStatus.PROPOSED);
        fx.booking.add("R3", null, PatientKind.SELF, RequestStatus.CONFIRMED);

        WebResponse response = fx.staff.list(fx.staffBrowser(USER, PASSWORD, false), "demo");

        assertEquals(200, response.status());
        Document page = Fixture.html(response);
        assertEquals("Signed in as Front desk", page.selectFirst(".site-header__who").text());
        Element pending = page.selectFirst("#group-pending").parent();
        Element card = pending.selectFirst(".request");
        assertEquals("Monday 7 December, 09:00", card.selectFirst(".request__when").text());
        assertTrue(card.selectFirst(".request__what").text().startsWith("Check-up with Dr. Ann Smith"));
        assertTrue(card.text().contains("Rex (pet, dog)"));
        assertTrue(card.text().contains("Maria Lopez"));
        assertEquals("mailto:maria@example.org", card.selectFirst("a[href^=mailto]").attr("href"));
        assertEquals("tel:+15550199", card.selectFirst("a[href^=tel]").attr("href"));
        assertEquals("Sore since Friday", card.selectFirst(".memo").text());
        assertEquals("/staff/demo/requests/R1/confirm", card.selectFirst("form[method=post]").attr("action"));
        assertEquals(fx.site.tokens().csrfToken(fx.nonce), card.selectFirst("input[name=csrf]").val());
        Element proposed = page.selectFirst("#group-proposed").parent();
        assertEquals(1, proposed.select(".request").size());
        assertFalse(page.text().contains("R3"), "decided requests are not listed");
    }

    @Test
    void staffSeeWhyATimeIsNotOffered() {
        Document empty = Fixture.html(fx.staff.whyNot(fx.staffBrowser(USER, PASSWORD, false), "demo"));
        assertEquals(List.of("Choose…", "Check-up", "Cleaning", "Toothache"),
                empty.select("select#reason option").eachText());
        assertTrue(fx.booking.calls.isEmpty(), "nothing is asked before the form is sent");

        WebResponse response = fx.staff.whyNot(fx.staffBrowser(USER, PASSWORD, false, "reason", "checkup",
                "provider", "SMITH", "date", "2026-12-07", "time", "12:00"), "demo");

        assertEquals(200, response.status());
        assertEquals(List.of("explain checkup SMITH 2026-12-07T17:00:00Z"), fx.booking.calls);
        Document page = Fixture.html(response);
        assertEquals("Monday 7 December, 12:00", page.selectFirst(".why-not__when").text());
        assertEquals(List.of("break", "appointment"), page.select(".obstacle__code").eachText());
        assertEquals("checkup", page.selectFirst("select#reason option[selected]").val());
    }

    @Test
    void aBookableTimeLeftOutOfTheDaysSearchIsSaidToBe() {
        Opening asked = Fakes.opening("checkup", "SMITH", "2026-12-07T17:00:00Z");
        fx.booking.explanation = new Explanation(asked, List.of());
        fx.booking.filter = true;
        fx.booking.openings.add(Fakes.opening("checkup", "JONES", "2026-12-07T14:00:00Z"));
        fx.booking.openings.add(Fakes.opening("checkup", "JONES", "2026-12-07T15:00:00Z"));

        String left = Fixture.html(fx.staff.whyNot(fx.staffBrowser(USER, PASSWORD, false, "reason", "checkup",
                "provider", "SMITH", "date", "2026-12-07", "time", "12:00"), "demo")).selectFirst(".alert--ok").text();
        assertTrue(left.startsWith("Offered: 12:00"), left);
        assertTrue(left.contains("is shown 2 other times"), left);
        assertEquals(LocalDate.parse("2026-12-07"), fx.booking.lastPreferences.from());
        assertNull(fx.booking.lastPreferences.providerId(), "the search of a client who asks for anyone");

        fx.booking.openings.add(asked);
        String shown = Fixture.html(fx.staff.whyNot(fx.staffBrowser(USER, PASSWORD, false, "reason", "checkup",
                "provider", "SMITH", "date", "2026-12-07", "time", "12:00"), "demo")).selectFirst(".alert--ok").text();
        assertFalse(shown.contains("other times"), shown);
    }

    @Test
    void aTimeThatHappensTwiceIsAnsweredForBothAndAMissingOneIsNamed() {
        fx.booking.explanation = new Explanation(Fakes.opening("checkup", "SMITH", "2026-11-01T05:30:00Z"),
                List.of());

        Document twice = Fixture.html(fx.staff.whyNot(fx.staffBrowser(USER, PASSWORD, false, "reason", "checkup",
                "provider", "SMITH", "date", "2026-11-01", "time", "01:30"), "demo"));
        assertEquals(2, twice.select(".why-not").size());
        assertEquals(List.of("explain checkup SMITH 2026-11-01T05:30:00Z",
                "explain checkup SMITH 2026-11-01T06:30:00Z"), fx.booking.calls);
        assertTrue(twice.selectFirst(".why-not .alert--ok").text().startsWith("Offered: 01:30 (UTC-04:00)"));

        Document skipped = Fixture.html(fx.staff.whyNot(fx.staffBrowser(USER, PASSWORD, false, "reason", "checkup",
                "provider", "SMITH", "date", "2027-03-14", "time", "02:30"), "demo"));
        assertTrue(skipped.selectFirst(".alert--warning").text().contains("does not happen"));
        assertEquals(2, fx.booking.calls.size());

        WebResponse bad = fx.staff.whyNot(fx.staffBrowser(USER, PASSWORD, false, "reason", "polish",
                "provider", "SMITH", "date", "soon", "time", "9"), "demo");
        assertEquals(400, bad.status());
        assertEquals(3, Fixture.html(bad).select(".field__error").size());
    }

    @Test
    void aMemoWithMarkupIsShownAsText() {
        fx.booking.add("R1", "<script>alert(1)</script><img src=x onerror=alert(2)>", PatientKind.SELF,
                RequestStatus.PENDING);

        WebResponse response = fx.staff.list(fx.staffBrowser(USER, PASSWORD, false), "demo");

        assertFalse(response.body().contains("<script>alert(1)"));
        Document page = Fixture.html(response);
        assertTrue(page.select("script, img[onerror]").isEmpty());
        assertEquals("<script>alert(1)</script><img src=x onerror=alert(2)>", page.selectFirst(".memo").text());
    }

    @Test
    void confirmingRedirectsBackWithAMessage() {
        fx.booking.add("R1", null, PatientKind.SELF, RequestStatus.PENDING);

        WebResponse response = fx.staff.confirm(fx.staffBrowser(USER, PASSWORD, true, "note", "See you then"),
                "demo", "R1");

        assertEquals(303, response.status());
        assertEquals("/staff/demo/?flash=confirmed&id=R1", response.location());
        assertEquals(List.of("confirm R1 See you then"), fx.booking.calls);
        Document list = Fixture.html(fx.staff.list(fx.staffBrowser(USER, PASSWORD, false, "flash", "confirmed",
                "id", "R1"), "demo"));
        assertEquals("Request R1 is confirmed; the client will be told.", list.selectFirst(".alert--ok").text());
    }

    @Test
    void decliningKeepsTheNote() {
        fx.booking.add("R1", null, PatientKind.SELF, RequestStatus.PENDING);
        WebResponse response = fx.staff.decline(fx.staffBrowser(USER, PASSWORD, true, "note", "Fully booked"),
                "demo", "R1");
        assertEquals(303, response.status());
        assertEquals(List.of("decline R1 Fully booked"), fx.booking.calls);
    }

    @Test
    void aDecisionWithoutTheFormTokenIsRefused() {
        fx.booking.add("R1", null, PatientKind.SELF, RequestStatus.PENDING);
        assertEquals(403, fx.staff.confirm(fx.staffBrowser(USER, PASSWORD, false), "demo", "R1").status());
        assertEquals(403, fx.staff.decline(fx.staffBrowser(USER, PASSWORD, false), "demo", "R1").status());
        assertEquals(403, fx.staff.propose(fx.staffBrowser(USER, PASSWORD, false), "demo", "R1").status());
        assertTrue(fx.booking.calls.isEmpty());
    }

    @Test
    void aRequestDecidedMeanwhileIsReportedOnTheList() {
        fx.booking.add("R1", null, PatientKind.SELF, RequestStatus.PENDING);
        fx.booking.decisionFailure = new ConflictException("request_not_open", "request R1 is confirmed");

        WebResponse response = fx.staff.confirm(fx.staffBrowser(USER, PASSWORD, true), "demo", "R1");

        assertEquals(409, response.status());
        assertTrue(Fixture.html(response).selectFirst(".alert--error").text().contains("already decided"));
    }

    @Test
    void aConfirmRefusedBecauseThePmsBookedTheTimeSaysSo() {
        fx.booking.add("R1", null, PatientKind.SELF, RequestStatus.PENDING);
        fx.booking.decisionFailure = new ConflictException("booked_in_pms",
                "the PMS has booked that time for another visit since");

        WebResponse response = fx.staff.confirm(fx.staffBrowser(USER, PASSWORD, true), "demo", "R1");

        assertEquals(409, response.status());
        String alert = Fixture.html(response).selectFirst(".alert--error").text();
        assertTrue(alert.contains("cannot be confirmed: the PMS has booked that time"), alert);
        assertFalse(alert.contains("already decided"), alert);
    }

    @Test
    void proposingShowsTheOpeningsOfADayAndHoldsOne() {
        fx.booking.add("R1", null, PatientKind.SELF, RequestStatus.PENDING);
        fx.booking.openings.add(Fakes.opening("checkup", "JONES", "2026-12-09T15:00:00Z"));
        fx.booking.openings.add(Fakes.opening("checkup", "SMITH", "2026-12-09T16:00:00Z"));

        WebResponse form = fx.staff.proposeForm(fx.staffBrowser(USER, PASSWORD, false, "date", "2026-12-09"),
                "demo", "R1");

        assertEquals(200, form.status());
        assertEquals(LocalDate.of(2026, 12, 9), fx.booking.lastPreferences.from());
        assertEquals(LocalDate.of(2026, 12, 9), fx.booking.lastPreferences.to());
        Document page = Fixture.html(form);
        assertEquals("Free on Wednesday 9 December", page.selectFirst("#times-title").text());
        List<String> times = page.select(".proposal__time").eachText();
        assertEquals(List.of("10:00 with Dr. Bo Jones", "11:00 with Dr. Ann Smith"), times);
        Element first = page.selectFirst("form.proposal");
        assertEquals("/staff/demo/requests/R1/propose", first.attr("action"));

        WebResponse sent = fx.staff.propose(fx.staffBrowser(USER, PASSWORD, true, "provider", "JONES", "room", "OP1",
                "start", "2026-12-09T15:00:00Z", "end", "2026-12-09T15:30:00Z", "note", "Earlier suits us"),
                "demo", "R1");

        assertEquals(303, sent.status());
        assertEquals("/staff/demo/?flash=proposed&id=R1", sent.location());
        assertEquals(Instant.parse("2026-12-09T15:00:00Z"), fx.booking.lastProposal.start());
        assertEquals("checkup", fx.booking.lastProposal.reasonId());
    }

    @Test
    void proposingCanShowOneProvidersTimes() {
        fx.booking.add("R1", null, PatientKind.SELF, RequestStatus.PENDING);
        fx.booking.filter = true;
        fx.booking.openings.add(Fakes.opening("checkup", "JONES", "2026-12-09T15:00:00Z"));
        fx.booking.openings.add(Fakes.opening("checkup", "SMITH", "2026-12-09T16:00:00Z"));

        Document page = Fixture.html(fx.staff.proposeForm(fx.staffBrowser(USER, PASSWORD, false, "date", "2026-12-09",
                "provider", "SMITH"), "demo", "R1"));

        assertEquals("SMITH", fx.booking.lastPreferences.providerId());
        assertEquals(List.of("11:00 with Dr. Ann Smith"), page.select(".proposal__time").eachText());
        assertEquals("SMITH", page.selectFirst("select#provider option[selected]").val());
        assertEquals(List.of("", "SMITH", "JONES"), page.select("select#provider option").eachAttr("value"),
                "anyone, then by name");

        WebResponse unknown = fx.staff.proposeForm(fx.staffBrowser(USER, PASSWORD, false, "date", "2026-12-09",
                "provider", "NOBODY"), "demo", "R1");
        assertEquals(400, unknown.status());
        assertNotNull(Fixture.html(unknown).selectFirst("#provider-error"));
    }

    @Test
    void aProposedOpeningTakenMeanwhileShowsTheDayAgain() {
        fx.booking.add("R1", null, PatientKind.SELF, RequestStatus.PENDING);
        fx.booking.openings.add(Fakes.opening("checkup", "SMITH", "2026-12-09T16:00:00Z"));
        fx.booking.taken.add(Instant.parse("2026-12-09T15:00:00Z"));

        WebResponse response = fx.staff.propose(fx.staffBrowser(USER, PASSWORD, true, "provider", "JONES",
                "start", "2026-12-09T15:00:00Z", "end", "2026-12-09T15:30:00Z"), "demo", "R1");

        assertEquals(409, response.status());
        Document page = Fixture.html(response);
        assertEquals(PortalPages.TAKEN, page.selectFirst(".alert--warning").text());
        assertEquals("2026-12-09", page.selectFirst("input#date").val());
        assertEquals(1, page.select("form.proposal").size());
    }

    @Test
    void aBadDateIsShownWithItsError() {
        fx.booking.add("R1", null, PatientKind.SELF, RequestStatus.PENDING);
        WebResponse response = fx.staff.proposeForm(fx.staffBrowser(USER, PASSWORD, false, "date", "9/12"),
                "demo", "R1");
        assertEquals(400, response.status());
        Document page = Fixture.html(response);
        assertEquals("9/12", page.selectFirst("input#date").val());
        assertNotNull(page.selectFirst("#date-error"));
        assertNull(page.selectFirst("form.proposal"));
    }

    @Test
    void anUnknownRequestIsNotFound() {
        assertEquals(404, fx.staff.proposeForm(fx.staffBrowser(USER, PASSWORD, false), "demo", "R9").status());
    }

    @Test
    void aSignInIsRememberedBriefly() {
        fx.staff.list(fx.staffBrowser(USER, PASSWORD, false), "demo");
        fx.staff.list(fx.staffBrowser(USER, PASSWORD, false), "demo");
        assertEquals(1, fx.accounts.checks.get());
        fx.staff.list(fx.staffBrowser(USER, "wrong", false), "demo");
        fx.staff.list(fx.staffBrowser(USER, "wrong", false), "demo");
        assertEquals(3, fx.accounts.checks.get(), "failures are never remembered");
    }
}
