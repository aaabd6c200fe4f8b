package org.slotbridge.booking.internal;

import java.time.Duration;

import org.slotbridge.engine.SearchRules;

/**
 * The booking configuration, checked.
 *
 * @param holdLife   how long a hold lasts before it lapses
 * @param rules      the search rules of every practice
 * @param sweepEvery how often lapsed and past holds are deleted
 */
record Settings(Duration holdLife, SearchRules rules, Duration sweepEvery) {

    static final Settings DEFAULT = new Settings(Duration.ofMinutes(10), SearchRules.DEFAULT, Duration.ofMinutes(1));

    Settings {
        if (holdLife.isNegative() || holdLife.isZero()) {
            throw new IllegalArgumentException("holdMinutes must be at least 1");
        }
        if (sweepEvery.getSeconds() < 1) {
            throw new IllegalArgumentException("sweepSeconds must be at least 1");
        }
    }

    /** @throws IllegalArgumentException naming the property that is out of range */
    static Settings of(BookingConfig config) {
        return new Settings(Duration.ofMinutes(config.holdMinutes()),
                new SearchRules(Duration.ofMinutes(config.gridMinutes()), Duration.ofMinutes(config.noticeMinutes()),
                        config.horizonDays()),
                Duration.ofSeconds(config.sweepSeconds()));
    }
}
