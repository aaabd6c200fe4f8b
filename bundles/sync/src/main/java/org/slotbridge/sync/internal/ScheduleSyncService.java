package org.slotbridge.sync.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slotbridge.api.Appointment;
import org.slotbridge.api.AppointmentStatus;
import org.slotbridge.api.Blockout;
import org.slotbridge.api.Client;
import org.slotbridge.api.ConflictException;
import org.slotbridge.api.InvalidInputException;
import org.slotbridge.api.Opening;
import org.slotbridge.api.Patient;
import org.slotbridge.api.Provider;
import org.slotbridge.api.Request;
import org.slotbridge.api.RequestStatus;
import org.slotbridge.api.Room;
import org.slotbridge.api.service.Booking;
import org.slotbridge.api.service.InboxJournal;
import org.slotbridge.api.service.InboxJournal.Mark;
import org.slotbridge.api.service.ScheduleSync;
import org.slotbridge.booking.ScheduleChanges;
import org.slotbridge.store.Store;
import org.slotbridge.store.StoreSession;

/**
 * Applies what connectors read from the PMS to the schedule copy, one record per transaction, keyed
 * by PMS id so a record applied twice changes nothing.
 * <p>
 * Reconciliation: an appointment whose placer id is the id of a request of the same practice is the
 * visit booked for that request. Its time is then kept by the appointment, so the request's hold
 * ends; an open or conflicted request takes the appointment's time and is confirmed through {@link Booking},
 * which tells the request listeners as for any confirmation. From then on the confirmed request follows its
 * visit: when the PMS moves it, the request takes its time ({@link Booking#movedInPms}); when the PMS cancels it,
 * the request is cancelled ({@link Booking#cancelledInPms}), so that its time, free again, is never the time of
 * a confirmed request as well.
 * <p>
 * An appointment that takes time over an open request's time on its provider or room, and was not booked
 * for that request (staff booked the time by phone, say), makes the request conflicted through
 * {@link Booking#conflict}: its hold ends, the nearest openings are offered instead, and the listeners are
 * told.
 * <p>
 * After each commit that changed an appointment or a blockout, {@link ScheduleChanges} is told what it was
 * before and after, and the schedule version the change was made on, so booking updates its index of the
 * schedule in place instead of reading it again.
 * <p>
 * {@link #applyMessage} runs the writes of one message of an inbox file in one transaction together with
 * the {@link InboxJournal}'s record of that message; every step above that follows a commit then follows
 * that one commit.
 */
@Component(service = ScheduleSync.class)
public final class ScheduleSyncService implements ScheduleSync {

    /** The staff note of a request confirmed because the PMS shows it booked. */
    static final String BOOKED_IN_PMS = "booked in the PMS";
    private static final Logger LOG = LoggerFactory.getLogger(ScheduleSyncService.class);

    private final Store store;
    private final Booking booking;
    private final ScheduleChanges changes;
    private final Clock clock = Clock.systemUTC();

    @Activate
    public ScheduleSyncService(@Reference(name = "store") Store store, @Reference(name = "booking") Booking booking,
                               @Reference(name = "changes") ScheduleChanges changes) {
        this.store = store;
        this.booking = booking;
        this.changes = changes;
    }

    @Override
    public void appointment(String slug, Appointment appointment) {
        inUnit(slug, unit -> {
            storeAppointment(unit, appointment);
            return null;
        });
    }

    private void storeAppointment(Unit unit, Appointment appointment) {
        required(appointment, "appointment");
        String slug = unit.slug();
        StoreSession session = unit.session();
        Appointment before = session.schedule().appointment(slug, appointment.pmsId()).orElse(null);
        session.schedule().saveAppointment(slug, appointment);
        String toConfirm = reconcile(session, slug, appointment);
        Change<Appointment> change = new Change<>(before, appointment, scheduleVersion(session, slug));
        List<String> bookedOver = bookedOver(session, slug, appointment);
        Runnable follow = followVisit(session, slug, appointment);
        unit.afterCommit(() -> appointmentStored(slug, appointment, change, toConfirm, bookedOver));
        if (follow != null) {
            unit.afterCommit(follow);
        }
    }

