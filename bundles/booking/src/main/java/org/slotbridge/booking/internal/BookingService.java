package org.slotbridge.booking.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.ComponentServiceObjects;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slotbridge.api.Appointment;
import org.slotbridge.api.Audience;
import org.slotbridge.api.ClientKind;
import org.slotbridge.api.ConflictException;
import org.slotbridge.api.Explanation;
import org.slotbridge.api.Hold;
import org.slotbridge.api.InvalidInputException;
import org.slotbridge.api.NotFoundException;
import org.slotbridge.api.Opening;
import org.slotbridge.api.Patient;
import org.slotbridge.api.Practice;
import org.slotbridge.api.PracticeConfig;
import org.slotbridge.api.Preferences;
import org.slotbridge.api.Quoted;
import org.slotbridge.api.Reason;
import org.slotbridge.api.Request;
import org.slotbridge.api.RequestForm;
import org.slotbridge.api.RequestReceipt;
import org.slotbridge.api.RequestStatus;
import org.slotbridge.api.service.Booking;
import org.slotbridge.api.service.RequestListener;
import org.slotbridge.api.service.ScheduledWork;
import org.slotbridge.engine.Claims;
import org.slotbridge.engine.OpeningFinder;
import org.slotbridge.engine.Schedule;
import org.slotbridge.engine.ScheduleIndex;
import org.slotbridge.store.NewRequest;
import org.slotbridge.store.Store;
import org.slotbridge.store.StoreSession;

/**
 * Openings, holds and requests. Whether an opening is free is decided twice: by the engine on the
 * practice's cached configuration and schedule index ({@link PracticeSchedules}) with the live holds,
 * which knows the rules, and then by the database, whose hold units let only one hold have any unit of a
 * provider or room, on any node. A request's hold keeps its time until staff decline, the client
 * withdraws or refuses, the request expires or loses its time to a visit the PMS booked over it, or the PMS
 * shows the confirmed visit; a confirmed request keeps it too, so staff can never confirm two requests that
 * overlap on a resource. Every step of a request is taken under the request's row lock and checked again
 * then (see {@link RequestStatus} for the steps allowed); a step not allowed is a {@link ConflictException}.
 * <p>
 * The client acts without logging in, through a link whose token is given once when the request is made;
 * only its SHA-256 hash is stored ({@link ClientTokens}), and a wrong token finds no request.
 * <p>
 * After every committed change of a request each {@link RequestListener} is told, on the caller's
 * thread; a listener that throws is logged and the others are still told.
 * <p>
 * The component is immediate: the sweep it offers the cluster's scheduler ({@link SweepWork}) is there on
 * every node, whether or not anything on it has asked for {@link Booking} yet.
 */
@Component(service = Booking.class, configurationPid = BookingService.PID, immediate = true)
@Designate(ocd = BookingConfig.class)
public final class BookingService implements Booking {

    static final String PID = "org.slotbridge.booking";
    private static final Logger LOG = LoggerFactory.getLogger(BookingService.class);
    /** Staff may ask about times this far from now at most: beyond the longest horizon a practice may set. */
    private static final Duration EXPLAINED = Duration.ofDays(3700);
    /**
     * Statuses staff may confirm, decline or propose from, and the client may cancel from; a conflicted request
     * is confirmed only when the PMS booked a visit for it.
     */
    private static final Set<RequestStatus> OPEN_OR_CONFLICTED = EnumSet.of(RequestStatus.PENDING,
            RequestStatus.PROPOSED, RequestStatus.CONFLICTED);
    /** The one status whose visit the PMS may move or cancel. */
    private static final Set<RequestStatus> CONFIRMED = EnumSet.of(RequestStatus.CONFIRMED);
    /** How many openings are offered in place of a conflicted request. */
    private static final int ALTERNATIVES = 3;
    /** How many days before and after a lost time its alternatives are searched. */
    private static final int NEAR_DAYS = 3;
    /** At most this many requests expire in one transaction-per-request pass of the sweep. */
    private static final int SWEPT_AT_ONCE = 500;
    /** At most this many idempotency keys are deleted in one transaction of the sweep. */
    private static final int KEYS_AT_ONCE = 500;
    private static final String NOT_AN_OPENING = "is not an opening of this reason: it lies outside"
            + " the hours, days or start times offered, or too soon or too far ahead";

