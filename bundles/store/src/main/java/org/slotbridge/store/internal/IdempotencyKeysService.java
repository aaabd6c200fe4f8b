package org.slotbridge.store.internal;

import java.time.Clock;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slotbridge.api.InvalidInputException;
import org.slotbridge.api.service.IdempotencyKeys;
import org.slotbridge.store.Store;

/** Idempotency keys on the store, each call its own transaction, so that a claim is seen by all at once. */
@Component(service = IdempotencyKeys.class)
public final class IdempotencyKeysService implements IdempotencyKeys {

    /** The longest answer body and location kept, as long as their columns. */
    static final int BODY_MAX = 32000;
    static final int LOCATION_MAX = 2000;

    private final Store store;
    private final Clock clock;

    @Activate
    public IdempotencyKeysService(@Reference(name = "store") Store store) {
        this(store, Clock.systemUTC());
    }

    public IdempotencyKeysService(Store store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    public Claim claim(String slug, String key, String fingerprint) {
        if (key == null || key.isEmpty() || key.length() > KEY_MAX) {
            throw new InvalidInputException("key", "must have 1 to " + KEY_MAX + " characters");
        }
        if (fingerprint == null || fingerprint.isEmpty() || fingerprint.length() > 64) {
            throw new InvalidInputException("fingerprint", "must have 1 to 64 characters");
        }
        return store.call(session -> session.idempotency().claim(slug, key, fingerprint, clock.instant()));
    }

    @Override
    public boolean answer(String slug, String key, long token, Answer answer) {
        if (answer.body() != null && answer.body().length() > BODY_MAX
                || answer.location() != null && answer.location().length() > LOCATION_MAX) {
            // too long to keep: a repeat then does the work again, as if the first had failed
            release(slug, key, token);
            return false;
        }
        return store.call(session -> session.idempotency().answer(slug, key, token, answer));
    }

    @Override
    public void release(String slug, String key, long token) {
        store.run(session -> session.idempotency().release(slug, key, token));
    }
}
