package org.slotbridge.comms.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;

import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;

import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slotbridge.api.NewClientPolicy;
import org.slotbridge.api.Opening;
import org.slotbridge.api.Practice;
import org.slotbridge.api.PracticeRules;
import org.slotbridge.api.Preferences;
import org.slotbridge.api.Request;
import org.slotbridge.api.RequestForm;
import org.slotbridge.api.RequestReceipt;
import org.slotbridge.api.RequestStatus;
import org.slotbridge.api.Timing;
import org.slotbridge.api.service.Booking;
import org.slotbridge.booking.internal.BookingWithListeners;
import org.slotbridge.store.Store;
import org.slotbridge.store.internal.Fixtures;
import org.slotbridge.store.internal.TestDatabase;

/**
 * The emails to clients, sent through a real SMTP server (GreenMail) for requests of the real booking service
 * on the real store (in-memory Derby). "Now" is Monday 2 March 2026, 07:00 in New York.
 */
class ClientMailNotifierTest {

    private static final String SLUG = Fixtures.SLUG;
    private static final Clock NOW = Clock.fixed(Instant.parse("2026-03-02T12:00:00Z"), ZoneOffset.UTC);
    private static final LocalDate TUESDAY = LocalDate.of(2026, 3, 3);
    private static final Pattern LINK = Pattern.compile("https://book\\.example/p/" + SLUG
            + "/requests/([^?\\s]+)\\?token=([A-Za-z0-9_-]{43})");

    private GreenMail smtp;
    private TestDatabase db;
    private Store store;
    private Booking booking;
    private BookingWithListeners life;
    private volatile ClientMailNotifier notifier;

    @BeforeEach
    void start() {
        smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        db = TestDatabase.clean();
        store = db.store();
        Fixtures.setUp(store, SLUG, NewClientPolicy.WELCOME);
        store.run(s -> s.practices().saveRules(SLUG, new PracticeRules(5, Timing.DEFAULT, Set.of(), Map.of(), 100)));
        life = BookingWithListeners.create(store, NOW, List.of((practice, request) -> {
            ClientMailNotifier current = notifier;
            if (current != null) {
                current.requestChanged(practice, request);
            }
        }));
        booking = life.booking();
        notifier = notifier(Map.of());
    }

    @AfterEach
    void stop() {
        notifier.stop();
        smtp.stop();
    }

    @Test
    void writesToTheClientInThePracticesVoiceWithALinkOfItsOwn() throws Exception {
        RequestReceipt sent = submit(consults().get(0), "Mia Park", "mia@example.org", null);

        assertTrue(smtp.waitForIncomingEmail(10_000, 1), "no email arrived");
        MimeMessage mail = smtp.getReceivedMessages()[0];
        assertEquals("mia@example.org", mail.getRecipients(Message.RecipientType.TO)[0].toString());
        assertEquals("bookings@slotbridge.example", mail.getFrom()[0].toString());
        assertEquals("desk@riverside.example", mail.getReplyTo()[0].toString(), "answers go to the practice");
        assertEquals("We have your request \u2013 Riverside Family Dental", mail.getSubject());
        assertFalse(mail.getSubject().contains(sent.request().id()), "staff email is told apart by its subject");
        String text = text(mail);
        assertTrue(text.contains("Hello Mia Park,"), text);
        assertTrue(text.contains("Visit:     Consultation\n"), text);
        assertTrue(text.contains("When:      Tuesday 3 March 2026 at 08:00\n"), text);

        Matcher link = LINK.matcher(text);
        assertTrue(link.find(), "no link to the request below the portal link: " + text);
        assertEquals(sent.request().id(), link.group(1));
        assertNotEquals(sent.token(), link.group(2), "each email carries a token of its own");
        assertEquals(RequestStatus.PENDING, booking.forClient(SLUG, sent.request().id(), link.group(2)).status());
    }

