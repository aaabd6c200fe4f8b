package org.slotbridge.store;

import java.util.function.Consumer;
import java.util.function.Function;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Runs work on the database, one transaction per call. Registered once the schema is up to date.
 * <p>
 * The transaction commits when the work returns and rolls back when it throws. A
 * {@link org.slotbridge.api.SlotbridgeException} thrown by the work or a repository passes through
 * unchanged; a lock the database could not give in time (a deadlock, a lock timeout) becomes a
 * {@link org.slotbridge.api.ConflictException} with code {@code busy}, worth trying again; any other
 * database failure becomes a {@link StoreException}. Values returned are plain api values, safe to
 * use after the call.
 */
@ProviderType
public interface Store {

    /** Runs {@code work} in one transaction and returns what it returned. */
    <T> T call(Function<StoreSession, T> work);

    /** Runs {@code work} in one transaction. */
    default void run(Consumer<StoreSession> work) {
        call(session -> {
            work.accept(session);
            return null;
        });
    }
}
