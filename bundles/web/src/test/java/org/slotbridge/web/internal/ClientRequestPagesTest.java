package org.slotbridge.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.slotbridge.api.Opening;
import org.slotbridge.api.PatientKind;
import org.slotbridge.api.Request;
import org.slotbridge.api.RequestStatus;
import org.slotbridge.web.internal.ClientRequestPages.Step;

/** The client's page of a request, reached through the link shown once when the request was sent. */
class ClientRequestPagesTest {

    private final Fixture fx = new Fixture();
    private final ClientRequestPages pages = new ClientRequestPages(fx.booking, fx.portal, fx.site);

    @Test
    void theDonePageShowsTheClientsLinkAndTheLinkLetsThemAcceptAProposal() {
        WebResponse sent = fx.portal.request(fx.post("hold", "H7", "email", "maria@example.org",
                "privacyCode", "tulip-42", "clientName", "Maria Lopez", "patientKind", "SELF"), "demo");
        assertEquals(303, sent.status(), sent.body());
        String[] query = PortalPagesTest.query(sent.location());
        String id = query[1];
        String token = fx.booking.tokens.get(id);
        assertEquals("token", query[2]);
        assertEquals(token, query[3]);

        Document done = Fixture.html(fx.portal.done(fx.browser(query), "demo"));
        String link = "/p/demo/requests/" + id + "?token=" + token;
        assertEquals(link, done.selectFirst("a.client-link").attr("href"));
        WebResponse bare = fx.portal.done(fx.browser("request", id), "demo");
        assertEquals(404, bare.status(), "without the token the request is not shown");
        assertFalse(bare.body().contains(id), "nor named");
        assertEquals(404, fx.portal.done(fx.browser("request", id, "token", ""), "demo").status());

        Document pending = Fixture.html(pages.show(fx.browser("token", token), "demo", id));
        assertEquals("Waiting for the practice to confirm", status(pending));
        assertTrue(pending.select("form[action$=/accept]").isEmpty(), "nothing to accept yet");
        assertNotNull(pending.selectFirst("form[action=/p/demo/requests/" + id + "/cancel]"));

        fx.booking.propose("demo", id, fx.booking.find("demo", id).opening(), null);
        Document proposed = Fixture.html(pages.show(fx.browser("token", token), "demo", id));
        Element accept = proposed.selectFirst("form[action=/p/demo/requests/" + id + "/accept]");
        assertNotNull(accept, proposed.html());
        assertEquals(token, accept.selectFirst("input[name=token]").val());
        assertFalse(accept.selectFirst("input[name=csrf]").val().isEmpty());
        assertNotNull(proposed.selectFirst("form[action=/p/demo/requests/" + id + "/refuse]"));
        assertEquals("Please answer by Saturday 5 December, 10:00. After that the proposal lapses and the time may"
                + " be given to someone else.", proposed.selectFirst(".answer-by").text());

        WebResponse accepted = pages.act(fx.post("token", token), "demo", id, Step.ACCEPT);
        assertEquals(303, accepted.status(), accepted.body());
        assertEquals(link, accepted.location());
        assertEquals(RequestStatus.CONFIRMED, fx.booking.find("demo", id).status());
        Document confirmed = Fixture.html(pages.show(fx.browser("token", token), "demo", id));
        assertEquals("Confirmed", status(confirmed));
        assertTrue(confirmed.select("form").isEmpty(), "nothing left to do: " + confirmed.select("form"));
    }

    @Test
    void aFormSentTwiceAnswersTheSecondLikeTheFirst() {
        fx.booking.add("R8", null, PatientKind.SELF, RequestStatus.PROPOSED);
        fx.booking.tokens.put("R8", "token-8");
        Document page = Fixture.html(pages.show(fx.browser("token", "token-8"), "demo", "R8"));
        List<Element> forms = page.select("form[method=post]");
        assertEquals(3, forms.size(), "accept, refuse, cancel");
        String key = forms.get(0).selectFirst("input[name=submission]").val();
        for (Element form : forms) {
            assertEquals(key, form.selectFirst("input[name=submission]").val(), "every form of the page");
        }

        WebResponse first = pages.act(fx.post("token", "token-8", "submission", key), "demo", "R8", Step.ACCEPT);
        WebResponse second = pages.act(fx.post("token", "token-8", "submission", key), "demo", "R8", Step.ACCEPT);

        assertEquals(303, first.status(), first.body());
        assertEquals(303, second.status(), "a double click is not refused: " + second.body());
        assertEquals(first.location(), second.location());
        assertEquals(1, fx.booking.calls.stream().filter("accept R8"::equals).count(), fx.booking.calls.toString());
        assertEquals(RequestStatus.CONFIRMED, fx.booking.find("demo", "R8").status());

        pages.act(fx.post("token", "token-8", "submission", key), "demo", "R8", Step.CANCEL);
        assertTrue(fx.booking.calls.contains("cancel R8"), "another form of the same page is a submission of its own");
    }

