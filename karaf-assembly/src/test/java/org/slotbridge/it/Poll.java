package org.slotbridge.it;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/** Waits for a condition with a deadline: the container works asynchronously, tests must not guess. */
final class Poll {

    private static final long INTERVAL_MILLIS = 250;

    private Poll() {
    }

    /**
     * The first non-null value the probe returns before the deadline.
     *
     * @throws AssertionError naming what was awaited, with the last failure seen, when time runs out
     */
    static <T> T until(Duration limit, String what, Supplier<T> probe) {
        Instant deadline = Instant.now().plus(limit);
        RuntimeException last = null;
        while (true) {
            try {
                T value = probe.get();
                if (value != null) {
                    return value;
                }
            } catch (RuntimeException e) {
                last = e;
            }
            if (Instant.now().isAfter(deadline)) {
                AssertionError error = new AssertionError("timed out after " + limit.toSeconds() + " s: " + what);
                if (last != null) {
                    error.initCause(last);
                }
                throw error;
            }
            try {
                Thread.sleep(INTERVAL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting: " + what, e);
            }
        }
    }
}
