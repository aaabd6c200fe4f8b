package org.slotbridge.booking.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

import org.slotbridge.api.Appointment;
import org.slotbridge.api.Blockout;
import org.slotbridge.engine.ScheduleIndex;

/**
 * One practice's schedule copy as the engine reads it, at a known schedule version: the index of busy
 * time, and the visits booked through Slotbridge that the schedule copy now shows (appointments with a
 * placer id), which count towards daily caps.
 *
 * <p>Searches run under the read lock and changes under the write lock, so a search never sees half of a
 * change (an appointment removed from its old time and not yet added at its new one). Changes are made
 * by one thread at a time: the caller serialises them.
 */
final class CachedIndex {

    private final ScheduleIndex index;
    private final Map<String, Appointment> onlineVisits;
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private volatile long version;
    private volatile boolean stale;

    /**
     * @param index        the busy time, filled
     * @param onlineVisits visits booked through Slotbridge within the index's span, each taking time
     * @param version      the schedule version the index holds exactly
     * @param stale        true when the index may not hold exactly {@code version}, and must be read again
     */
    CachedIndex(ScheduleIndex index, List<Appointment> onlineVisits, long version, boolean stale) {
        this.index = index;
        this.onlineVisits = new HashMap<>();
        onlineVisits.forEach(visit -> this.onlineVisits.put(visit.pmsId(), visit));
        this.version = version;
        this.stale = stale;
    }

    ScheduleIndex index() {
        return index;
    }

    long version() {
        return version;
    }

    boolean stale() {
        return stale;
    }

    /** True when the index covers the window. */
    boolean covers(Reach.Window window) {
        return !index.from().isAfter(window.from()) && !index.to().isBefore(window.to());
    }

    /** Runs a read of the index that sees each change whole or not at all. */
    <T> T read(Supplier<T> search) {
        lock.readLock().lock();
        try {
            return search.get();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The visits booked through Slotbridge that overlap the window. */
    List<Appointment> onlineVisits(Reach.Window window) {
        return read(() -> {
            List<Appointment> found = new ArrayList<>();
            for (Appointment visit : onlineVisits.values()) {
                if (visit.start().isBefore(window.to()) && window.from().isBefore(visit.end())) {
                    found.add(visit);
                }
            }
            return found;
        });
    }

    /**
     * Applies an appointment change made on schedule version {@code onVersion}: in place when the index
     * holds exactly that version, after which it holds the next one. The caller serialises changes.
     *
     * @see #follows(long)
     */
    void apply(Appointment before, Appointment after, long onVersion) {
        change(onVersion, () -> {
            if (before != null) {
                if (before.status().takesTime()) {
                    index.remove(before);
                }
                onlineVisits.remove(before.pmsId());
            }
            if (after != null) {
                index.add(after);
                if (isOnlineVisit(after)) {
                    onlineVisits.put(after.pmsId(), after);
                }
            }
        });
    }

    /** As {@link #apply(Appointment, Appointment, long)}, for a blockout. */
    void apply(Blockout before, Blockout after, long onVersion) {
        change(onVersion, () -> {
            if (before != null) {
                index.remove(before);
            }
            if (after != null) {
                index.add(after);
            }
        });
    }

    private void change(long onVersion, Runnable edit) {
        if (!follows(onVersion)) {
            return;
        }
        lock.writeLock().lock();
        try {
            edit.run();
            version = onVersion + 1;
        } catch (RuntimeException e) {
            // half applied: only a rebuild can tell what the index holds now
            stale = true;
            throw e;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * True when a change made on schedule version {@code onVersion} is to be applied now: the index holds
     * exactly that version. An index past it either holds the change already, or has missed some other
     * change, and then the store's version is ahead of the index's and the next call reads the schedule
     * again; either way the change is left out. An index behind it has missed a change, and is marked stale.
     * <p>
     * So the index's version never runs ahead of the store's, and equals it only while the index holds
     * every change the store counted.
     */
    private boolean follows(long onVersion) {
        if (stale || onVersion < version) {
            return false;
        }
        if (onVersion > version) {
            stale = true;
            return false;
        }
        return true;
    }

    /**
     * True for an appointment booked through Slotbridge that counts as an online booking of its provider:
     * the PMS echoed the request's id as placer id, it still takes time, and it names its provider.
     */
    static boolean isOnlineVisit(Appointment appointment) {
        return appointment.placerId() != null && appointment.status().takesTime() && appointment.providerId() != null;
    }
}
