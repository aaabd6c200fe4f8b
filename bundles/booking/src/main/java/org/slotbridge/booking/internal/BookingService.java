package org.slotbridge.booking.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

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
import org.slotbridge.api.ConflictException;
import org.slotbridge.api.Hold;
import org.slotbridge.api.InvalidInputException;
import org.slotbridge.api.NotFoundException;
import org.slotbridge.api.Opening;
import org.slotbridge.api.Patient;
import org.slotbridge.api.Practice;
import org.slotbridge.api.Preferences;
import org.slotbridge.api.Reason;
import org.slotbridge.api.Request;
import org.slotbridge.api.RequestForm;
import org.slotbridge.api.RequestStatus;
import org.slotbridge.api.service.Booking;
import org.slotbridge.api.service.RequestListener;
import org.slotbridge.engine.OpeningFinder;
import org.slotbridge.engine.ScheduleSnapshot;
import org.slotbridge.store.NewRequest;
import org.slotbridge.store.Store;
import org.slotbridge.store.StoreSession;

/**
 * Openings, holds and requests. Whether an opening is free is decided twice: by the engine on a
 * snapshot of the schedule, which knows the rules, and then by the database, whose hold units let
 * only one hold have any unit of a provider or room, on any node. A request's hold keeps its time
 * until staff decline, the client withdraws, or the PMS shows the confirmed visit; a confirmed
 * request keeps it too, so staff can never confirm two requests that overlap on a resource.
 * <p>
 * After every committed change of a request each {@link RequestListener} is told, on the caller's
 * thread; a listener that throws is logged and the others are still told.
 */
@Component(service = Booking.class, configurationPid = BookingService.PID)
@Designate(ocd = BookingConfig.class)
public final class BookingService implements Booking {

    static final String PID = "org.slotbridge.booking";
    private static final Logger LOG = LoggerFactory.getLogger(BookingService.class);
    /** Busy time this far around an opening is all the engine needs to judge it. */
    private static final Duration AROUND = Duration.ofDays(1);

