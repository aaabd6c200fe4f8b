package org.slotbridge.booking.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slotbridge.api.Appointment;
import org.slotbridge.api.AppointmentStatus;
import org.slotbridge.api.ConflictException;
import org.slotbridge.api.InvalidInputException;
import org.slotbridge.api.NewClientPolicy;
import org.slotbridge.api.NotFoundException;
import org.slotbridge.api.Opening;
import org.slotbridge.api.PracticeRules;
import org.slotbridge.api.Preferences;
import org.slotbridge.api.Request;
import org.slotbridge.api.RequestForm;
import org.slotbridge.api.RequestReceipt;
import org.slotbridge.api.RequestStatus;
import org.slotbridge.api.SlotbridgeException;
import org.slotbridge.api.Timing;
import org.slotbridge.api.service.RequestEvents;
import org.slotbridge.store.Store;
import org.slotbridge.store.internal.Fixtures;
import org.slotbridge.store.internal.TestDatabase;

/**
 * The life of a request after it is made, on the real store and engine: the client's link, expiry, the PMS
 * booking over a pre-booked time, and staff never confirming two requests that overlap. Same practice and
 * "now" as {@link BookingServiceTest}: Monday 2 March 2026, 07:00 in New York; the openings are on Tuesday.
 */
class RequestLifeTest {

    private static final String SLUG = Fixtures.SLUG;
    private static final Instant NOW = Instant.parse("2026-03-02T12:00:00Z");
    private static final LocalDate TUESDAY = LocalDate.of(2026, 3, 3);
    private static final Duration ANSWER_LIFE = Duration.ofHours(2);

    private Store store;
    private TestClock clock;
    private PracticeSchedules schedules;
    private BookingService booking;
    private final List<Request> told = new CopyOnWriteArrayList<>();
    private final Map<String, String> tokens = new ConcurrentHashMap<>();

    @BeforeEach
    void setUp() {
        store = TestDatabase.clean().store();
        Fixtures.setUp(store, SLUG, NewClientPolicy.WELCOME);
        store.run(s -> s.practices().saveRules(SLUG, new PracticeRules(5, Timing.DEFAULT, Set.of(), Map.of(), 100)));
        clock = new TestClock(NOW);
        schedules = new PracticeSchedules(store);
        booking = new BookingService(store, schedules,
                new Settings(Duration.ofMinutes(10), Duration.ofMinutes(1), ANSWER_LIFE), clock);
        booking.listeners = List.of(Listeners.direct((practice, request) -> told.add(request)));
    }

    @Test
    void theClientAcceptsAProposalThroughTheirLinkOnly() {
        List<Opening> openings = consults();
        RequestReceipt receipt = submit(openings.get(0), "mia@example.org");
        String token = receipt.token();
        String id = receipt.request().id();
        assertNotNull(token);
        Opening later = sameProviderLater(openings.get(0), 3600);

        ConflictException early = assertThrows(ConflictException.class, () -> booking.accept(SLUG, id, token));
        assertEquals("not_proposed", early.code());
        booking.propose(SLUG, id, later, "An hour later?");

        String other = submit(openings.get(1), "leo@example.org").token();
        for (String wrong : new String[] {null, "", other, token.substring(1) + "x"}) {
            assertThrows(NotFoundException.class, () -> booking.accept(SLUG, id, wrong), "token " + wrong);
            assertThrows(NotFoundException.class, () -> booking.forClient(SLUG, id, wrong), "token " + wrong);
        }
        assertThrows(NotFoundException.class, () -> booking.accept("elsewhere", id, token));
        assertEquals(RequestStatus.PROPOSED, booking.find(SLUG, id).status(), "wrong tokens change nothing");
        assertFalse(store.call(s -> s.requests().clientTokenHash(SLUG, id)).orElseThrow().contains(token),
                "only a hash of the token is stored");

        Request accepted = booking.accept(SLUG, id, token);
        assertEquals(RequestStatus.CONFIRMED, accepted.status());
        assertEquals(later, accepted.opening());
        assertFalse(consults().contains(later), "the accepted time stays held");
        assertEquals(accepted, booking.forClient(SLUG, id, token));
        assertEquals("request_not_open",
                assertThrows(ConflictException.class, () -> booking.cancel(SLUG, id, token)).code());
        assertEquals(accepted, told.get(told.size() - 1));
    }

