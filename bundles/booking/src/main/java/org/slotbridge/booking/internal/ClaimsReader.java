package org.slotbridge.booking.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.slotbridge.api.Appointment;
import org.slotbridge.api.Hold;
import org.slotbridge.api.Opening;
import org.slotbridge.api.PracticeConfig;
import org.slotbridge.api.Reason;
import org.slotbridge.api.Timing;
import org.slotbridge.engine.Claims;
import org.slotbridge.store.HoldUnits;
import org.slotbridge.store.StoreSession;

/**
 * Reads what Slotbridge has handed out between two instants, for the engine.
 * <p>
 * <b>Held</b>: the openings of live holds, widened to the whole five-minute units they claim in the
 * database ({@link HoldUnits}); with a practice unit of 5, 10, 15 minutes and so on that changes nothing, with
 * a unit of 3 minutes it keeps the engine from offering a time that shares a unit with a hold.
 * <p>
 * <b>Booked</b>, the online bookings a daily cap counts, has to be counted from two places, since a
 * booking moves from one to the other:
 * <ul>
 * <li>live holds: a visitor's hold, a pending or proposed request, and a confirmed request whose visit
 * the PMS does not show yet all keep a hold. An unrequested hold counts too, so that visitors holding at
 * the same time cannot together pass the cap;</li>
 * <li>visits in the schedule copy booked through Slotbridge: appointments that take time and carry the
 * placer id the PMS echoed from the request. Sync ends the request's hold in the same transaction that
 * stores such a visit, so a booking is never counted in both places, and it keeps counting after the PMS
 * has it (otherwise the cap would open again as soon as the PMS confirmed the visit).</li>
 * </ul>
 * A visit booked online that the PMS reports without echoing the placer id cannot be told from a phone
 * booking; its request's hold then stays until the visit is past, so it still counts. The schedule copy
 * does not say which reason a visit was for, and the cap counts a provider's online bookings whatever
 * their reason, so such visits are counted under the reason being asked about.
 */
final class ClaimsReader {

    private ClaimsReader() {
    }

    /**
     * The claims within a window, as live at {@code now}.
     *
     * @param reasonId    the reason asked about
     * @param ignoredHold a hold to leave out, such as the one of a request being moved; may be null
     */
    static Claims read(StoreSession session, String slug, CachedIndex index, String reasonId, Reach.Window window,
                       Instant now, String ignoredHold) {
        return claims(session.holds().live(slug, window.from(), window.to(), now), index, reasonId, window,
                ignoredHold);
    }

    /**
     * The claims that can stand in the way of one opening of the reason, as the engine checks it: the live
     * holds on its provider and on the reason's rooms during the visit with the reason's buffers, or during its
     * whole local date when the reason has a daily cap, which counts the provider's bookings of that date. Other
     * holds cannot change the answer, and leaving them unread keeps a hold's cost the same however full the
     * schedule is. A unit more on each side covers holds that do not start and end on the practice's units.
     */
    static Claims readFor(StoreSession session, CachedPractice practice, Reason reason, Opening opening, Instant now,
                          String ignoredHold) {
        PracticeConfig config = practice.config();
        Timing timing = config.timing(reason);
        Instant from = opening.start();
        Instant to = opening.end();
        if (timing.dailyCap() > 0) {
            ZoneId zone = config.practice().zone();
            LocalDate date = practice.date(opening.start());
            from = date.atStartOfDay(zone).toInstant();
            to = date.plusDays(1).atStartOfDay(zone).toInstant();
        }
        Duration unit = Duration.ofMinutes(config.rules().unitMinutes());
        Reach.Window window = new Reach.Window(from.minus(timing.bufferBefore()).minus(unit),
                to.plus(timing.bufferAfter()).plus(unit));
        String slug = config.practice().slug();
        return claims(session.holds().liveOn(slug, opening.providerId(), reason.roomIds(), window.from(),
                window.to(), now), practice.index(), reason.id(), window, ignoredHold);
    }

    private static Claims claims(List<Hold> live, CachedIndex index, String reasonId, Reach.Window window,
                                 String ignoredHold) {
        List<Opening> held = new ArrayList<>();
        List<Opening> booked = new ArrayList<>();
        for (Hold hold : live) {
            if (!hold.id().equals(ignoredHold)) {
                held.add(asClaimed(hold.opening()));
                booked.add(hold.opening());
            }
        }
        for (Appointment visit : index.onlineVisits(window)) {
            booked.add(new Opening(reasonId, visit.providerId(), visit.roomId(), visit.start(), visit.end()));
        }
        return new Claims(held, booked);
    }

    /**
     * A held opening widened to the hold units it takes in the database. With a practice unit that is not a
     * multiple of {@link HoldUnits#UNIT}, an opening that only shares a unit with a hold could not be held,
     * so it must not be offered either.
     */
    private static Opening asClaimed(Opening opening) {
        Instant start = HoldUnits.floor(opening.start());
        Instant end = HoldUnits.ceil(opening.end());
        if (start.equals(opening.start()) && end.equals(opening.end())) {
            return opening;
        }
        return new Opening(opening.reasonId(), opening.providerId(), opening.roomId(), start, end);
    }
}