    /*
     * Listeners are fetched only when there is something to tell: a connector listens to requests and
     * also needs ScheduleSync, which needs Booking, so fetching them while Booking activates is a cycle.
     */
    @Reference(service = RequestListener.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile List<ComponentServiceObjects<RequestListener>> listeners = List.of();

    private final Store store;
    private final PracticeSchedules schedules;
    private final Settings settings;
    private final Clock clock;
    private final OpeningFinder finder = new OpeningFinder();
    private ServiceRegistration<ScheduledWork> sweepWork;

    @Activate
    public BookingService(@Reference(name = "store") Store store,
                          @Reference(name = "schedules") PracticeSchedules schedules, BookingConfig config) {
        this(store, schedules, Settings.of(config), Clock.systemUTC());
    }

    /** Without OSGi nothing sweeps by itself: the tests call {@link #sweep()}. */
    BookingService(Store store, PracticeSchedules schedules, Settings settings, Clock clock) {
        this.store = store;
        this.schedules = schedules;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Offers the sweep to the cluster's scheduler, which runs it on one node at a time. Done once the
     * listeners are in place, since a sweep that expires requests tells them.
     */
    @Activate
    void activate(BundleContext context) {
        sweepWork = context.registerService(ScheduledWork.class, new SweepWork(settings.sweepEvery(), this::sweep),
                null);
    }

    @Deactivate
    void deactivate() {
        if (sweepWork != null) {
            sweepWork.unregister();
            sweepWork = null;
        }
    }

    @Override
    public List<Opening> openings(String slug, String reasonId, Preferences preferences) {
        if (preferences == null) {
            throw new InvalidInputException("preferences", "are required");
        }
        Instant now = clock.instant();
        CachedPractice practice = schedules.current(slug, now);
        PracticeConfig config = practice.config();
        config.reason(reasonId);
        if (!config.practice().onlineBooking()) {
            return List.of();
        }
        // the engine searches only from today to the horizon; the claims are read for those dates
        LocalDate today = practice.today(now);
        LocalDate first = preferences.from().isBefore(today) ? today : preferences.from();
        LocalDate lastOffered = today.plusDays(practice.reach().horizonDays());
        LocalDate last = preferences.to().isAfter(lastOffered) ? lastOffered : preferences.to();
        if (last.isBefore(first)) {
            return List.of();
        }
        Reach.Window window = practice.around(first, last);
        CachedIndex index = practice.index();
        Claims claims = store.call(session -> ClaimsReader.read(session, slug, index, reasonId, window, now, null));
        Schedule schedule = new Schedule(config, index.index(), claims);
        return index.read(() -> finder.find(schedule, reasonId, preferences, now));
    }

    /**
     * {@inheritDoc}
     * <p>
     * Answers by the practice's rules whether or not it takes online bookings now.
     *
     * @throws InvalidInputException when the reason, provider or start is missing, or the start is more
     *                               than ten years from now
     * @throws NotFoundException     when the practice has no such reason or provider
     */
    @Override
    public Explanation explain(String slug, String reasonId, String providerId, Instant start) {
        if (reasonId == null) {
            throw new InvalidInputException("reasonId", "is required");
        }
        if (providerId == null) {
            throw new InvalidInputException("provider", "is required");
        }
        if (start == null) {
            throw new InvalidInputException("start", "is required");
        }
        Instant now = clock.instant();
        if (start.isBefore(now.minus(EXPLAINED)) || start.isAfter(now.plus(EXPLAINED))) {
            throw new InvalidInputException("start", "must be within ten years of now");
        }
        CachedPractice practice = schedules.current(slug, now);
        PracticeConfig config = practice.config();
        config.reason(reasonId);
        if (config.providers().stream().noneMatch(p -> p.id().equals(providerId))) {
            throw new NotFoundException("provider", providerId);
        }
        LocalDate date = practice.date(start);
        Reach.Window window = practice.around(date, date);
        // staff may ask about any time; one outside the cached index is read for this answer only
        CachedIndex index = practice.index().covers(window) ? practice.index()
                : schedules.readOnce(slug, config, window);
        Claims claims = store.call(session -> ClaimsReader.read(session, slug, index, reasonId, window, now, null));
        Schedule schedule = new Schedule(config, index.index(), claims);
        return index.read(() -> finder.explain(schedule, reasonId, providerId, start, now));
    }

    @Override
    public Hold hold(String slug, Opening opening) {
        if (opening == null) {
            throw new InvalidInputException("opening", "is required");
        }
        Instant now = clock.instant();
        CachedPractice practice = schedules.current(slug, now);
        if (!practice.config().practice().onlineBooking()) {
            throw new ConflictException("booking_closed", "this practice takes no online bookings now");
        }
        Reason reason = practice.config().reason(opening.reasonId());
        Hold hold = store.call(session -> {
            requireOffered(session, practice, reason, opening, now, null);
            return session.holds().take(slug, opening, now.plus(settings.holdLife()), now);
        });
        LOG.debug("Hold {} taken in practice {}", hold.id(), slug);
        return hold;
    }

    /**
     * {@inheritDoc}
     * <p>
     * A reason open to new clients only, or to existing clients only ({@link Audience}), refuses the
     * others with a {@link ConflictException}: code {@code new_clients_only} when a client the practice
     * knows asks for a reason for new clients, {@code existing_clients_only} when someone new asks for a
     * reason for existing clients. A client counts as known exactly when the request would not be marked
     * {@link Request#newClient() new}. Nothing is stored then, and the hold stays as it was.
     */
    @Override
    public Request request(String slug, RequestForm form) {
        return submit(slug, form).request();
    }

    /** {@inheritDoc} The request and the hash of its token are stored in one transaction. */
    @Override
    public RequestReceipt submit(String slug, RequestForm form) {
        RequestForm checked = Forms.check(form);
        String token = ClientTokens.next();
        Instant now = clock.instant();
        Changed made = store.call(session -> makeRequest(session, slug, checked, token, now));
        if (made == null) {
            throw new ConflictException(ConflictException.OPENING_TAKEN, "the practice has booked this time for"
                    + " another visit since it was held; please pick another opening");
        }
        LOG.info("Request {} made in practice {} on hold {}", made.request().id(), slug, checked.holdId());
        tell(made);
        return new RequestReceipt(made.request(), token);
    }

    /**
     * The work of {@link #submit} in its transaction; null when the PMS has booked over the hold, which is then
     * released, committed, so that the part of its time the PMS left free is offered again.
     */
    private Changed makeRequest(StoreSession session, String slug, RequestForm checked, String token, Instant now) {
        Practice practice = session.practices().require(slug);
        Hold hold = liveHold(session, slug, checked.holdId(), now);
        // a hold keeps the time from other clients, not from the PMS: staff may have booked it by phone since
        if (!bookedOver(session, slug, hold.opening(), null).isEmpty()) {
            session.holds().releaseUnkept(slug, hold.id(), now);
            return null;
        }
        ClientMatcher.Match match = ClientMatcher.match(session, practice, checked);
        session.practices().reason(slug, hold.opening().reasonId())
                .ifPresent(reason -> requireAudience(reason, match.newClient()));
        String patientName = checked.patientName() != null ? checked.patientName() : match.client().name();
        String patientId = knownPatient(session, slug, match, patientName);
        Request request = session.requests().create(slug, new NewRequest(hold.opening(), hold.id(),
                match.client().id(), match.newClient(), patientId, patientName, checked.patientKind(),
                checked.memo(), now));
        if (!session.holds().keep(slug, hold.id(), request.id(), now)) {
            throw lapsed();
        }
        session.requests().setClientTokenHash(slug, request.id(), ClientTokens.hash(token));
        return changed(session, practice, request);
    }

    @Override
    public Request movedInPms(String slug, String requestId, Opening opening) {
        if (opening == null) {
            throw new InvalidInputException("opening", "is required");
        }
        Instant now = clock.instant();
        Changed changed = store.call(session -> {
            Practice practice = session.practices().require(slug);
            boolean[] moved = {false};
            Request request = session.requests().change(slug, requestId, current -> {
                requireIn(current, CONFIRMED, RequestStatus.CONFIRMED);
                Opening visit = new Opening(current.opening().reasonId(), opening.providerId(), opening.roomId(),
                        opening.start(), opening.end());
                moved[0] = !visit.equals(current.opening());
                return moved[0] ? Requests.decided(current, RequestStatus.CONFIRMED, visit, null, current.staffNote(),
                        now) : current;
            });
            if (!moved[0]) {
                return null;
            }
            // the PMS keeps the time now; a hold left from the confirmation would only block it twice
            session.holds().releaseFor(slug, requestId);
            return changed(session, practice, request);
        });
        if (changed == null) {
            return find(slug, requestId);
        }
        LOG.info("Request {} of practice {} follows its visit, moved in the PMS", requestId, slug);
        tell(changed);
        return changed.request();
    }

    @Override
    public Request cancelledInPms(String slug, String requestId) {
        return decide(slug, requestId, CONFIRMED, RequestStatus.CANCELLED, Request::staffNote);
    }

    @Override
    public Request withdraw(String slug, String requestId) {
        return decide(slug, requestId, OPEN_OR_CONFLICTED, RequestStatus.WITHDRAWN, Request::staffNote);
    }

    @Override
    public Request forClient(String slug, String requestId, String token) {
        return store.call(session -> {
            session.practices().require(slug);
            requireToken(session, slug, requestId, token);
            return session.requests().find(slug, requestId)
                    .orElseThrow(() -> new NotFoundException("request", requestId));
        });
    }

    @Override
    public Request accept(String slug, String requestId, String token) {
        checkToken(slug, requestId, token);
        return decide(slug, requestId, EnumSet.of(RequestStatus.PROPOSED), RequestStatus.CONFIRMED,
                Request::staffNote);
    }

    @Override
    public Request refuse(String slug, String requestId, String token) {
        checkToken(slug, requestId, token);
        return decide(slug, requestId, EnumSet.of(RequestStatus.PROPOSED), RequestStatus.WITHDRAWN,
                Request::staffNote);
    }

    @Override
    public Request cancel(String slug, String requestId, String token) {
        checkToken(slug, requestId, token);
        return withdraw(slug, requestId);
    }

    @Override
    public Request rebook(String slug, String requestId, String token, Opening opening) {
        if (opening == null) {
            throw new InvalidInputException("opening", "is required");
        }
        checkToken(slug, requestId, token);
        Instant now = clock.instant();
        CachedPractice practice = schedules.current(slug, now);
        Reason reason = practice.config().reason(opening.reasonId());
        Changed rebooked = store.call(session -> {
            Request request = session.requests().change(slug, requestId, current -> {
                if (current.status() != RequestStatus.CONFLICTED) {
                    throw new ConflictException("not_conflicted", "request " + requestId + " is "
                            + name(current.status()) + "; only a conflicted request takes an opening offered instead");
                }
                if (!session.requests().alternatives(slug, requestId).contains(opening)) {
                    throw new ConflictException("not_offered", "that opening was not offered for this request");
                }
                requireOffered(session, practice, reason, opening, now, null);
                Hold hold = session.holds().takeFor(slug, requestId, opening, now);
                return Requests.decided(current, RequestStatus.PENDING, opening, hold.id(), current.staffNote(), now);
            });
            session.requests().setAlternatives(slug, requestId, List.of());
            return changed(session, practice.config().practice(), request);
        });
        LOG.info("Request {} of practice {} is now {} on an opening offered instead", requestId, slug,
                RequestStatus.PENDING);
        tell(rebooked);
        return rebooked.request();
    }

    @Override
    public List<Opening> alternatives(String slug, String requestId) {
        return store.call(session -> {
            session.practices().require(slug);
            Request request = session.requests().find(slug, requestId)
                    .orElseThrow(() -> new NotFoundException("request", requestId));
            return request.status() == RequestStatus.CONFLICTED
                    ? session.requests().alternatives(slug, requestId) : List.<Opening>of();
        });
    }

    /**
     * {@inheritDoc}
     * <p>
     * The alternatives are searched after the change commits, so the engine sees the request's hold gone and
     * the visit booked over it; they are then stored with the request, unless it moved on meanwhile.
     */
    @Override
    public Request conflict(String slug, String requestId) {
        Instant now = clock.instant();
        Changed changed = store.call(session -> {
            Practice practice = session.practices().require(slug);
            Request current = session.requests().find(slug, requestId)
                    .orElseThrow(() -> new NotFoundException("request", requestId));
            if (!current.status().isOpen()) {
                return null;
            }
            Request request = session.requests().change(slug, requestId, locked -> {
                if (!locked.status().isOpen() || bookedOver(session, slug, locked).isEmpty()) {
                    return locked;
                }
                return Requests.decided(locked, RequestStatus.CONFLICTED, locked.opening(), null,
                        locked.staffNote(), now);
            });
            if (request.status() != RequestStatus.CONFLICTED) {
                return null;
            }
            session.holds().releaseFor(slug, requestId);
            session.requests().setAnswerBy(slug, requestId, null);
            return changed(session, practice, request);
        });
        if (changed == null) {
            return find(slug, requestId);
        }
        List<Opening> nearest = nearest(slug, changed.request());
        store.run(session -> {
            if (session.requests().find(slug, requestId).map(r -> r.status() == RequestStatus.CONFLICTED)
                    .orElse(false)) {
                session.requests().setAlternatives(slug, requestId, nearest);
            }
        });
        LOG.info("Request {} of practice {} is now {}: the PMS booked its time; {} openings offered instead",
                requestId, slug, RequestStatus.CONFLICTED, nearest.size());
        tell(changed);
        return changed.request();
    }

    @Override
    public Request find(String slug, String requestId) {
        return store.call(session -> {
            session.practices().require(slug);
            return session.requests().find(slug, requestId)
                    .orElseThrow(() -> new NotFoundException("request", requestId));
        });
    }

    @Override
    public List<Request> requests(String slug, RequestStatus status) {
        if (status == null) {
            throw new InvalidInputException("status", "is required");
        }
        return store.call(session -> {
            session.practices().require(slug);
            return session.requests().list(slug, status);
        });
    }

    @Override
    public Request confirm(String slug, String requestId, String staffNote) {
        String note = Forms.note(staffNote, "note");
        // the hold stays: it keeps the time until the PMS shows the visit
        return decide(slug, requestId, OPEN_OR_CONFLICTED, RequestStatus.CONFIRMED, current -> note);
    }

    @Override
    public Request decline(String slug, String requestId, String staffNote) {
        String note = Forms.note(staffNote, "note");
        return decide(slug, requestId, OPEN_OR_CONFLICTED, RequestStatus.DECLINED, current -> note);
    }

    @Override
    public Request propose(String slug, String requestId, Opening opening, String staffNote) {
        if (opening == null) {
            throw new InvalidInputException("opening", "is required");
        }
        String note = Forms.note(staffNote, "note");
        Instant now = clock.instant();
        // a request keeps the reason it was made for: the client asked for that visit, not another
        String asked = find(slug, requestId).opening().reasonId();
        if (!asked.equals(opening.reasonId())) {
            throw new InvalidInputException("opening.reason", "must be " + Quoted.of(asked) + ", the reason of request "
                    + Quoted.of(requestId) + ": a proposal offers another time for the same visit");
        }
        CachedPractice practice = schedules.current(slug, now);
        Reason reason = practice.config().reason(opening.reasonId());
        Changed proposed = store.call(session -> {
            session.requests().change(slug, requestId, current -> {
                requireIn(current, OPEN_OR_CONFLICTED, RequestStatus.PROPOSED);
                if (opening.equals(current.opening())) {
                    // the client would be asked to agree to what they asked for
                    throw new InvalidInputException("opening", "is the time the request already has; confirm it"
                            + " instead");
                }
                // the request's own hold may overlap the new opening: it is about to end
                requireOffered(session, practice, reason, opening, now, current.holdId());
                session.holds().releaseFor(slug, requestId);
                Hold hold = session.holds().takeFor(slug, requestId, opening, now);
                return Requests.decided(current, RequestStatus.PROPOSED, opening, hold.id(), note, now);
            });
            Instant answerBy = now.plus(settings.answerLife());
            session.requests().setAnswerBy(slug, requestId,
                    answerBy.isBefore(opening.start()) ? answerBy : opening.start());
            session.requests().setAlternatives(slug, requestId, List.of());
            // read again, with the answer-by time just set
            return changed(session, practice.config().practice(), session.requests().find(slug, requestId)
                    .orElseThrow(() -> new NotFoundException("request", requestId)));
        });
        LOG.info("Request {} of practice {} is now {}", requestId, slug, RequestStatus.PROPOSED);
        tell(proposed);
        return proposed.request();
    }

    /**
     * Expires the requests nobody decided on in time (see {@link RequestStatus#EXPIRED}), then deletes
     * lapsed and past holds and idempotency keys past their day; run every {@link Settings#sweepEvery()} on
     * one node of the cluster ({@link SweepWork}). Requests go first, so that no open request is left
     * without its hold.
     */
    void sweep() {
        try {
            int expired = expire();
            int swept = store.call(session -> session.holds().sweep(clock.instant()));
            int keys = sweepKeys();
            int events = sweepEvents();
            LOG.debug("Expired {} requests, deleted {} lapsed or past holds, {} idempotency keys and {} request"
                    + " events", expired, swept, keys, events);
        } catch (RuntimeException e) {
            LOG.warn("Sweeping lapsed holds and requests failed; trying again in {} s",
                    settings.sweepEvery().toSeconds(), e);
        }
    }

    /**
     * Deletes the idempotency keys past their day, in transactions of their own of at most {@link #KEYS_AT_ONCE}
     * keys, so that a day's worth of keys never locks many rows at once; returns how many.
     */
    int sweepKeys() {
        Instant now = clock.instant();
        return inBatches(session -> session.idempotency().sweep(now, KEYS_AT_ONCE));
    }

    /** Deletes request events delivered a day ago, or never delivered for a month, as keys are; returns how many. */
    int sweepEvents() {
        Instant now = clock.instant();
        return inBatches(session -> session.requestEvents().sweep(now, KEYS_AT_ONCE));
    }

    /** Runs a deletion of at most {@link #KEYS_AT_ONCE} rows again, each in its own transaction, until it is done. */
    private int inBatches(Function<StoreSession, Integer> deletion) {
        int deleted = 0;
        int batch;
        do {
            batch = store.call(deletion);
            deleted += batch;
        } while (batch == KEYS_AT_ONCE);
        return deleted;
    }

    /** Expires due requests, each in its own transaction, checked again under its lock; returns how many. */
    int expire() {
        Instant now = clock.instant();
        int expired = 0;
        for (Request due : store.call(session -> session.requests().due(now, SWEPT_AT_ONCE))) {
            String slug = due.practiceSlug();
            Changed changed = store.call(session -> {
                Practice practice = session.practices().require(slug);
                Instant answerBy = session.requests().answerBy(slug, due.id()).orElse(null);
                Request request = session.requests().change(slug, due.id(), current -> {
                    boolean started = !current.opening().start().isAfter(now);
                    boolean unanswered = current.status() == RequestStatus.PROPOSED && answerBy != null
                            && !answerBy.isAfter(now);
                    boolean expiring = current.status().isOpen() || current.status() == RequestStatus.CONFLICTED;
                    return expiring && (started || unanswered)
                            ? Requests.decided(current, RequestStatus.EXPIRED, current.opening(), null,
                                    current.staffNote(), now)
                            : current;
                });
                if (request.status() != RequestStatus.EXPIRED) {
                    return null;
                }
                session.holds().releaseFor(slug, due.id());
                session.requests().setAnswerBy(slug, due.id(), null);
                session.requests().setAlternatives(slug, due.id(), List.of());
                return changed(session, practice, request);
            });
            if (changed != null) {
                expired++;
                LOG.info("Request {} of practice {} is now {}", due.id(), slug, RequestStatus.EXPIRED);
                tell(changed);
            }
        }
        return expired;
    }

    /**
     * Moves a request from one of {@code from} to {@code next}, checked again at this moment: a confirmation
     * needs the time still held, still to come, and not booked in the PMS for another visit. Every status but
     * {@link RequestStatus#CONFIRMED} ends the request's hold.
     */
    private Request decide(String slug, String requestId, Set<RequestStatus> from, RequestStatus next,
                           Function<Request, String> note) {
        Instant now = clock.instant();
        Changed changed = store.call(session -> {
            Practice practice = session.practices().require(slug);
            Request request = session.requests().change(slug, requestId, current -> {
                requireIn(current, from, next);
                boolean bookedInPms = next == RequestStatus.CONFIRMED && bookedForIt(session, slug, current);
                if (next == RequestStatus.CONFIRMED && current.status() == RequestStatus.CONFLICTED && !bookedInPms) {
                    throw new ConflictException("request_conflicted", "request " + requestId + " lost its time to"
                            + " another visit booked in the PMS; propose another time or decline");
                }
                if (next == RequestStatus.CONFIRMED && !bookedInPms) {
                    requireStillHeld(session, slug, current, now);
                }
                if (next == RequestStatus.CONFIRMED) {
                    requireNotBookedInPms(session, slug, current);
                }
                return Requests.decided(current, next, current.opening(), null, note.apply(current), now);
            });
            if (next != RequestStatus.CONFIRMED) {
                session.holds().releaseFor(slug, requestId);
            }
            session.requests().setAnswerBy(slug, requestId, null);
            session.requests().setAlternatives(slug, requestId, List.of());
            return changed(session, practice, request);
        });
        LOG.info("Request {} of practice {} is now {}", requestId, slug, next);
        tell(changed);
        return changed.request();
    }

    /**
     * Checks that the opening has the reason's shape and that the engine offers it now.
     *
     * @param ignoredHold a hold left out of the claims, such as the one of a request being moved; may be null
     * @throws InvalidInputException when it cannot be an opening of the reason at all
     * @throws ConflictException     with code {@code opening_taken} when it is not free
     */
    private void requireOffered(StoreSession session, CachedPractice practice, Reason reason, Opening opening,
                                Instant now, String ignoredHold) {
        PracticeConfig config = practice.config();
        if (!opening.end().equals(opening.start().plus(reason.duration()))) {
            throw new InvalidInputException("opening",
                    "must last " + reason.duration().toMinutes() + " minutes, as the reason does");
        }
        if (!reason.allowsProvider(opening.providerId(), config.rules())) {
            throw new InvalidInputException("provider",
                    Quoted.of(opening.providerId()) + " does not see clients for this reason");
        }
        boolean roomFits = reason.roomIds().isEmpty() ? opening.roomId() == null
                : opening.roomId() != null && reason.roomIds().contains(opening.roomId());
        if (!roomFits) {
            throw new InvalidInputException("room", reason.roomIds().isEmpty()
                    ? "must be empty: this reason needs no room"
                    : opening.roomId() == null ? "is required: this reason needs a room"
                    : Quoted.of(opening.roomId()) + " is not a room this reason can use");
        }
        LocalDate date = practice.date(opening.start());
        Reach.Window window = practice.around(date, date);
        CachedIndex index = practice.index();
        if (!index.covers(window)) {
            // the index spans every date that can be offered, from today to the longest horizon
            throw new InvalidInputException("opening", NOT_AN_OPENING);
        }
        Claims claims = ClaimsReader.readFor(session, practice, reason, opening, now, ignoredHold);
        Schedule schedule = new Schedule(config, index.index(), claims);
        if (!index.read(() -> finder.offers(schedule, opening, now))) {
            // Judged again with nothing busy: what fails then was never an opening, and is the caller's error.
            Schedule free = new Schedule(config,
                    new ScheduleIndex(config.rules().unitMinutes(), window.from(), window.to()), Claims.NONE);
            if (!finder.offers(free, opening, now)) {
                throw new InvalidInputException("opening", NOT_AN_OPENING);
            }
            throw new ConflictException(ConflictException.OPENING_TAKEN,
                    "this opening is not free any more; please pick another");
        }
    }

    /** Refuses a client whom the reason's audience does not admit; see {@link #request}. */
    private static void requireAudience(Reason reason, boolean newClient) {
        Audience audience = reason.rules().audience();
        if (audience.admits(newClient ? ClientKind.NEW : ClientKind.EXISTING)) {
            return;
        }
        if (audience == Audience.NEW_CLIENTS) {
            throw new ConflictException("new_clients_only", "'" + reason.name() + "' is for new clients only;"
                    + " please pick another reason");
        }
        throw new ConflictException("existing_clients_only", "'" + reason.name() + "' is for clients the practice"
                + " already knows; please pick another reason");
    }

    /** The openings nearest to a lost request's time, for the same reason: its provider first, then any. */
    private List<Opening> nearest(String slug, Request request) {
        Opening lost = request.opening();
        Instant now = clock.instant();
        CachedPractice practice = schedules.current(slug, now);
        LocalDate date = practice.date(lost.start());
        ClientKind kind = request.newClient() ? ClientKind.NEW : ClientKind.EXISTING;
        Comparator<Opening> nearness = Comparator.comparing(
                (Opening o) -> Duration.between(lost.start(), o.start()).abs()).thenComparing(Opening::start);
        List<Opening> found = new ArrayList<>();
        for (String provider : new String[] {lost.providerId(), null}) {
            Preferences around = new Preferences(date.minusDays(NEAR_DAYS), date.plusDays(NEAR_DAYS), Set.of(),
                    List.of(), provider, kind, null, 0, 0);
            openings(slug, lost.reasonId(), around).stream()
                    .filter(o -> !found.contains(o) && !o.equals(lost))
                    .sorted(nearness)
                    .limit(ALTERNATIVES - found.size())
                    .forEach(found::add);
            if (found.size() == ALTERNATIVES) {
                break;
            }
        }
        found.sort(nearness);
        return List.copyOf(found);
    }

    /** The visits the PMS copy has booked over the request's time on its provider or room, but not for it. */
    private static List<Appointment> bookedOver(StoreSession session, String slug, Request request) {
        return bookedOver(session, slug, request.opening(), request.id());
    }

    /** The PMS visits on the provider or room of {@code asked} during it, but for one booked from {@code requestId}. */
    private static List<Appointment> bookedOver(StoreSession session, String slug, Opening asked, String requestId) {
        return session.schedule().appointmentsTakingTime(slug, asked.start(), asked.end()).stream()
                .filter(a -> a.start().isBefore(asked.end()) && asked.start().isBefore(a.end()))
                .filter(a -> a.placerId() == null || !a.placerId().equals(requestId))
                .filter(a -> asked.providerId().equals(a.providerId())
                        || asked.roomId() != null && asked.roomId().equals(a.roomId()))
                .toList();
    }

    /** True when the PMS copy shows a visit booked for this very request at its time: that visit keeps it. */
    private static boolean bookedForIt(StoreSession session, String slug, Request request) {
        Opening asked = request.opening();
        return session.schedule().appointmentsTakingTime(slug, asked.start(), asked.end()).stream()
                .anyMatch(a -> request.id().equals(a.placerId()));
    }

    /**
     * A request is confirmed only while its hold still keeps a time to come, unless the PMS booked the visit
     * for it ({@link #bookedForIt}).
     */
    private static void requireStillHeld(StoreSession session, String slug, Request request, Instant now) {
        if (!request.opening().start().isAfter(now)) {
            throw new ConflictException("request_past", "the time of request " + request.id()
                    + " has passed; it can no longer be confirmed");
        }
        if (request.holdId() == null || session.holds().find(slug, request.holdId()).isEmpty()) {
            throw new ConflictException("hold_lost", "request " + request.id() + " no longer holds its time;"
                    + " propose another time or decline");
        }
    }

    /**
     * Staff may not confirm a time the PMS has since given to another visit on the same provider or room
     * (booked by phone, say); a visit the PMS booked from this very request is no conflict.
     */
    private static void requireNotBookedInPms(StoreSession session, String slug, Request request) {
        if (!bookedOver(session, slug, request).isEmpty()) {
            throw new ConflictException("booked_in_pms", "the PMS has booked that time for another visit;"
                    + " propose another time or decline");
        }
    }

    private void tell(Changed changed) {
        for (ComponentServiceObjects<RequestListener> objects : listeners) {
            RequestListener listener = objects.getService();
            if (listener == null) {
                continue; // it went away since the list was taken
            }
            try {
                listener.requestChanged(changed.practice(), changed.request());
            } catch (RuntimeException e) {
                LOG.warn("Request listener {} failed on request {}; the others are still told",
                        listener.getClass().getName(), changed.request().id(), e);
            } finally {
                release(objects, listener);
            }
        }
    }

    /**
     * Gives a listener back after telling it. The change is committed by then, so a refusal must not reach
     * the caller: Felix 7.0.5 refuses (IllegalArgumentException) when threads get and unget one singleton
     * listener at the same moment, as request threads do, and the client would be answered 500 for a request
     * that was made, and the listeners after this one would not be told.
     */
    private static void release(ComponentServiceObjects<RequestListener> objects, RequestListener listener) {
        try {
            objects.ungetService(listener);
        } catch (IllegalArgumentException | IllegalStateException e) {
            LOG.debug("Request listener {} not released: {}", listener.getClass().getName(), e.toString());
        }
    }

    private static Hold liveHold(StoreSession session, String slug, String holdId, Instant now) {
        Hold hold = session.holds().find(slug, holdId).orElseThrow(BookingService::lapsed);
        if (hold.expiresAt() == null) {
            throw new ConflictException("hold_used", "a request has already been made on this hold");
        }
        if (!hold.expiresAt().isAfter(now)) {
            throw lapsed();
        }
        return hold;
    }

    private static ConflictException lapsed() {
        return new ConflictException(ConflictException.HOLD_LAPSED,
                "the hold has lapsed; please pick an opening again");
    }

    /** The PMS's patient of this client with this name, if the PMS lists one. */
    private static String knownPatient(StoreSession session, String slug, ClientMatcher.Match match, String name) {
        String clientPmsId = match.client().pmsId();
        if (clientPmsId == null || name == null) {
            return null;
        }
        return session.clients().patientsOf(slug, clientPmsId).stream()
                .filter(p -> name.equalsIgnoreCase(p.name())).map(Patient::id).findFirst().orElse(null);
    }

    /**
     * Refuses a step to {@code next} from a status not in {@code from}: code {@code not_proposed} when only a
     * proposal may take it, {@code request_not_open} when the request has ended, {@code request_conflicted}
     * when it lost its time to the PMS and must first be moved.
     */
    private static void requireIn(Request request, Set<RequestStatus> from, RequestStatus next) {
        RequestStatus status = request.status();
        if (from.contains(status)) {
            return;
        }
        String step = "request " + request.id() + " is " + name(status) + "; it cannot become " + name(next);
        if (from.equals(CONFIRMED)) {
            throw new ConflictException("request_not_confirmed", step + ": only a confirmed request follows its"
                    + " visit in the PMS");
        }
        if (status.isFinal()) {
            throw new ConflictException("request_not_open", step);
        }
        if (from.equals(EnumSet.of(RequestStatus.PROPOSED))) {
            throw new ConflictException("not_proposed", step + ": no proposal awaits an answer");
        }
        if (status == RequestStatus.CONFLICTED) {
            throw new ConflictException("request_conflicted", step + ": the PMS booked its time for another visit;"
                    + " propose another time or decline");
        }
        throw new ConflictException("request_not_open", step);
    }

    private static String name(RequestStatus status) {
        return status.name().toLowerCase(Locale.ROOT);
    }

    private void checkToken(String slug, String requestId, String token) {
        store.run(session -> {
            session.practices().require(slug);
            requireToken(session, slug, requestId, token);
        });
    }

    /**
     * A wrong token is answered as an unknown request: the link must not tell whether a request exists. Any
     * token of the request will do: the one given when it was sent, or one given in a message since
     * ({@link ClientLinkService}); each is compared in full, so the time taken tells nothing of which matched.
     */
    private static void requireToken(StoreSession session, String slug, String requestId, String token) {
        boolean matched = false;
        for (String hash : session.requests().clientTokenHashes(slug, requestId)) {
            matched |= ClientTokens.matches(token, hash);
        }
        if (!matched) {
            throw new NotFoundException("request", requestId);
        }
    }

    /**
     * The change of a request made in this session, recorded as a request event in its transaction so that the
     * practice's connector delivers it to the PMS from whichever node, even if this one dies after the commit.
     */
    private Changed changed(StoreSession session, Practice practice, Request request) {
        session.requestEvents().record(request, clock.instant());
        return new Changed(practice, request);
    }

    /** A committed change and the practice it happened in, for the listeners. */
    private record Changed(Practice practice, Request request) {
    }

    @Override
    public Hold findHold(String slug, String holdId) {
        Instant now = clock.instant();
        return store.call(session -> {
            session.practices().require(slug);
            return session.holds().find(slug, holdId)
                    .filter(hold -> hold.expiresAt() == null || hold.expiresAt().isAfter(now))
                    .orElseThrow(() -> new NotFoundException("hold", holdId));
        });
    }

    /**
     * {@inheritDoc}
     * <p>
     * Whether a request keeps the hold is decided under the hold's row lock, so a request made on it at the
     * same moment either keeps it or finds it gone.
     */
    @Override
    public void release(String slug, String holdId) {
        Instant now = clock.instant();
        store.run(session -> {
            session.practices().require(slug);
            if (session.holds().releaseUnkept(slug, holdId, now)) {
                return;
            }
            session.holds().find(slug, holdId).filter(hold -> hold.expiresAt() == null)
                    .orElseThrow(() -> new NotFoundException("hold", holdId));
            throw new ConflictException("hold_in_use", "a request has been made on this hold;"
                    + " it ends with the request (cancel the request instead)");
        });
        LOG.debug("Hold {} released in practice {}", holdId, slug);
    }
}
