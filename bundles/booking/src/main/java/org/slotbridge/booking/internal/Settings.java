package org.slotbridge.booking.internal;

import java.time.Duration;

/**
 * The booking configuration, checked. How openings are laid out is no longer here: each practice sets it
 * in its rules ({@link org.slotbridge.api.PracticeRules#timing()}).
 *
 * @param holdLife   how long a hold lasts before it lapses
 * @param sweepEvery how often lapsed and past holds are deleted, and requests nobody decided on in time expire
 * @param answerLife how long the client has to answer a proposal before it expires
 */
record Settings(Duration holdLife, Duration sweepEvery, Duration answerLife) {

    private static final Duration DEFAULT_ANSWER_LIFE = Duration.ofHours(48);

    static final Settings DEFAULT = new Settings(Duration.ofMinutes(10), Duration.ofMinutes(1), DEFAULT_ANSWER_LIFE);

    Settings {
        if (holdLife.isNegative() || holdLife.isZero()) {
            throw new IllegalArgumentException("holdMinutes must be at least 1");
        }
        if (answerLife.toMinutes() < 1) {
            throw new IllegalArgumentException("answerHours must be at least 1");
        }
        if (sweepEvery.getSeconds() < 1) {
            throw new IllegalArgumentException("sweepSeconds must be at least 1");
        }
    }

    /** @throws IllegalArgumentException naming the property that is out of range */
    static Settings of(BookingConfig config) {
        return new Settings(Duration.ofMinutes(config.holdMinutes()), Duration.ofSeconds(config.sweepSeconds()),
                Duration.ofHours(config.answerHours()));
    }
}
