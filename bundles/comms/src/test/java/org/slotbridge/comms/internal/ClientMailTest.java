package org.slotbridge.comms.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.slotbridge.api.Client;
import org.slotbridge.api.NewClientPolicy;
import org.slotbridge.api.Opening;
import org.slotbridge.api.Patient;
import org.slotbridge.api.PatientKind;
import org.slotbridge.api.Practice;
import org.slotbridge.api.Request;
import org.slotbridge.api.RequestStatus;
import org.slotbridge.comms.internal.ClientMail.Event;

/** What each email to a client says, for each step of their request. */
class ClientMailTest {

    private static final Practice PRACTICE = new Practice("demo", "Riverside Family Dental",
            ZoneId.of("America/New_York"), "+1 555 0100", "frontdesk@riverside.example", NewClientPolicy.WELCOME,
            true);
    private static final Opening NINE = new Opening("checkup", "SMITH", "OP1", Instant.parse("2026-12-07T14:00:00Z"),
            Instant.parse("2026-12-07T15:00:00Z"));
    private static final Opening TEN = new Opening("checkup", "JONES", "OP1", Instant.parse("2026-12-08T15:00:00Z"),
            Instant.parse("2026-12-08T16:00:00Z"));
    private static final String LINK = "https://book.example/p/demo/requests/r-42?token=abc";
    private static final String PORTAL = "https://book.example/p/demo/";
    private static final ClientMail.Details DETAILS = new ClientMail.Details("Check-up",
            Map.of("SMITH", "Dr. Ann Smith", "JONES", "Dr. Bo Jones"), List.of(), LINK, PORTAL);

    @Test
    void eachChangeIsTheEventTheClientIsToldOfButTheirOwnSteps() {
        assertEquals(Event.RECEIVED, ClientMail.event(request(RequestStatus.PENDING, null, null)));
        assertEquals(Event.MOVED, ClientMail.event(request(RequestStatus.PENDING, Instant.now(), null)),
                "pending again after it was decided: moved to a time offered instead");
        assertEquals(Event.PROPOSED, ClientMail.event(request(RequestStatus.PROPOSED, Instant.now(), null)));
        assertEquals(Event.CONFLICTED, ClientMail.event(request(RequestStatus.CONFLICTED, Instant.now(), null)));
        assertEquals(Event.CONFIRMED, ClientMail.event(request(RequestStatus.CONFIRMED, Instant.now(), null)));
        assertEquals(Event.DECLINED, ClientMail.event(request(RequestStatus.DECLINED, Instant.now(), null)));
        assertEquals(Event.EXPIRED, ClientMail.event(request(RequestStatus.EXPIRED, Instant.now(), null)));
        assertEquals(Event.CANCELLED, ClientMail.event(request(RequestStatus.CANCELLED, Instant.now(), null)),
                "the PMS cancelled the visit: the client may not have asked for it");
        assertNull(ClientMail.event(request(RequestStatus.WITHDRAWN, Instant.now(), null)),
                "the client withdrew it themselves");
    }

    @Test
    void aReceivedRequestSaysWhatWhenAndWithWhomAndLinksToIt() {
        ClientMail mail = ClientMail.of(Event.RECEIVED, PRACTICE, request(RequestStatus.PENDING, null, null), DETAILS);

        assertEquals("jane@example.org", mail.to());
        assertEquals("frontdesk@riverside.example", mail.replyTo(), "answers go to the practice");
        assertEquals("We have your request \u2013 Riverside Family Dental", mail.subject());
        String body = mail.body();
        assertTrue(body.startsWith("Hello Jane Roe,\n\n"), body);
        assertTrue(body.contains("Visit:     Check-up\n"), body);
        assertTrue(body.contains("When:      Monday 7 December 2026 at 09:00\n"), body);
        assertTrue(body.contains("With:      Dr. Ann Smith\n"), body);
        assertTrue(body.contains("For:       Zoë Ångström\n"), "the patient, on one line: " + body);
        assertTrue(body.contains("Request:   r-42\n"), body);
        assertTrue(body.contains("Follow your request, or cancel it, here:\n" + LINK + "\n"), body);
        assertTrue(body.strip().endsWith("Riverside Family Dental\n+1 555 0100"), body);
        assertFalse(body.contains("Tooth hurts"), "the client's own memo is not repeated: " + body);
    }

    @Test
    void aProposalGivesTheNewTimeTheNoteAndWhenToAnswerBy() {
        Request proposed = new Request("r-42", "demo", TEN, "h-2", RequestStatus.PROPOSED, client("Jane Roe"), null,
                false, null, "An hour later?\nWe are full on Monday.", Instant.parse("2026-12-01T15:00:00Z"),
                Instant.parse("2026-12-02T15:00:00Z"), Instant.parse("2026-12-04T15:00:00Z"));

        ClientMail mail = ClientMail.of(Event.PROPOSED, PRACTICE, proposed, DETAILS);

        assertEquals("We propose another time for your visit \u2013 Riverside Family Dental", mail.subject());
        String body = mail.body();
        assertTrue(body.contains("New time:  Tuesday 8 December 2026 at 10:00\n"), body);
        assertTrue(body.contains("With:      Dr. Bo Jones\n"), body);
        assertTrue(body.contains("Our note:\nAn hour later?\nWe are full on Monday.\n"), body);
        assertTrue(body.contains("Please answer by Friday 4 December 2026 at 10:00."), body);
        assertTrue(body.contains("Accept or refuse it here:\n" + LINK), body);
        assertFalse(body.contains("For:"), "the visit is for the client: " + body);
    }