    /**
     * What a confirmed request does about its visit as the PMS has it now: take the visit's time when the PMS
     * moved it, or end when the PMS cancelled it. Null when the visit was not booked for a confirmed request, or
     * nothing changed.
     */
    private Runnable followVisit(StoreSession session, String slug, Appointment visit) {
        Request request = visit.placerId() == null ? null
                : session.requests().find(slug, visit.placerId()).orElse(null);
        if (request == null || request.status() != RequestStatus.CONFIRMED) {
            return null;
        }
        String id = request.id();
        if (!visit.status().takesTime()) {
            return () -> follow(slug, id, visit, "cancelled", () -> booking.cancelledInPms(slug, id));
        }
        Opening asBooked = booked(request, visit).opening();
        Opening asked = request.opening();
        // a room the PMS gave a visit that needs none is no move to tell the client of
        if (asBooked.start().equals(asked.start()) && asBooked.end().equals(asked.end())
                && asBooked.providerId().equals(asked.providerId())) {
            return null;
        }
        return () -> follow(slug, id, visit, "moved", () -> booking.movedInPms(slug, id, asBooked));
    }

    // The appointment is committed: a request that was decided meanwhile keeps its own status.
    private static void follow(String slug, String requestId, Appointment visit, String what, Runnable step) {
        try {
            step.run();
            LOG.info("Request {} of practice {} follows appointment {}, {} in the PMS", requestId, slug,
                    visit.pmsId(), what);
        } catch (ConflictException e) {
            LOG.info("Request {} of practice {} was no longer confirmed when appointment {} was {} in the PMS",
                    requestId, slug, visit.pmsId(), what);
        } catch (RuntimeException e) {
            LOG.warn("Request {} of practice {}: following appointment {}, {} in the PMS, failed", requestId, slug,
                    visit.pmsId(), what, e);
        }
    }

    /** Tells booking, confirms the request the appointment was booked for, and marks the ones it took the time of. */
    private void appointmentStored(String slug, Appointment appointment, Change<Appointment> change, String toConfirm,
                                   List<String> bookedOver) {
        tellAppointment(slug, change);
        LOG.debug("Appointment {} of practice {} applied", appointment.pmsId(), slug);
        if (toConfirm != null) {
            try {
                booking.confirm(slug, toConfirm, BOOKED_IN_PMS);
                LOG.info("Request {} of practice {} confirmed: the PMS booked it as appointment {}", toConfirm,
                        slug, appointment.pmsId());
            } catch (ConflictException e) {
                LOG.info("Request {} of practice {} was decided meanwhile; appointment {} is kept as the PMS has it",
                        toConfirm, slug, appointment.pmsId());
            }
        }
        for (String conflicted : bookedOver) {
            try {
                booking.conflict(slug, conflicted);
            } catch (RuntimeException e) {
                // the appointment is stored; the request stays as it was and staff still see the clash on confirm
                LOG.warn("Request {} of practice {}: marking it conflicted with appointment {} failed", conflicted,
                        slug, appointment.pmsId(), e);
            }
        }
    }

    /** The open requests other than its own whose time the appointment takes on their provider or room. */
    private static List<String> bookedOver(StoreSession session, String slug, Appointment appointment) {
        if (!appointment.status().takesTime()) {
            return List.of();
        }
        return session.requests().openOverlapping(slug, appointment.start(), appointment.end()).stream()
                .filter(r -> !r.id().equals(appointment.placerId()))
                .filter(r -> r.opening().providerId().equals(appointment.providerId())
                        || r.opening().roomId() != null && r.opening().roomId().equals(appointment.roomId()))
                .map(Request::id)
                .toList();
    }

    @Override
    public boolean cancelAppointment(String slug, String pmsId) {
        return inUnit(slug, unit -> setStatus(unit, pmsId, AppointmentStatus.CANCELLED));
    }

    @Override
    public boolean noShow(String slug, String pmsId) {
        return inUnit(slug, unit -> setStatus(unit, pmsId, AppointmentStatus.NO_SHOW));
    }

    @Override
    public void blockout(String slug, Blockout blockout) {
        inUnit(slug, unit -> {
            storeBlockout(unit, blockout);
            return null;
        });
    }

    private void storeBlockout(Unit unit, Blockout blockout) {
        required(blockout, "blockout");
        String slug = unit.slug();
        StoreSession session = unit.session();
        Blockout before = session.schedule().blockout(slug, blockout.pmsId()).orElse(null);
        session.schedule().saveBlockout(slug, blockout);
        Change<Blockout> change = new Change<>(before, blockout, scheduleVersion(session, slug));
        unit.afterCommit(() -> tellBlockout(slug, change));
    }

    @Override
    public boolean removeBlockout(String slug, String pmsId) {
        return inUnit(slug, unit -> removeBlockout(unit, pmsId));
    }

    private boolean removeBlockout(Unit unit, String pmsId) {
        String slug = unit.slug();
        StoreSession session = unit.session();
        Blockout before = session.schedule().blockout(slug, pmsId).orElse(null);
        if (before == null || !session.schedule().removeBlockout(slug, pmsId)) {
            return false;
        }
        Change<Blockout> change = new Change<>(before, null, scheduleVersion(session, slug));
        unit.afterCommit(() -> tellBlockout(slug, change));
        return true;
    }

