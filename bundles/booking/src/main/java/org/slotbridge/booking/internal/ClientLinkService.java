package org.slotbridge.booking.internal;

import java.time.Clock;
import java.time.Instant;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slotbridge.api.NotFoundException;
import org.slotbridge.api.service.ClientLinks;
import org.slotbridge.store.Store;

/**
 * Gives each message to a client a token of its own for their link: 256 random bits, of which only the
 * SHA-256 hash is stored beside the request's other tokens ({@link ClientTokens}). {@link BookingService}
 * accepts any of them.
 */
@Component(service = ClientLinks.class)
public final class ClientLinkService implements ClientLinks {

    private final Store store;
    private final Clock clock;

    @Activate
    public ClientLinkService(@Reference(name = "store") Store store) {
        this(store, Clock.systemUTC());
    }

    ClientLinkService(Store store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    public String issue(String slug, String requestId) {
        String token = ClientTokens.next();
        Instant now = clock.instant();
        store.run(session -> {
            session.practices().require(slug);
            if (session.requests().find(slug, requestId).isEmpty()) {
                throw new NotFoundException("request", requestId);
            }
            session.requests().addClientTokenHash(slug, requestId, ClientTokens.hash(token), now);
        });
        return token;
    }
}
