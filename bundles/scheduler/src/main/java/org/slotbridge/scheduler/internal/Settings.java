package org.slotbridge.scheduler.internal;

/**
 * The scheduler's configuration, checked.
 *
 * @param threads       how many works may run at once on this node
 * @param checkinMillis how often this node checks in with the cluster and looks for nodes that died
 */
record Settings(int threads, long checkinMillis) {

    static final Settings DEFAULT = new Settings(2, 7500);

    Settings {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1");
        }
        if (checkinMillis < 500) {
            throw new IllegalArgumentException("checkinMillis must be at least 500");
        }
    }

    /** @throws IllegalArgumentException naming the property that is out of range */
    static Settings of(SchedulerConfig config) {
        return new Settings(config.threads(), config.checkinMillis());
    }
}