    @Test
    void everyChangeIsARequestEventOfItsTransactionAsTheChangeLeftTheRequest() {
        List<Opening> openings = consults();
        RequestReceipt receipt = submit(openings.get(0), "mia@example.org");
        String id = receipt.request().id();
        Opening later = sameProviderLater(openings.get(0), 3600);
        booking.propose(SLUG, id, later, "An hour later?");
        booking.accept(SLUG, id, receipt.token());

        List<Request> events = store.call(s -> s.requestEvents().undelivered(SLUG, 10)).stream()
                .map(RequestEvents.Event::request).toList();
        assertEquals(List.of(RequestStatus.PENDING, RequestStatus.PROPOSED, RequestStatus.CONFIRMED),
                events.stream().map(Request::status).toList());
        assertEquals(openings.get(0), events.get(0).opening(), "the first event keeps the time first asked for");
        assertEquals(later, events.get(1).opening());
        assertNotNull(events.get(1).answerBy());
        assertEquals("An hour later?", events.get(1).staffNote());
        assertEquals(later, events.get(2).opening());
        assertEquals(told.stream().map(Request::status).toList(), events.stream().map(Request::status).toList(),
                "as many events as changes told to the listeners");
    }

    @Test
    void refusingAProposalWithdrawsTheRequestAndFreesTheProposedTime() {
        List<Opening> openings = consults();
        RequestReceipt receipt = submit(openings.get(0), "mia@example.org");
        Opening later = sameProviderLater(openings.get(0), 3600);
        booking.propose(SLUG, receipt.request().id(), later, null);

        Request refused = booking.refuse(SLUG, receipt.request().id(), receipt.token());
        assertEquals(RequestStatus.WITHDRAWN, refused.status());
        assertNull(refused.holdId());
        List<Opening> now = consults();
        assertTrue(now.contains(later) && now.contains(openings.get(0)), "both times are free again");
        assertEquals("request_not_open", assertThrows(ConflictException.class,
                () -> booking.refuse(SLUG, receipt.request().id(), receipt.token())).code());
    }

    @Test
    void theClientCancelsAnOpenRequest() {
        Opening opening = consults().get(0);
        RequestReceipt receipt = submit(opening, "mia@example.org");
        assertEquals("not_proposed", assertThrows(ConflictException.class,
                () -> booking.refuse(SLUG, receipt.request().id(), receipt.token())).code());
        Request cancelled = booking.cancel(SLUG, receipt.request().id(), receipt.token());
        assertEquals(RequestStatus.WITHDRAWN, cancelled.status());
        assertTrue(consults().contains(opening));
        assertEquals("request_not_open", assertThrows(ConflictException.class,
                () -> booking.confirm(SLUG, receipt.request().id(), null)).code());
    }

    @Test
    void theSweepExpiresUnansweredProposalsAndRequestsWhoseTimeCame() {
        List<Opening> openings = consults();
        Request proposed = submit(openings.get(0), "mia@example.org").request();
        Opening later = sameProviderLater(openings.get(0), 3600);
        booking.propose(SLUG, proposed.id(), later, null);
        Request waiting = submit(openings.get(1), "leo@example.org").request();

        clock.advance(ANSWER_LIFE.minusMinutes(1));
        booking.sweep();
        assertEquals(RequestStatus.PROPOSED, booking.find(SLUG, proposed.id()).status(), "still time to answer");

        clock.advance(Duration.ofMinutes(1));
        booking.sweep();
        Request expired = booking.find(SLUG, proposed.id());
        assertEquals(RequestStatus.EXPIRED, expired.status());
        assertTrue(consults().contains(later), "the proposal's hold ended");
        assertEquals(expired, told.get(told.size() - 1));
        assertEquals(RequestStatus.PENDING, booking.find(SLUG, waiting.id()).status(),
                "a pending request waits for staff until its time comes");
        assertEquals("request_not_open", assertThrows(ConflictException.class,
                () -> booking.confirm(SLUG, proposed.id(), null)).code());

        clock.advance(Duration.between(clock.instant(), waiting.opening().start()));
        ConflictException past = assertThrows(ConflictException.class, () -> booking.confirm(SLUG, waiting.id(), null));
        assertEquals("request_past", past.code());
        booking.sweep();
        assertEquals(RequestStatus.EXPIRED, booking.find(SLUG, waiting.id()).status());
        assertTrue(store.call(s -> s.holds().find(SLUG, waiting.holdId())).isEmpty());
    }

