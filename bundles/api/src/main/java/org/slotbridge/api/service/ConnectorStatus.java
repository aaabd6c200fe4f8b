package org.slotbridge.api.service;

import java.time.Instant;
import java.util.List;

/** Registered by each connector so operators can see how syncing goes, per practice. */
public interface ConnectorStatus {

    /** The connector's short name, such as {@code hl7v2}. */
    String connector();

    /** One state per practice the connector serves. */
    List<SyncState> states();

    /**
     * How syncing one practice went.
     *
     * @param practiceSlug  the practice
     * @param lastFile      the name of the last file read; null before the first
     * @param lastRunAt     when the last file was read; null before the first
     * @param applied       messages applied since start
     * @param failed        messages set aside since start
     * @param lastError     what went wrong last, without personal data; null when nothing has
     * @param lastErrorAt   when it went wrong; null when nothing has
     */
    record SyncState(String practiceSlug, String lastFile, Instant lastRunAt, long applied, long failed,
                     String lastError, Instant lastErrorAt) {
    }
}
