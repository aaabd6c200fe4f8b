package org.slotbridge.booking.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.slotbridge.api.Appointment;
import org.slotbridge.api.Blockout;
import org.slotbridge.api.Hold;
import org.slotbridge.api.Practice;
import org.slotbridge.api.WorkingHours;
import org.slotbridge.engine.Interval;
import org.slotbridge.engine.ScheduleSnapshot;
import org.slotbridge.store.HoldUnits;
import org.slotbridge.store.StoreSession;

/** Reads what the engine needs to know of a practice's schedule between two instants. */
final class Snapshots {

    private Snapshots() {
    }

    /**
     * The working hours and the busy time in {@code [from, to)}: appointments that take time,
     * blockouts (a practice-wide one under every provider who works) and holds live at {@code now}.
     * Holds count whole {@link HoldUnits units}, as they claim them, so that nothing is offered that
     * a hold could not take.
     *
     * @param ignoredHold a hold to leave out, such as the one a request being moved holds; may be null
     */
    static ScheduleSnapshot read(StoreSession session, Practice practice, Instant from, Instant to, Instant now,
                                 String ignoredHold) {
        String slug = practice.slug();
        Map<String, WorkingHours> hours = new HashMap<>();
        session.practices().workingHours(slug).forEach(h -> hours.put(h.providerId(), h));
        Map<String, List<Interval>> providerBusy = new HashMap<>();
        Map<String, List<Interval>> roomBusy = new HashMap<>();

        for (Appointment appointment : session.schedule().appointmentsTakingTime(slug, from, to)) {
            add(providerBusy, appointment.providerId(), appointment.start(), appointment.end());
            add(roomBusy, appointment.roomId(), appointment.start(), appointment.end());
        }
        for (Blockout blockout : session.schedule().blockouts(slug, from, to)) {
            if (blockout.providerId() == null) {
                hours.keySet().forEach(provider -> add(providerBusy, provider, blockout.start(), blockout.end()));
            } else {
                add(providerBusy, blockout.providerId(), blockout.start(), blockout.end());
            }
        }
        for (Hold hold : session.holds().live(slug, from, to, now)) {
            if (!hold.id().equals(ignoredHold)) {
                Instant start = HoldUnits.floor(hold.opening().start());
                Instant end = HoldUnits.ceil(hold.opening().end());
                add(providerBusy, hold.opening().providerId(), start, end);
                add(roomBusy, hold.opening().roomId(), start, end);
            }
        }
        return new ScheduleSnapshot(practice.zone(), hours, providerBusy, roomBusy);
    }

    private static void add(Map<String, List<Interval>> busy, String resource, Instant start, Instant end) {
        if (resource != null) {
            busy.computeIfAbsent(resource, r -> new ArrayList<>()).add(new Interval(start, end));
        }
    }
}
