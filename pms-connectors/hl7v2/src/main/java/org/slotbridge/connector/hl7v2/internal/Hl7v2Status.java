package org.slotbridge.connector.hl7v2.internal;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ConcurrentSkipListMap;

import org.osgi.service.component.annotations.Component;
import org.slotbridge.api.service.ConnectorStatus;

/**
 * How syncing goes for every practice an HL7 v2 connector instance serves. One service for the connector,
 * with one state per practice; each practice's instance reports here. Counts start at zero when the
 * instance starts.
 */
@Component(service = {ConnectorStatus.class, Hl7v2Status.class})
public class Hl7v2Status implements ConnectorStatus {

    static final String CONNECTOR = "hl7v2";

    private final ConcurrentMap<String, SyncState> states = new ConcurrentSkipListMap<>();

    @Override
    public String connector() {
        return CONNECTOR;
    }

    @Override
    public List<SyncState> states() {
        return List.copyOf(states.values());
    }

    void serving(String slug) {
        states.put(slug, new SyncState(slug, null, null, 0, 0, null, null));
    }

    void stopped(String slug) {
        states.remove(slug);
    }

    /**
     * Counts one file read.
     *
     * @param error what went wrong, free of personal data; null when nothing did
     */
    void fileRead(String slug, String file, Instant at, long applied, long failed, String error) {
        states.compute(slug, (key, old) -> {
            SyncState base = old != null ? old : new SyncState(slug, null, null, 0, 0, null, null);
            return new SyncState(slug, file, at, base.applied() + applied, base.failed() + failed,
                    error != null ? error : base.lastError(), error != null ? at : base.lastErrorAt());
        });
    }

    /** Records a problem that is not about one file, such as an outbox that cannot be written. */
    void problem(String slug, Instant at, String error) {
        states.computeIfPresent(slug, (key, old) -> new SyncState(slug, old.lastFile(), old.lastRunAt(),
                old.applied(), old.failed(), error, at));
    }
}
