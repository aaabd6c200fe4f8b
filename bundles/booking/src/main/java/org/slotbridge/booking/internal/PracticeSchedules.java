package org.slotbridge.booking.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slotbridge.api.Appointment;
import org.slotbridge.api.Blockout;
import org.slotbridge.api.PracticeConfig;
import org.slotbridge.booking.ScheduleChanges;
import org.slotbridge.store.Store;
import org.slotbridge.store.Versions;

/**
 * What the engine needs of each practice, kept between calls: the practice's configuration and an index
 * of its schedule copy from two days before today to three days after the longest horizon of the practice
 * and its reasons (UTC days, widened by the longest buffers), a day more each side than searches read, so
 * that an index serves the next day too.
 * <p>
 * Every call reads the practice's versions from the store, one small query. A newer configuration version
 * reloads the configuration; a newer schedule version rebuilds the index, unless the change was told
 * through {@link ScheduleChanges} first and applied in place; an index that no longer covers what today's
 * searches need is rebuilt too. A load that fails changes nothing that was cached.
 * <p>
 * Thread-safe: loads and changes of one practice happen one at a time, searches meanwhile read the
 * previous entry.
 * <p>
 * A component of its own that needs only the store, so that sync can reference it as well as
 * {@link org.slotbridge.api.service.Booking} without any cycle of references.
 */
@Component(service = {PracticeSchedules.class, ScheduleChanges.class})
public final class PracticeSchedules implements ScheduleChanges {

    private static final Logger LOG = LoggerFactory.getLogger(PracticeSchedules.class);

    private final Store store;
    private final ConcurrentMap<String, Slot> slots = new ConcurrentHashMap<>();
    private final AtomicLong builds = new AtomicLong();

    @Activate
    public PracticeSchedules(@Reference(name = "store") Store store) {
        this.store = store;
    }

    /**
     * The practice's configuration and schedule index, current as of the store's versions now.
     *
     * @throws org.slotbridge.api.NotFoundException when there is no such practice
     */
    CachedPractice current(String slug, Instant now) {
        Versions versions = store.call(session -> session.practices().versions(slug));
        Slot slot = slots.computeIfAbsent(slug, s -> new Slot());
        CachedPractice cached = slot.entry;
        if (cached != null && cached.isCurrent(versions, now)) {
            return cached;
        }
        synchronized (slot) {
            cached = slot.entry;
            if (cached != null && cached.isCurrent(versions, now)) {
                return cached;
            }
            try {
                CachedPractice loaded = load(slug, cached, versions, now);
                slot.entry = loaded;
                return loaded;
            } catch (RuntimeException e) {
                if (slot.entry == null) {
                    // nothing was ever loaded: leave no slot behind, for a practice that may not exist
                    slots.remove(slug, slot);
                }
                throw e;
            }
        }
    }

    /**
     * An index of the practice's schedule over the window, read now and not kept: for a question
     * about a time outside the cached index.
     */
    CachedIndex readOnce(String slug, PracticeConfig config, Reach.Window window) {
        return ScheduleLoader.load(store, slug, config.rules().unitMinutes(), window.from(), window.to());
    }

    /** How many indexes were read from the store since start; tests use it to tell a rebuild from an update. */
    long builds() {
        return builds.get();
    }

    @Override
    public void appointmentChanged(String slug, Appointment before, Appointment after, long onVersion) {
        change(slug, index -> index.apply(before, after, onVersion));
    }

    @Override
    public void blockoutChanged(String slug, Blockout before, Blockout after, long onVersion) {
        change(slug, index -> index.apply(before, after, onVersion));
    }

    private void change(String slug, Consumer<CachedIndex> apply) {
        Slot slot = slots.get(slug);
        if (slot == null) {
            return; // nothing cached: the next call reads the schedule anyway
        }
        synchronized (slot) {
            CachedPractice cached = slot.entry;
            if (cached == null) {
                return;
            }
            try {
                apply.accept(cached.index());
            } catch (RuntimeException e) {
                LOG.warn("Practice {}: a schedule change could not be applied to the index; it is read again", slug,
                        e);
            }
        }
    }

    private CachedPractice load(String slug, CachedPractice previous, Versions versions, Instant now) {
        PracticeConfig config;
        long configVersion;
        if (previous != null && previous.configVersion() >= versions.config()) {
            config = previous.config();
            configVersion = previous.configVersion();
        } else {
            // versions were read first, so the configuration read now is at least that version
            config = store.call(session -> session.practices().config(slug));
            configVersion = versions.config();
        }
        Reach reach = Reach.of(config);
        LocalDate today = LocalDate.ofInstant(now, config.practice().zone());
        CachedIndex index = previous == null ? null : previous.index();
        boolean usable = index != null && !index.stale() && index.version() >= versions.schedule()
                && index.index().unitMinutes() == config.rules().unitMinutes()
                && index.covers(reach.needed(today));
        if (!usable) {
            Reach.Window span = reach.built(today);
            index = ScheduleLoader.load(store, slug, config.rules().unitMinutes(), span.from(), span.to());
            builds.incrementAndGet();
            LOG.debug("Practice {}: schedule index read at version {}", slug, index.version());
        }
        return new CachedPractice(config, configVersion, reach, index);
    }

    /** One practice's place in the cache; its monitor orders the loads and changes of that practice. */
    private static final class Slot {
        volatile CachedPractice entry;
    }
}
