package org.slotbridge.scheduler.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slotbridge.api.service.ScheduledWork;

/**
 * The works registered on this node, by name. One scheduler's jobs find it in that scheduler's context,
 * so two schedulers in one JVM (as in the tests) never run each other's works.
 */
final class Works {

    /** Its key in the scheduler context. */
    static final String KEY = "slotbridge.works";

    private final Map<String, ScheduledWork> byName = new ConcurrentHashMap<>();

    /** Registers {@code work} under its name; returns the work it replaced there, if any. */
    ScheduledWork put(String name, ScheduledWork work) {
        return byName.put(name, work);
    }

    /** Forgets {@code work} if it is still the one registered under {@code name}. */
    boolean remove(String name, ScheduledWork work) {
        return byName.remove(name, work);
    }

    /** The work of that name on this node, or null. */
    ScheduledWork get(String name) {
        return byName.get(name);
    }
}
