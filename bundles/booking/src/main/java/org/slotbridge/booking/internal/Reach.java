package org.slotbridge.booking.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.slotbridge.api.PracticeConfig;
import org.slotbridge.api.Reason;
import org.slotbridge.api.Timing;

/**
 * How far the searches of one practice reach: the longest horizon and the longest buffers of the practice
 * and its reasons.
 *
 * @param horizonDays  the longest horizon
 * @param bufferBefore the longest buffer before a visit
 * @param bufferAfter  the longest buffer after a visit
 */
record Reach(int horizonDays, Duration bufferBefore, Duration bufferAfter) {

    static Reach of(PracticeConfig config) {
        Timing practice = config.rules().timing();
        int horizon = practice.horizonDays();
        Duration before = practice.bufferBefore();
        Duration after = practice.bufferAfter();
        for (Reason reason : config.reasons()) {
            Timing own = config.timing(reason);
            horizon = Math.max(horizon, own.horizonDays());
            before = longer(before, own.bufferBefore());
            after = longer(after, own.bufferAfter());
        }
        return new Reach(horizon, before, after);
    }

    /**
     * The busy time a search over the local dates {@code first} to {@code last} reads, as the engine
     * counts it: from the UTC start of the day before {@code first}, less the buffer before, to the UTC
     * end of the day after {@code last}, plus the buffer after. It holds every instant of those local
     * dates, whatever the zone.
     */
    Window around(LocalDate first, LocalDate last) {
        return new Window(first.minusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minus(bufferBefore),
                last.plusDays(2).atStartOfDay(ZoneOffset.UTC).toInstant().plus(bufferAfter));
    }

    /** What the searches made on {@code today} read at most: today to the horizon. */
    Window needed(LocalDate today) {
        return around(today, today.plusDays(horizonDays));
    }

    /** What an index built on {@code today} covers: a day more on each side, so that it serves tomorrow too. */
    Window built(LocalDate today) {
        return around(today.minusDays(1), today.plusDays(horizonDays + 1L));
    }

    private static Duration longer(Duration a, Duration b) {
        return b.compareTo(a) > 0 ? b : a;
    }

    /** Real time from {@code from} to {@code to}. */
    record Window(Instant from, Instant to) {
    }
}
