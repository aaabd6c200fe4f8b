package org.slotbridge.engine;

import java.time.Instant;
import java.util.List;

import org.slotbridge.api.Opening;
import org.slotbridge.api.Preferences;
import org.slotbridge.api.Reason;

/** Finds the openings of one reason in one practice's schedule. Thread-safe and stateless. */
public final class OpeningFinder {

    /**
     * The openings that fit the reason, the rules and the client's preferences, earliest first and,
     * at the same instant, ordered by provider id.
     */
    public List<Opening> find(ScheduleSnapshot schedule, Reason reason, Preferences preferences, Instant now,
                              SearchRules rules) {
        throw new UnsupportedOperationException("not written yet");
    }

    /** True when {@link #find} would offer exactly this opening on its date. */
    public boolean offers(ScheduleSnapshot schedule, Reason reason, Opening opening, Instant now, SearchRules rules) {
        throw new UnsupportedOperationException("not written yet");
    }
}