    /*
     * Listeners are fetched only when there is something to tell: a connector listens to requests and
     * also needs ScheduleSync, which needs Booking, so fetching them while Booking activates is a cycle.
     */
    @Reference(service = RequestListener.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile List<ComponentServiceObjects<RequestListener>> listeners = List.of();

    private final Store store;
    private final Settings settings;
    private final Clock clock;
    private final OpeningFinder finder = new OpeningFinder();
    private final ScheduledExecutorService sweeper;

    @Activate
    public BookingService(@Reference(name = "store") Store store, BookingConfig config) {
        this(store, Settings.of(config), Clock.systemUTC(), true);
    }

    BookingService(Store store, Settings settings, Clock clock, boolean sweep) {
        this.store = store;
        this.settings = settings;
        this.clock = clock;
        if (sweep) {
            sweeper = Executors.newSingleThreadScheduledExecutor(task -> {
                Thread thread = new Thread(task, "slotbridge-hold-sweep");
                thread.setDaemon(true);
                return thread;
            });
            long every = settings.sweepEvery().toMillis();
            sweeper.scheduleWithFixedDelay(this::sweep, every, every, TimeUnit.MILLISECONDS);
        } else {
            sweeper = null;
        }
    }

    @Deactivate
    void deactivate() {
        if (sweeper != null) {
            sweeper.shutdownNow();
        }
    }

    @Override
    public List<Opening> openings(String slug, String reasonId, Preferences preferences) {
        if (preferences == null) {
            throw new InvalidInputException("preferences", "are required");
        }
        Instant now = clock.instant();
        return store.call(session -> {
            Practice practice = session.practices().require(slug);
            Reason reason = reason(session, slug, reasonId);
            if (!practice.onlineBooking()) {
                return List.of();
            }
            ZoneId zone = practice.zone();
            Instant from = preferences.from().minusDays(1).atStartOfDay(zone).toInstant();
            Instant to = preferences.to().plusDays(2).atStartOfDay(zone).toInstant();
            ScheduleSnapshot snapshot = Snapshots.read(session, practice, from, to, now, null);
            return finder.find(snapshot, reason, preferences, now, settings.rules());
        });
    }

    @Override
    public Hold hold(String slug, Opening opening) {
        if (opening == null) {
            throw new InvalidInputException("opening", "is required");
        }
        Instant now = clock.instant();
        Hold hold = store.call(session -> {
            Practice practice = session.practices().require(slug);
            if (!practice.onlineBooking()) {
                throw new ConflictException("booking_closed", "this practice takes no online bookings now");
            }
            Reason reason = reason(session, slug, opening.reasonId());
            requireOffered(session, practice, reason, opening, now, null);
            return session.holds().take(slug, opening, now.plus(settings.holdLife()), now);
        });
        LOG.debug("Hold {} taken in practice {}", hold.id(), slug);
        return hold;
    }

    @Override
    public Request request(String slug, RequestForm form) {
        RequestForm checked = Forms.check(form);
        Instant now = clock.instant();
        Changed made = store.call(session -> {
            Practice practice = session.practices().require(slug);
            Hold hold = liveHold(session, slug, checked.holdId(), now);
            ClientMatcher.Match match = ClientMatcher.match(session, practice, checked);
            String patientName = checked.patientName() != null ? checked.patientName() : match.client().name();
            String patientId = knownPatient(session, slug, match, patientName);
            Request request = session.requests().create(slug, new NewRequest(hold.opening(), hold.id(),
                    match.client().id(), match.newClient(), patientId, patientName, checked.patientKind(),
                    checked.memo(), now));
            if (!session.holds().keep(slug, hold.id(), request.id(), now)) {
                throw lapsed();
            }
            return new Changed(practice, request);
        });
        LOG.info("Request {} made in practice {} on hold {}", made.request().id(), slug, checked.holdId());
        tell(made);
        return made.request();
    }

    @Override
    public Request withdraw(String slug, String requestId) {
        return decide(slug, requestId, RequestStatus.WITHDRAWN, Request::staffNote, true);
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
        String note = Forms.note(staffNote, "staffNote");
        // the hold stays: it keeps the time until the PMS shows the visit
        return decide(slug, requestId, RequestStatus.CONFIRMED, current -> note, false);
    }

    @Override
    public Request decline(String slug, String requestId, String staffNote) {
        String note = Forms.note(staffNote, "staffNote");
        return decide(slug, requestId, RequestStatus.DECLINED, current -> note, true);
    }

    @Override
    public Request propose(String slug, String requestId, Opening opening, String staffNote) {
        if (opening == null) {
            throw new InvalidInputException("opening", "is required");
        }
        String note = Forms.note(staffNote, "staffNote");
        Instant now = clock.instant();
        Changed proposed = store.call(session -> {
            Practice practice = session.practices().require(slug);
            Reason reason = reason(session, slug, opening.reasonId());
            Request request = session.requests().change(slug, requestId, current -> {
                requireOpen(current);
                // the request's own hold may overlap the new opening: it is about to end
                requireOffered(session, practice, reason, opening, now, current.holdId());
                session.holds().releaseFor(slug, requestId);
                Hold hold = session.holds().takeFor(slug, requestId, opening, now);
                return Requests.decided(current, RequestStatus.PROPOSED, opening, hold.id(), note, now);
            });
            return new Changed(practice, request);
        });
        LOG.info("Request {} of practice {} is now {}", requestId, slug, RequestStatus.PROPOSED);
        tell(proposed);
        return proposed.request();
    }

    /** Deletes lapsed and past holds; run every {@link Settings#sweepEvery()}. */
    void sweep() {
        try {
            int swept = store.call(session -> session.holds().sweep(clock.instant()));
            LOG.debug("Deleted {} lapsed or past holds", swept);
        } catch (RuntimeException e) {
            LOG.warn("Deleting lapsed holds failed; trying again in {} s", settings.sweepEvery().toSeconds(), e);
        }
    }

    private Request decide(String slug, String requestId, RequestStatus next, Function<Request, String> note,
                           boolean endHold) {
        Instant now = clock.instant();
        Changed changed = store.call(session -> {
            Practice practice = session.practices().require(slug);
            Request request = session.requests().change(slug, requestId, current -> {
                requireOpen(current);
                if (next == RequestStatus.CONFIRMED) {
                    requireNotBookedInPms(session, slug, current);
                }
                return Requests.decided(current, next, current.opening(), null, note.apply(current), now);
            });
            if (endHold) {
                session.holds().releaseFor(slug, requestId);
            }
            return new Changed(practice, request);
        });
        LOG.info("Request {} of practice {} is now {}", requestId, slug, next);
        tell(changed);
        return changed.request();
    }

    /**
     * Checks that the opening has the reason's shape and that the engine offers it now.
     *
     * @throws InvalidInputException when it cannot be an opening of the reason at all
     * @throws ConflictException     with code {@code opening_taken} when it is not free
     */
    private void requireOffered(StoreSession session, Practice practice, Reason reason, Opening opening,
                                Instant now, String ignoredHold) {
        if (!opening.end().equals(opening.start().plus(reason.duration()))) {
            throw new InvalidInputException("opening",
                    "must last " + reason.duration().toMinutes() + " minutes, as the reason does");
        }
        if (!reason.allowsProvider(opening.providerId())) {
            throw new InvalidInputException("providerId", "does not see clients for this reason");
        }
        boolean roomFits = reason.roomIds().isEmpty() ? opening.roomId() == null
                : reason.roomIds().contains(opening.roomId());
        if (!roomFits) {
            throw new InvalidInputException("roomId", reason.roomIds().isEmpty()
                    ? "must be empty: this reason needs no room" : "is not a room this reason can use");
        }
        ScheduleSnapshot snapshot = Snapshots.read(session, practice, opening.start().minus(AROUND),
                opening.end().plus(AROUND), now, ignoredHold);
        if (!finder.offers(snapshot, reason, opening, now, settings.rules())) {
            // Judged again with nothing busy: what fails then was never an opening, and is the caller's error.
            ScheduleSnapshot free = new ScheduleSnapshot(snapshot.zone(), snapshot.hours(), Map.of(), Map.of());
            if (!finder.offers(free, reason, opening, now, settings.rules())) {
                throw new InvalidInputException("opening", "is not an opening of this reason: it lies outside"
                        + " the hours, days or start times offered, or too soon or too far ahead");
            }
            throw new ConflictException(ConflictException.OPENING_TAKEN,
                    "this opening is not free any more; please pick another");
        }
    }

    /**
     * Staff may not confirm a time the PMS has since given to another visit on the same provider or room
     * (booked by phone, say); a visit the PMS booked from this very request is no conflict.
     */
    private static void requireNotBookedInPms(StoreSession session, String slug, Request request) {
        Opening asked = request.opening();
        boolean booked = session.schedule().appointmentsTakingTime(slug, asked.start(), asked.end()).stream()
                .filter(a -> a.start().isBefore(asked.end()) && asked.start().isBefore(a.end()))
                .filter(a -> !request.id().equals(a.placerId()))
                .anyMatch(a -> asked.providerId().equals(a.providerId())
                        || asked.roomId() != null && asked.roomId().equals(a.roomId()));
        if (booked) {
            throw new ConflictException("booked_in_pms", "the PMS has booked that time for another visit since"
                    + " the request was made; propose another time or decline");
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
                objects.ungetService(listener);
            }
        }
    }

    private static Reason reason(StoreSession session, String slug, String reasonId) {
        return session.practices().reason(slug, reasonId).orElseThrow(() -> new NotFoundException("reason", reasonId));
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
        return new ConflictException("hold_lapsed", "the hold has lapsed; please pick an opening again");
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

    private static void requireOpen(Request request) {
        if (!request.status().isOpen()) {
            throw new ConflictException("request_not_open",
                    "request " + request.id() + " is " + request.status().name().toLowerCase(Locale.ROOT)
                            + " already");
        }
    }

    /** A committed change and the practice it happened in, for the listeners. */
    private record Changed(Practice practice, Request request) {
    }
}
