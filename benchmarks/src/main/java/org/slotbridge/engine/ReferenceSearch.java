package org.slotbridge.engine;

import java.time.Instant;
import java.util.List;

import org.slotbridge.api.Appointment;
import org.slotbridge.api.Blockout;
import org.slotbridge.api.Opening;
import org.slotbridge.api.PracticeConfig;
import org.slotbridge.api.Preferences;

/**
 * Opens the engine tests' slow, literal search (package-private there) to the benchmarks. It reads
 * the raw configuration, appointments, blockouts and claims, not the index. The reference keeps the
 * answers it has worked out, so each search here starts a new one and works the answer out again.
 */
public final class ReferenceSearch {

    private final PracticeConfig config;
    private final List<Appointment> appointments;
    private final List<Blockout> blockouts;
    private final Claims claims;

    public ReferenceSearch(PracticeConfig config, List<Appointment> appointments, List<Blockout> blockouts,
                           Claims claims) {
        this.config = config;
        this.appointments = List.copyOf(appointments);
        this.blockouts = List.copyOf(blockouts);
        this.claims = claims;
    }

    public List<Opening> find(String reasonId, Preferences preferences, Instant now) {
        return new ReferenceFinder(config, appointments, blockouts, claims).find(reasonId, preferences, now);
    }
}