    @Test
    void aLostTimeListsTheTimesOfferedInsteadOrSendsTheClientToThePortal() {
        Request conflicted = request(RequestStatus.CONFLICTED, Instant.now(), null);
        ClientMail.Details offered = new ClientMail.Details("Check-up", DETAILS.providerNames(),
                List.of(TEN, new Opening("checkup", "NEW", null, Instant.parse("2026-12-09T14:00:00Z"),
                        Instant.parse("2026-12-09T15:00:00Z"))), LINK, PORTAL);

        String body = ClientMail.of(Event.CONFLICTED, PRACTICE, conflicted, offered).body();
        assertTrue(body.contains("Asked for: Monday 7 December 2026 at 09:00\n"), body);
        assertTrue(body.contains("These times are free instead:\n"
                + "  - Tuesday 8 December 2026 at 10:00 with Dr. Bo Jones\n"
                + "  - Wednesday 9 December 2026 at 09:00 with NEW\n"), body);
        assertTrue(body.contains("Take one of them, or cancel your request, here:\n" + LINK), body);

        String none = ClientMail.of(Event.CONFLICTED, PRACTICE, conflicted, DETAILS).body();
        assertTrue(none.contains("We found no free time near it. You are welcome to book another time at " + PORTAL),
                none);
        assertFalse(none.contains("free instead"), none);
    }

    @Test
    void theEndOfARequestSaysHowToGoOn() {
        String confirmed = ClientMail.of(Event.CONFIRMED, PRACTICE,
                request(RequestStatus.CONFIRMED, Instant.now(), "See you then"), DETAILS).body();
        assertTrue(confirmed.contains("Your visit is confirmed."), confirmed);
        assertTrue(confirmed.contains("Our note:\nSee you then\n"), confirmed);
        assertTrue(confirmed.contains("please call us on +1 555 0100."), confirmed);

        ClientMail declined = ClientMail.of(Event.DECLINED, PRACTICE,
                request(RequestStatus.DECLINED, Instant.now(), "Dr. Smith is away that week."), DETAILS);
        assertEquals("We cannot offer you this visit \u2013 Riverside Family Dental", declined.subject());
        assertTrue(declined.body().contains("Our note:\nDr. Smith is away that week.\n"), declined.body());
        assertTrue(declined.body().contains("book another time at " + PORTAL), declined.body());

        String plain = ClientMail.of(Event.DECLINED, PRACTICE, request(RequestStatus.DECLINED, Instant.now(), "  "),
                DETAILS).body();
        assertFalse(plain.contains("Our note"), "no note, no heading: " + plain);

        String expired = ClientMail.of(Event.EXPIRED, PRACTICE, request(RequestStatus.EXPIRED, Instant.now(), null),
                DETAILS).body();
        assertTrue(expired.contains("it has lapsed and nothing is booked"), expired);
        assertTrue(expired.contains("book another time at " + PORTAL), expired);
        assertTrue(expired.contains("Your request is here:\n" + LINK), expired);
    }

    @Test
    void aVisitCancelledInThePmsSaysSoWithThePhoneAndThePortal() {
        ClientMail mail = ClientMail.of(Event.CANCELLED, PRACTICE, request(RequestStatus.CANCELLED, Instant.now(), null),
                DETAILS);
        assertEquals("Your visit has been cancelled \u2013 Riverside Family Dental", mail.subject());
        String body = mail.body();
        assertTrue(body.contains("Was:       Monday 7 December 2026 at 09:00\n"), body);
        assertTrue(body.contains("please call us on +1 555 0100."), body);
        assertTrue(body.contains("book another time at " + PORTAL), body);
        assertTrue(body.contains("Your request is here:\n" + LINK), body);
    }

    @Test
    void whatOthersTypedStaysOnItsLineAndThePracticeWithoutAddressGetsNoAnswers() {
        Practice plain = new Practice("demo", "Riverside\r\nBcc: someone@example.org", PRACTICE.zone(), null, null,
                NewClientPolicy.WELCOME, true);
        Request request = new Request("r-1", "demo", NINE, "h-1", RequestStatus.PENDING,
                client("Jane\nRoe"), null, false, null, null, Instant.now(), null);

        ClientMail mail = ClientMail.of(Event.RECEIVED, plain, request, DETAILS);

        assertNull(mail.replyTo());
        assertEquals("We have your request \u2013 Riverside Bcc: someone@example.org", mail.subject());
        assertTrue(mail.body().startsWith("Hello Jane Roe,\n"), mail.body());
        assertTrue(mail.body().strip().endsWith("Kind regards,\nRiverside Bcc: someone@example.org"), mail.body());

        Request anonymous = new Request("r-2", "demo", NINE, "h-1", RequestStatus.PENDING,
                new Client(null, null, null, "x@example.org", null, true), null, false, null, null, Instant.now(),
                null);
        assertTrue(ClientMail.of(Event.RECEIVED, PRACTICE, anonymous, DETAILS).body().startsWith("Hello,\n"));
    }

    private static Request request(RequestStatus status, Instant decidedAt, String staffNote) {
        Patient patient = new Patient(null, null, null, "Zoë\r\nÅngström", PatientKind.FAMILY, null, null);
        return new Request("r-42", "demo", NINE, "h-1", status, client("Jane Roe"), patient, true,
                "Tooth hurts", staffNote, Instant.parse("2026-12-01T15:00:00Z"), decidedAt);
    }

    private static Client client(String name) {
        return new Client("c-1", null, name, "jane@example.org", null, true);
    }
}
