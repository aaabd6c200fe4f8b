package org.slotbridge.booking.internal;

import java.time.Instant;
import java.time.LocalDate;

import org.slotbridge.api.PracticeConfig;
import org.slotbridge.store.Versions;

/**
 * One practice as cached: its configuration at a configuration version, and its schedule index.
 *
 * @param config        the practice's checked configuration
 * @param configVersion the configuration version it was read at, or a later one
 * @param reach         how far its searches reach
 * @param index         the schedule index, changed in place as sync applies changes
 */
record CachedPractice(PracticeConfig config, long configVersion, Reach reach, CachedIndex index) {

    /** True when the store has committed nothing newer than this entry, and it covers today's searches. */
    boolean isCurrent(Versions versions, Instant now) {
        return configVersion >= versions.config() && !index.stale() && index.version() >= versions.schedule()
                && index.covers(reach.needed(today(now)));
    }

    /** Today in the practice's zone. */
    LocalDate today(Instant now) {
        return LocalDate.ofInstant(now, config.practice().zone());
    }

    /** The busy time a search or check on the local dates {@code first} to {@code last} reads. */
    Reach.Window around(LocalDate first, LocalDate last) {
        return reach.around(first, last);
    }

    /** The local date an instant shows in the practice. */
    LocalDate date(Instant instant) {
        return LocalDate.ofInstant(instant, config.practice().zone());
    }
}
