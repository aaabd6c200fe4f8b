package org.slotbridge.store.internal.entity;

import java.time.Instant;

/**
 * Instants are stored as milliseconds since 1970-01-01T00:00Z in BIGINT columns: UTC by definition,
 * and unaffected by the zone of the JVM or the database, which a TIMESTAMP column is not.
 */
final class Times {

    private Times() {
    }

    static long millis(Instant instant) {
        return instant.toEpochMilli();
    }

    static Long millisOrNull(Instant instant) {
        return instant == null ? null : instant.toEpochMilli();
    }

    static Instant instant(long millis) {
        return Instant.ofEpochMilli(millis);
    }

    static Instant instantOrNull(Long millis) {
        return millis == null ? null : Instant.ofEpochMilli(millis);
    }
}