    @Test
    void aWrongTokenFindsNothingAndAFormWithoutCsrfChangesNothing() {
        Request request = fx.booking.add("R9", null, PatientKind.SELF, RequestStatus.PROPOSED);
        fx.booking.tokens.put(request.id(), "right-token");

        for (String wrong : new String[] {"wrong-token", ""}) {
            WebResponse page = pages.show(fx.browser("token", wrong), "demo", "R9");
            assertEquals(404, page.status());
            assertEquals(404, pages.act(fx.post("token", wrong), "demo", "R9", Step.ACCEPT).status());
        }
        assertEquals(404, pages.show(fx.browser(), "demo", "R9").status());
        WebResponse forged = pages.act(fx.browser("token", "right-token"), "demo", "R9", Step.REFUSE);
        assertEquals(403, forged.status());
        assertEquals(RequestStatus.PROPOSED, fx.booking.find("demo", "R9").status());
        assertFalse(fx.booking.calls.contains("refuse R9"), fx.booking.calls.toString());

        WebResponse refused = pages.act(fx.post("token", "right-token"), "demo", "R9", Step.REFUSE);
        assertEquals(303, refused.status());
        assertEquals(RequestStatus.WITHDRAWN, fx.booking.find("demo", "R9").status());
        WebResponse again = pages.act(fx.post("token", "right-token"), "demo", "R9", Step.ACCEPT);
        assertEquals(409, again.status());
        assertEquals("Your request changed in the meantime, so that step is no longer possible. Where it stands"
                + " now: Withdrawn.", Fixture.html(again).selectFirst(".alert").text(), "in the client's words");
    }

    @Test
    void aConflictedRequestOffersTheOpeningsFoundInsteadEscaped() {
        fx.booking.add("R5", null, PatientKind.SELF, RequestStatus.CONFLICTED);
        fx.booking.tokens.put("R5", "t<5>");
        Opening ten = new Opening("checkup", "SMITH", "OP1", Instant.parse("2026-12-07T15:00:00Z"),
                Instant.parse("2026-12-07T15:30:00Z"));
        Opening eleven = new Opening("checkup", "SMITH", "OP1", Instant.parse("2026-12-07T16:00:00Z"),
                Instant.parse("2026-12-07T16:30:00Z"));
        fx.booking.alternatives.put("R5", List.of(ten, eleven));

        WebResponse shown = pages.show(fx.browser("token", "t<5>"), "demo", "R5");
        assertEquals(200, shown.status());
        assertFalse(shown.body().contains("t<5>"), "the token is escaped where it is written");
        Document page = Fixture.html(shown);
        List<Element> offers = page.select("form[action=/p/demo/requests/R5/rebook]");
        assertEquals(2, offers.size());
        assertEquals("t<5>", offers.get(0).selectFirst("input[name=token]").val());
        assertEquals(ten.start().toString(), offers.get(0).selectFirst("input[name=start]").val());
        assertTrue(offers.get(0).text().contains("10:00"), offers.get(0).text());

        fx.booking.taken.add(ten.start());
        WebResponse taken = pages.act(fx.post("token", "t<5>", "reason", "checkup", "provider", "SMITH",
                "room", "OP1", "start", ten.start().toString(), "end", ten.end().toString()), "demo", "R5",
                Step.REBOOK);
        assertEquals(409, taken.status());
        assertEquals(PortalPages.TAKEN, Fixture.html(taken).selectFirst(".alert").text());

        WebResponse rebooked = pages.act(fx.post("token", "t<5>", "reason", "checkup", "provider", "SMITH",
                "room", "OP1", "start", eleven.start().toString(), "end", eleven.end().toString()), "demo", "R5",
                Step.REBOOK);
        assertEquals(303, rebooked.status(), rebooked.body());
        assertEquals("/p/demo/requests/R5?token=t%3C5%3E", rebooked.location());
        assertEquals(RequestStatus.PENDING, fx.booking.find("demo", "R5").status());
    }

    private static String status(Document page) {
        List<String> terms = page.select(".facts dt").eachText();
        return page.select(".facts dd").get(terms.indexOf("Status")).text();
    }
}