    @Test
    void aVisitThePmsBookedOverARequestMakesItConflictedWithTheNearestOpenings() {
        List<Opening> openings = consults();
        // a time in the middle of the morning, so that there is free time before and after it
        Opening asked = sameProviderLater(openings.get(0), 5400);
        Request request = submit(asked, "mia@example.org").request();
        RequestReceipt receipt = submit(sameProviderLater(openings.get(0), 0), "leo@example.org");
        assertEquals(request, booking.conflict(SLUG, request.id()), "nothing is booked over it yet");

        Appointment phone = new Appointment("PHONE-1", asked.providerId(), null, asked.start().plusSeconds(900),
                asked.end().plusSeconds(900), null, AppointmentStatus.BOOKED, null);
        saveAndTell(phone);
        Request conflicted = booking.conflict(SLUG, request.id());
        assertEquals(RequestStatus.CONFLICTED, conflicted.status());
        assertNull(conflicted.holdId());
        assertTrue(store.call(s -> s.holds().find(SLUG, request.holdId())).isEmpty(), "its hold ended");
        assertEquals(conflicted, told.get(told.size() - 1));
        assertEquals(conflicted, booking.conflict(SLUG, request.id()), "a second look changes nothing");

        List<Opening> offered = booking.alternatives(SLUG, request.id());
        assertEquals(3, offered.size());
        List<Opening> free = consults().stream().filter(o -> o.providerId().equals(asked.providerId())).toList();
        Duration farthest = distance(asked, offered.get(2));
        for (Opening o : offered) {
            assertEquals(asked.providerId(), o.providerId(), "the same provider first");
            assertTrue(free.contains(o), o + " is free");
            assertFalse(o.start().isBefore(phone.end()) && phone.start().isBefore(o.end()), o + " is not booked");
        }
        assertTrue(distance(asked, offered.get(0)).compareTo(distance(asked, offered.get(1))) <= 0
                && distance(asked, offered.get(1)).compareTo(farthest) <= 0, "nearest first: " + offered);
        assertTrue(free.stream().filter(o -> !offered.contains(o))
                .allMatch(o -> distance(asked, o).compareTo(farthest) >= 0), "no free opening is nearer: " + offered);
        assertEquals(List.of(), booking.alternatives(SLUG, receipt.request().id()), "only a conflicted request");

        assertEquals("request_conflicted", assertThrows(ConflictException.class,
                () -> booking.confirm(SLUG, request.id(), null)).code());
        String token = tokenOf(request);
        assertEquals(RequestStatus.CONFLICTED, booking.forClient(SLUG, request.id(), token).status());
        Opening notOffered = free.stream().filter(o -> !offered.contains(o)).findFirst().orElseThrow();
        assertEquals("not_offered", assertThrows(ConflictException.class,
                () -> booking.rebook(SLUG, request.id(), token, notOffered)).code());

        Request again = booking.rebook(SLUG, request.id(), token, offered.get(0));
        assertEquals(RequestStatus.PENDING, again.status());
        assertEquals(offered.get(0), again.opening());
        assertFalse(consults().contains(offered.get(0)), "the opening taken instead is held");
        assertEquals(List.of(), booking.alternatives(SLUG, request.id()));
        assertEquals("not_conflicted", assertThrows(ConflictException.class,
                () -> booking.rebook(SLUG, request.id(), token, offered.get(1))).code());
        assertEquals(RequestStatus.CONFIRMED, booking.confirm(SLUG, request.id(), null).status());
    }

    @Test
    void everyTokenGivenForALinkOpensItsOwnRequestOnly() {
        List<Opening> openings = consults();
        RequestReceipt receipt = submit(openings.get(0), "mia@example.org");
        String id = receipt.request().id();
        RequestReceipt other = submit(openings.get(1), "leo@example.org");
        ClientLinkService links = new ClientLinkService(store, clock);

        String second = links.issue(SLUG, id);
        String third = links.issue(SLUG, id);
        assertEquals(ClientTokens.LENGTH, second.length());
        assertFalse(second.equals(third) || second.equals(receipt.token()), "each token is new");
        for (String token : List.of(receipt.token(), second, third)) {
            assertEquals(id, booking.forClient(SLUG, id, token).id(), "token " + token);
        }
        assertThrows(NotFoundException.class, () -> booking.forClient(SLUG, other.request().id(), second),
                "a token opens its own request only");
        assertThrows(NotFoundException.class, () -> booking.cancel(SLUG, other.request().id(), third));
        assertThrows(NotFoundException.class, () -> links.issue(SLUG, "no-such-request"));
        assertThrows(NotFoundException.class, () -> links.issue("elsewhere", id));
        assertTrue(store.call(s -> s.requests().clientTokenHashes(SLUG, id)).stream()
                .noneMatch(hash -> hash.contains(second) || hash.contains(third)), "only hashes are stored");

        // a token given later works for every step, and the others still do once the request has ended
        booking.propose(SLUG, id, sameProviderLater(openings.get(0), 3600), null);
        assertEquals(RequestStatus.CONFIRMED, booking.accept(SLUG, id, third).status());
        assertEquals(RequestStatus.CONFIRMED, booking.forClient(SLUG, id, receipt.token()).status());
        assertEquals(RequestStatus.PENDING, booking.forClient(SLUG, other.request().id(), other.token()).status());
    }

