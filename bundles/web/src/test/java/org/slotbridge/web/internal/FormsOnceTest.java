package org.slotbridge.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.slotbridge.api.ConflictException;
import org.slotbridge.api.service.Booking;
import org.slotbridge.api.service.IdempotencyKeys;

/**
 * Portal forms sent twice, as a double click or a reload sends them: one hold, one request, and the
 * same page after each send. The keys are the real ones, on the store's Derby.
 */
class FormsOnceTest {

    private final Fixture fx = new Fixture();

    @Test
    void aHoldFormSentTwiceTakesOneHoldAndLeadsToTheSamePage() {
        Element form = holdForm(fx.portal);
        String key = form.selectFirst("input[name=submission]").val();
        assertTrue(Tokens.isNonce(key), "an unguessable key: " + key);

        WebResponse first = fx.portal.hold(fx.browser(fields(form)), "demo");
        WebResponse second = fx.portal.hold(fx.browser(fields(form)), "demo");

        assertEquals(303, first.status());
        assertEquals(303, second.status());
        assertEquals(first.location(), second.location());
        assertEquals(1, count("hold "), fx.booking.calls.toString());

        Element drawnAgain = holdForm(fx.portal);
        assertNotEquals(key, drawnAgain.selectFirst("input[name=submission]").val(), "one key for each page drawn");
    }

    @Test
    void anotherTimePickedFromTheSamePageIsASubmissionOfItsOwn() {
        fx.booking.openings.add(Fakes.opening("checkup", "SMITH", "2026-12-07T14:00:00Z"));
        fx.booking.openings.add(Fakes.opening("checkup", "JONES", "2026-12-07T19:30:00Z"));
        Document page = Fixture.html(fx.portal.openings(fx.browser("reason", "checkup"), "demo"));
        List<Element> forms = page.select(".slots form");
        assertEquals(2, forms.size());

        WebResponse first = fx.portal.hold(fx.browser(fields(forms.get(0))), "demo");
        WebResponse other = fx.portal.hold(fx.browser(fields(forms.get(1))), "demo");

        assertNotEquals(first.location(), other.location());
        assertEquals(2, count("hold "));
    }

    @Test
    void aRequestFormSentTwiceMakesOneRequestAndShowsTheDonePageBothTimes() {
        Element form = requestForm(fx.portal);

        WebResponse first = fx.portal.request(fx.browser(filledIn(form)), "demo");
        WebResponse second = fx.portal.request(fx.browser(filledIn(form)), "demo");

        assertEquals(303, first.status());
        assertTrue(first.location().startsWith("/p/demo/done?request="), first.location());
        assertEquals(first.location(), second.location());
        assertEquals(1, count("request ") + count("submit "), fx.booking.calls.toString());
        WebResponse done = fx.portal.done(fx.browser(PortalPagesTest.query(second.location())), "demo");
        assertEquals(200, done.status());
    }

    @Test
    void aFormThatFailedIsDoneAgainWhenSentAgain() {
        Element form = requestForm(fx.portal);
        fx.booking.requestFailure = new ConflictException("booking_closed", "the practice takes no bookings now");

        WebResponse refused = fx.portal.request(fx.browser(filledIn(form)), "demo");
        assertEquals(409, refused.status());

        fx.booking.requestFailure = null;
        WebResponse again = fx.portal.request(fx.browser(filledIn(form)), "demo");
        assertEquals(303, again.status(), "a page with errors is not kept: the second send is done anew");
        assertEquals(2, count("request ") + count("submit "));
    }

    /** The second send arrives while the first is still at work: it waits, then gets the same page. */
    @Test
    void aSecondSendWhileTheFirstIsAtWorkWaitsForItsAnswer() throws Exception {
        CountDownLatch working = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        Booking slow = (Booking) Proxy.newProxyInstance(Booking.class.getClassLoader(),
                new Class<?>[] {Booking.class}, (proxy, method, args) -> {
                    if (method.getName().equals("request") || method.getName().equals("submit")) {
                        working.countDown();
                        assertTrue(finish.await(2, TimeUnit.MINUTES));
                    }
                    try {
                        return method.invoke(fx.booking, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        AtomicInteger claims = new AtomicInteger();
        IdempotencyKeys counted = (IdempotencyKeys) Proxy.newProxyInstance(IdempotencyKeys.class.getClassLoader(),
                new Class<?>[] {IdempotencyKeys.class}, (proxy, method, args) -> {
                    try {
                        return method.invoke(fx.keys, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    } finally {
                        if (method.getName().equals("claim")) {
                            claims.incrementAndGet();
                        }
                    }
                });
        PortalPages portal = new PortalPages(slow, fx.directory, fx.site, counted);
        Element form = requestForm(portal);

        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<WebResponse> first = pool.submit(() -> portal.request(fx.browser(filledIn(form)), "demo"));
            assertTrue(working.await(2, TimeUnit.MINUTES));
            Future<WebResponse> second = pool.submit(() -> portal.request(fx.browser(filledIn(form)), "demo"));
            // the second has found the first at work at least once before the first may end
            while (claims.get() < 2) {
                Thread.sleep(10);
            }
            finish.countDown();

            WebResponse one = first.get(2, TimeUnit.MINUTES);
            WebResponse two = second.get(2, TimeUnit.MINUTES);
            assertEquals(303, one.status());
            assertEquals(303, two.status(), "not an error page: " + two.body());
            assertEquals(one.location(), two.location());
            assertEquals(1, count("request ") + count("submit "), fx.booking.calls.toString());
        } finally {
            finish.countDown();
            pool.shutdownNow();
        }
    }

    private Element holdForm(PortalPages portal) {
        if (fx.booking.openings.isEmpty()) {
            fx.booking.openings.add(Fakes.opening("checkup", "SMITH", "2026-12-07T14:00:00Z"));
        }
        Document page = Fixture.html(portal.openings(fx.browser("reason", "checkup"), "demo"));
        return page.selectFirst(".slots form");
    }

    private Element requestForm(PortalPages portal) {
        WebResponse held = portal.hold(fx.browser(fields(holdForm(portal))), "demo");
        assertEquals(303, held.status());
        Document page = Fixture.html(portal.requestForm(fx.browser(PortalPagesTest.query(held.location())), "demo"));
        return page.selectFirst("form#form");
    }

    private static String[] filledIn(Element form) {
        List<String> all = new ArrayList<>(List.of(fields(form)));
        all.addAll(List.of("email", "jane@example.org", "privacyCode", "maple-7-river", "clientName", "Jane Doe",
                "patientKind", "SELF"));
        return all.toArray(String[]::new);
    }

    /** The hidden fields of a form, as name, value, name, value... */
    private static String[] fields(Element form) {
        List<String> pairs = new ArrayList<>();
        for (Element input : form.select("input[type=hidden]")) {
            pairs.add(input.attr("name"));
            pairs.add(input.val());
        }
        return pairs.toArray(String[]::new);
    }

    private long count(String prefix) {
        return fx.booking.calls.stream().filter(call -> call.startsWith(prefix)).count();
    }
}