    @Override
    public void client(String slug, Client client) {
        inUnit(slug, unit -> {
            storeClient(unit, client);
            return null;
        });
    }

    private static void storeClient(Unit unit, Client client) {
        required(client, "client");
        unit.session().clients().saveFromPms(unit.slug(), client);
    }

    @Override
    public void patient(String slug, Patient patient) {
        inUnit(slug, unit -> {
            storePatient(unit, patient);
            return null;
        });
    }

    private static void storePatient(Unit unit, Patient patient) {
        required(patient, "patient");
        unit.session().clients().savePatient(unit.slug(), patient);
    }

    @Override
    public void provider(String slug, Provider provider) {
        inUnit(slug, unit -> {
            storeProvider(unit, provider);
            return null;
        });
    }

    private static void storeProvider(Unit unit, Provider provider) {
        required(provider, "provider");
        StoreSession session = unit.session();
        String slug = unit.slug();
        // A PMS that sends only an id says nothing of the name; a name the practice gave is kept.
        boolean known = provider.name().equals(provider.id()) && session.practices().providers(slug).stream()
                .anyMatch(p -> p.id().equals(provider.id()));
        if (!known) {
            session.practices().saveProvider(slug, provider);
        }
    }

    @Override
    public void room(String slug, Room room) {
        inUnit(slug, unit -> {
            storeRoom(unit, room);
            return null;
        });
    }

    private static void storeRoom(Unit unit, Room room) {
        required(room, "room");
        StoreSession session = unit.session();
        String slug = unit.slug();
        boolean known = room.name().equals(room.id()) && session.practices().rooms(slug).stream()
                .anyMatch(r -> r.id().equals(room.id()));
        if (!known) {
            session.practices().saveRoom(slug, room);
        }
    }

    @Override
    public <T> T applyMessage(Mark mark, Function<ScheduleSync, T> writes) {
        if (mark == null || writes == null) {
            throw new InvalidInputException(mark == null ? "mark" : "writes", "is required");
        }
        return inUnit(mark.file().practiceSlug(), unit -> {
            T result = writes.apply(new Joined(unit));
            // after the writes, so that the file's row stays locked only while the transaction commits
            if (!unit.session().inboxJournal().advance(mark.file(), mark.message(), InboxJournal.Result.APPLIED,
                    clock.instant())) {
                throw new ConflictException(InboxJournal.ALREADY_RECORDED, "message " + mark.message() + " of "
                        + mark.file().name() + " was recorded before; its writes are not made again");
            }
            return result;
        });
    }

    /** Sets an appointment's status; false, and nothing told, when the PMS id is unknown. */
    private boolean setStatus(Unit unit, String pmsId, AppointmentStatus status) {
        String slug = unit.slug();
        StoreSession session = unit.session();
        Appointment before = session.schedule().appointment(slug, pmsId).orElse(null);
        if (before == null || !session.schedule().setAppointmentStatus(slug, pmsId, status)) {
            return false;
        }
        Appointment after = new Appointment(before.pmsId(), before.providerId(), before.roomId(), before.start(),
                before.end(), before.patientPmsId(), status, before.placerId());
        Change<Appointment> change = new Change<>(before, after, scheduleVersion(session, slug));
        Runnable follow = followVisit(session, slug, after);
        unit.afterCommit(() -> tellAppointment(slug, change));
        if (follow != null) {
            unit.afterCommit(follow);
        }
        return true;
    }

    /**
     * The practice's schedule version as this transaction sees it: without its own schedule writes, which
     * the store counts at commit.
     */
    private static long scheduleVersion(StoreSession session, String slug) {
        return session.practices().versions(slug).schedule();
    }

    // The change is committed: booking's index failing to follow it must not fail the sync.
    private void tellAppointment(String slug, Change<Appointment> change) {
        try {
            changes.appointmentChanged(slug, change.before(), change.after(), change.onVersion());
        } catch (RuntimeException e) {
            LOG.warn("Practice {}: booking could not take an appointment change; it reads the schedule again", slug,
                    e);
        }
    }

    private void tellBlockout(String slug, Change<Blockout> change) {
        try {
            changes.blockoutChanged(slug, change.before(), change.after(), change.onVersion());
        } catch (RuntimeException e) {
            LOG.warn("Practice {}: booking could not take a blockout change; it reads the schedule again", slug, e);
        }
    }