    @Test
    void aProposalTellsWhenItMustBeAnswered() {
        List<Opening> openings = consults();
        RequestReceipt receipt = submit(openings.get(0), "mia@example.org");
        assertNull(receipt.request().answerBy());
        Opening later = sameProviderLater(openings.get(0), 3600);

        Request proposed = booking.propose(SLUG, receipt.request().id(), later, null);
        assertEquals(NOW.plus(ANSWER_LIFE), proposed.answerBy());
        assertEquals(proposed, told.get(told.size() - 1), "listeners are told the answer-by time");
        assertEquals(NOW.plus(ANSWER_LIFE), booking.forClient(SLUG, proposed.id(), receipt.token()).answerBy());

        // a proposal starting sooner than the answer life must be answered by its start
        LocalDate today = TUESDAY.minusDays(1);
        Opening soon = booking.openings(SLUG, "consult", new Preferences(today, today, Set.of(), List.of(), null))
                .stream().filter(o -> o.start().isBefore(NOW.plus(ANSWER_LIFE))).findFirst()
                .orElseThrow(() -> new AssertionError("no opening today within the answer life"));
        assertEquals(soon.start(), booking.propose(SLUG, proposed.id(), soon, null).answerBy());
        assertNull(booking.confirm(SLUG, proposed.id(), null).answerBy(), "a confirmed request awaits no answer");
    }

    @Test
    void staffMayProposeOnlyTheReasonTheClientAskedFor() {
        List<Opening> openings = consults();
        Request asked = submit(openings.get(0), "mia@example.org").request();
        Opening checkup = booking.openings(SLUG, "checkup", new Preferences(TUESDAY, TUESDAY, Set.of(), List.of(),
                null)).get(0);

        InvalidInputException refused = assertThrows(InvalidInputException.class,
                () -> booking.propose(SLUG, asked.id(), checkup, null));
        assertEquals("opening.reason", refused.field());
        assertEquals(asked, booking.find(SLUG, asked.id()), "the request is as it was");
        assertTrue(booking.openings(SLUG, "checkup", new Preferences(TUESDAY, TUESDAY, Set.of(), List.of(), null))
                .contains(checkup), "nothing was held");
    }

    @Test
    void aConflictedRequestExpiresWhenItsLostTimeComes() {
        Opening asked = sameProviderLater(consults().get(0), 5400);
        Request request = submit(asked, "mia@example.org").request();
        saveAndTell(new Appointment("PHONE-2", asked.providerId(), null, asked.start(), asked.end(), null,
                AppointmentStatus.BOOKED, null));
        assertEquals(RequestStatus.CONFLICTED, booking.conflict(SLUG, request.id()).status());
        assertFalse(booking.alternatives(SLUG, request.id()).isEmpty());

        clock.advance(Duration.between(clock.instant(), asked.start()).minusSeconds(1));
        booking.sweep();
        assertEquals(RequestStatus.CONFLICTED, booking.find(SLUG, request.id()).status(), "not before its time");

        clock.advance(Duration.ofSeconds(1));
        booking.sweep();
        Request expired = booking.find(SLUG, request.id());
        assertEquals(RequestStatus.EXPIRED, expired.status());
        assertEquals(expired, told.get(told.size() - 1));
        assertEquals(List.of(), store.call(s -> s.requests().alternatives(SLUG, request.id())),
                "nothing is offered instead any more");
        assertEquals("request_not_open", assertThrows(ConflictException.class,
                () -> booking.cancel(SLUG, request.id(), tokenOf(request))).code());
    }