    @Test
    void writesNothingWithoutAnAddressForStepsTheClientTookOrWhenTurnedOff() throws Exception {
        List<Opening> openings = consults();
        submit(openings.get(0), "Pat Doe", null, "+1 555 0142");
        RequestReceipt cancelled = submit(openings.get(1), "Leo Park", "leo@example.org", null);
        booking.cancel(SLUG, cancelled.request().id(), cancelled.token());
        Request quiet = submit(openings.get(2), "Ann Lee", "ann@example.org", null).request();
        Practice practice = Fixtures.practice(SLUG, NewClientPolicy.WELCOME);
        ClientMailNotifier off = notifier(Map.of("clientEmail", false));
        off.requestChanged(practice, quiet);
        off.stop();
        ClientMailNotifier none = notifier(Map.of("enabled", false));
        none.requestChanged(practice, quiet);
        none.stop();
        // a last email, sent after the others on the same thread, proves they were not merely slow
        booking.confirm(SLUG, quiet.id(), null);

        assertTrue(notifier.drain(10_000));
        assertTrue(smtp.waitForIncomingEmail(10_000, 3));
        List<String> subjects = subjects();
        assertEquals(List.of("We have your request \u2013 Riverside Family Dental",
                "We have your request \u2013 Riverside Family Dental",
                "Your visit is confirmed \u2013 Riverside Family Dental"), subjects,
                "received for Leo and Ann, confirmed for Ann; nothing for the cancellation or the phone-only client");
    }

    @Test
    void aMailServerThatCannotBeReachedFailsNoStepAndLaterEmailsStillLeave() throws Exception {
        int port = smtp.getSmtp().getPort();
        smtp.stop();
        notifier.stop();
        notifier = notifier(Map.of("port", port, "connectionTimeout", 2000));

        RequestReceipt sent = submit(consults().get(0), "Mia Park", "mia@example.org", null);
        assertEquals(RequestStatus.PENDING, sent.request().status(), "the request is made all the same");
        assertTrue(notifier.drain(10_000));
        smtp = new GreenMail(new ServerSetup(port, "localhost", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        assertEquals(RequestStatus.CONFIRMED, booking.confirm(SLUG, sent.request().id(), null).status());

        assertTrue(notifier.drain(10_000));
        assertTrue(smtp.waitForIncomingEmail(10_000, 1));
        assertEquals(List.of("Your visit is confirmed \u2013 Riverside Family Dental"), subjects());
    }

    @Test
    void failuresAreDescribedWithoutAddresses() {
        RuntimeException refused = new RuntimeException("sending failed", new IllegalStateException(
                "550 5.1.1 <mia.park@example.org>: Recipient address rejected\r\nfor mia@example.org"));

        String described = ClientMailNotifier.describe(refused);

        assertEquals("IllegalStateException: 550 5.1.1 <<address>>: Recipient address rejected for <address>",
                described);
    }

    private ClientMailNotifier notifier(Map<String, Object> settings) {
        Map<String, Object> all = new HashMap<>(settings);
        all.putIfAbsent("host", "localhost");
        if (!all.containsKey("port")) {
            all.put("port", smtp.getSmtp().getPort());
        }
        all.putIfAbsent("from", "bookings@slotbridge.example");
        all.putIfAbsent("portalLink", "https://book.example/");
        return new ClientMailNotifier(config(all), db.directory(), booking, life.links(),
                new DefaultCamelContext());
    }

    /** The configuration DS would build from {@code values}, with the annotation's defaults elsewhere. */
    private static MailConfig config(Map<String, Object> values) {
        return (MailConfig) Proxy.newProxyInstance(MailConfig.class.getClassLoader(),
                new Class<?>[] {MailConfig.class}, (proxy, method, args) -> values.containsKey(method.getName())
                        ? values.get(method.getName()) : method.getDefaultValue());
    }

    private RequestReceipt submit(Opening opening, String name, String email, String phone) {
        return booking.submit(SLUG, new RequestForm(booking.hold(SLUG, opening).id(), email, phone, "1234", name,
                null, null, null));
    }

    /** Tuesday's consultations of one provider on the hour, so that none overlaps another. */
    private List<Opening> consults() {
        return booking.openings(SLUG, "consult", new Preferences(TUESDAY, TUESDAY, Set.of(), List.of(), null))
                .stream().filter(o -> o.providerId().equals("SMITH") && o.start().getEpochSecond() % 3600 == 0)
                .toList();
    }

    private List<String> subjects() throws Exception {
        List<String> subjects = new ArrayList<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            subjects.add(message.getSubject());
        }
        return subjects;
    }

    /** The decoded text: both mail APIs on one class path confuse activation's content handlers. */
    private static String text(MimeMessage mail) throws Exception {
        return new String(mail.getInputStream().readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
    }
}