    /**
     * Moves an open request to the appointment's time, and ends the hold of the request the
     * appointment was booked for: the appointment keeps the time from now on, and if the PMS moves
     * or cancels it, the time follows. The request is locked before its hold, as booking does.
     *
     * @return the id of the open request to confirm; null when there is none
     */
    private static String reconcile(StoreSession session, String slug, Appointment appointment) {
        if (appointment.placerId() == null || !appointment.status().takesTime()
                || session.requests().find(slug, appointment.placerId()).isEmpty()) {
            return null;
        }
        Request request = session.requests().change(slug, appointment.placerId(),
                current -> awaitsBooking(current) ? booked(current, appointment) : current);
        session.holds().releaseFor(slug, request.id());
        return awaitsBooking(request) ? request.id() : null;
    }

    /** Open, or conflicted: the PMS may still book a request that lost its first time, at another one. */
    private static boolean awaitsBooking(Request request) {
        return request.status().isOpen() || request.status() == RequestStatus.CONFLICTED;
    }

    /** The open request at the time the PMS booked, its hold no longer needed. */
    private static Request booked(Request request, Appointment appointment) {
        Opening asked = request.opening();
        Opening booked = new Opening(asked.reasonId(),
                appointment.providerId() != null ? appointment.providerId() : asked.providerId(),
                appointment.roomId() != null ? appointment.roomId() : asked.roomId(),
                appointment.start(), appointment.end());
        return new Request(request.id(), request.practiceSlug(), booked, null, request.status(), request.client(),
                request.patient(), request.newClient(), request.memo(), request.staffNote(), request.createdAt(),
                request.decidedAt());
    }

    /**
     * Runs writes for one practice in a transaction, then what they left to do once it committed; the
     * practice must exist. Nothing of what is left is done when the transaction rolls back.
     */
    private <T> T inUnit(String slug, Function<Unit, T> work) {
        List<Runnable> afterCommit = new ArrayList<>();
        T result = store.call(session -> {
            session.practices().require(slug);
            return work.apply(new Unit(slug, session, afterCommit));
        });
        afterCommit.forEach(Runnable::run);
        return result;
    }

    /**
     * One transaction of sync for one practice.
     *
     * @param afterCommit what to do once it committed, in order: telling booking, confirming requests
     */
    private record Unit(String slug, StoreSession session, List<Runnable> afterCommit) {

        void afterCommit(Runnable step) {
            afterCommit.add(step);
        }
    }

    /**
     * The schedule copy as a message's writes see it: every call joins the message's transaction, and only the
     * practice of its file may be written.
     */
    private final class Joined implements ScheduleSync {

        private final Unit unit;

        Joined(Unit unit) {
            this.unit = unit;
        }

        @Override
        public void appointment(String slug, Appointment appointment) {
            storeAppointment(of(slug), appointment);
        }

        @Override
        public boolean cancelAppointment(String slug, String pmsId) {
            return setStatus(of(slug), pmsId, AppointmentStatus.CANCELLED);
        }

        @Override
        public boolean noShow(String slug, String pmsId) {
            return setStatus(of(slug), pmsId, AppointmentStatus.NO_SHOW);
        }

        @Override
        public void blockout(String slug, Blockout blockout) {
            storeBlockout(of(slug), blockout);
        }

        @Override
        public boolean removeBlockout(String slug, String pmsId) {
            return ScheduleSyncService.this.removeBlockout(of(slug), pmsId);
        }

        @Override
        public void client(String slug, Client client) {
            storeClient(of(slug), client);
        }

        @Override
        public void patient(String slug, Patient patient) {
            storePatient(of(slug), patient);
        }

        @Override
        public void provider(String slug, Provider provider) {
            storeProvider(of(slug), provider);
        }

        @Override
        public void room(String slug, Room room) {
            storeRoom(of(slug), room);
        }

        @Override
        public <T> T applyMessage(Mark mark, Function<ScheduleSync, T> writes) {
            throw new IllegalStateException("the writes of one message cannot apply another message");
        }

        private Unit of(String slug) {
            if (!unit.slug().equals(slug)) {
                throw new InvalidInputException("slug", "a message of practice '" + unit.slug()
                        + "' cannot write to practice '" + slug + "'");
            }
            return unit;
        }
    }

    /**
     * One committed change of the schedule copy.
     *
     * @param before    as stored before; null when there was none
     * @param after     as stored after; null when there is none
     * @param onVersion the schedule version the change was made on
     */
    private record Change<T>(T before, T after, long onVersion) {
    }

    private static void required(Object record, String field) {
        if (record == null) {
            throw new InvalidInputException(field, "is required");
        }
    }
}
