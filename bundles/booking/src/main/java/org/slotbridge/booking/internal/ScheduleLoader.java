package org.slotbridge.booking.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.slotbridge.api.Appointment;
import org.slotbridge.api.Blockout;
import org.slotbridge.engine.ScheduleIndex;
import org.slotbridge.store.Store;

/** Reads a practice's schedule copy from the store into a new index, at one schedule version. */
final class ScheduleLoader {

    /** Reads tried before an index is kept that must be read again on the next call. */
    private static final int ATTEMPTS = 3;

    private ScheduleLoader() {
    }

    /**
     * The appointments that take time and the blockouts overlapping {@code [from, to)}, indexed.
     * <p>
     * The schedule version is read before the schedule, and again in a later transaction: when both
     * agree, no change was committed in between, so the index holds exactly that version and later
     * changes can be applied to it one by one. When they differ the read is tried again; a schedule
     * that keeps changing gives an index marked stale, right for this call and read again on the next.
     */
    static CachedIndex load(Store store, String slug, int unitMinutes, Instant from, Instant to) {
        Read read = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            read = store.call(session -> {
                long version = session.practices().versions(slug).schedule();
                List<Appointment> appointments = session.schedule().appointmentsTakingTime(slug, from, to);
                List<Blockout> blockouts = session.schedule().blockouts(slug, from, to);
                return new Read(version, appointments, blockouts);
            });
            long after = store.call(session -> session.practices().versions(slug).schedule());
            if (after == read.version()) {
                return read.index(unitMinutes, from, to, false);
            }
        }
        return read.index(unitMinutes, from, to, true);
    }

    /** What one transaction read. */
    private record Read(long version, List<Appointment> appointments, List<Blockout> blockouts) {

        CachedIndex index(int unitMinutes, Instant from, Instant to, boolean stale) {
            ScheduleIndex index = new ScheduleIndex(unitMinutes, from, to);
            List<Appointment> onlineVisits = new ArrayList<>();
            for (Appointment appointment : appointments) {
                index.add(appointment);
                if (CachedIndex.isOnlineVisit(appointment)) {
                    onlineVisits.add(appointment);
                }
            }
            blockouts.forEach(index::add);
            return new CachedIndex(index, onlineVisits, version, stale);
        }
    }
}