    @Test
    void staffCannotProposeATimeAnotherRequestHolds() {
        List<Opening> openings = consults();
        Request a = submit(openings.get(0), "mia@example.org").request();
        Opening bTime = sameProviderLater(openings.get(0), 3600);
        Request b = submit(bTime, "leo@example.org").request();
        Opening overlapping = sameProviderLater(openings.get(0), 3600 + 900);

        for (Opening taken : List.of(bTime, overlapping)) {
            ConflictException refused = assertThrows(ConflictException.class,
                    () -> booking.propose(SLUG, a.id(), taken, null));
            assertEquals(ConflictException.OPENING_TAKEN, refused.code());
        }
        assertEquals(a, booking.find(SLUG, a.id()), "A still holds its own time");
        assertEquals(RequestStatus.CONFIRMED, booking.confirm(SLUG, b.id(), null).status());
        assertEquals(RequestStatus.CONFIRMED, booking.confirm(SLUG, a.id(), null).status());
    }

    /**
     * Staff at several desks confirm and propose at once, on requests whose proposals overlap each other's
     * times: whatever the order, no two confirmed or open requests ever overlap on the provider.
     */
    @Test
    void staffRacingToConfirmAndProposeNeverBookOneTimeTwice() throws Exception {
        long seed = new Random().nextLong();
        Random random = new Random(seed);
        List<Opening> jones = consults().stream().filter(o -> o.providerId().equals("JONES")).toList();
        // requests on the hours of the morning; proposals aim at the quarter hours up to its end
        List<Request> requests = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            requests.add(submit(sameProviderLater(jones.get(0), i * 3600L), "client" + i + "@example.org").request());
        }
        List<Opening> targets = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            targets.add(sameProviderLater(jones.get(0), i * 900L + 900));
        }
        int desks = 6;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(desks);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int d = 0; d < desks; d++) {
                long deskSeed = random.nextLong();
                work.add(pool.submit(() -> {
                    Random desk = new Random(deskSeed);
                    start.await();
                    for (int step = 0; step < 15; step++) {
                        Request r = requests.get(desk.nextInt(requests.size()));
                        try {
                            if (desk.nextBoolean()) {
                                booking.confirm(SLUG, r.id(), null);
                            } else {
                                booking.propose(SLUG, r.id(), targets.get(desk.nextInt(targets.size())), null);
                            }
                        } catch (SlotbridgeException e) {
                            // taken, busy or already decided: the rules said no
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : work) {
                f.get(2, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
        List<Request> keeping = new ArrayList<>();
        for (RequestStatus status : List.of(RequestStatus.CONFIRMED, RequestStatus.PENDING, RequestStatus.PROPOSED)) {
            keeping.addAll(booking.requests(SLUG, status));
        }
        assertEquals(requests.size(), keeping.size(), "seed " + seed + ": nothing was declined");
        for (int i = 0; i < keeping.size(); i++) {
            for (int j = i + 1; j < keeping.size(); j++) {
                Opening x = keeping.get(i).opening();
                Opening y = keeping.get(j).opening();
                assertFalse(x.start().isBefore(y.end()) && y.start().isBefore(x.end()),
                        "seed " + seed + ": " + keeping.get(i) + " overlaps " + keeping.get(j));
            }
        }
    }

    private RequestReceipt submit(Opening opening, String email) {
        RequestReceipt receipt = booking.submit(SLUG, new RequestForm(booking.hold(SLUG, opening).id(), email, null,
                "1234", "Someone", null, null, null));
        tokens.put(receipt.request().id(), receipt.token());
        return receipt;
    }

    /** The provider's opening {@code seconds} after {@code first}, as the engine offers it now. */
    private Opening sameProviderLater(Opening first, long seconds) {
        Instant start = first.start().plusSeconds(seconds);
        return new Opening(first.reasonId(), first.providerId(), first.roomId(), start,
                start.plus(Duration.between(first.start(), first.end())));
    }

    private List<Opening> consults() {
        return booking.openings(SLUG, "consult", new Preferences(TUESDAY, TUESDAY, Set.of(), List.of(), null));
    }

    private void saveAndTell(Appointment appointment) {
        long onVersion = store.call(s -> {
            s.schedule().saveAppointment(SLUG, appointment);
            return s.practices().versions(SLUG).schedule();
        });
        schedules.appointmentChanged(SLUG, null, appointment, onVersion);
    }

    private static Duration distance(Opening from, Opening to) {
        return Duration.between(from.start(), to.start()).abs();
    }

    private String tokenOf(Request request) {
        return tokens.get(request.id());
    }
}
