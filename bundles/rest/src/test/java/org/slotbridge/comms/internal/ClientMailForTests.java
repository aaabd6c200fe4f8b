package org.slotbridge.comms.internal;

import java.lang.reflect.Proxy;
import java.util.Map;

import org.apache.camel.impl.DefaultCamelContext;
import org.slotbridge.api.Practice;
import org.slotbridge.api.Request;
import org.slotbridge.api.service.Booking;
import org.slotbridge.api.service.ClientLinks;
import org.slotbridge.api.service.PracticeDirectory;
import org.slotbridge.api.service.RequestListener;

/** Comms' client emails for the API tests: the real notifier, on a Camel context of its own, to one SMTP port. */
public final class ClientMailForTests implements RequestListener, AutoCloseable {

    private final ClientMailNotifier notifier;

    private ClientMailForTests(ClientMailNotifier notifier) {
        this.notifier = notifier;
    }

    /** Sends through {@code localhost:smtpPort}, linking below {@code portalLink}. */
    public static ClientMailForTests start(int smtpPort, String portalLink, PracticeDirectory directory,
                                           Booking booking, ClientLinks links) {
        Map<String, Object> values = Map.of("host", "localhost", "port", smtpPort, "portalLink", portalLink,
                "from", "bookings@slotbridge.example");
        MailConfig config = (MailConfig) Proxy.newProxyInstance(MailConfig.class.getClassLoader(),
                new Class<?>[] {MailConfig.class}, (proxy, method, args) -> values.containsKey(method.getName())
                        ? values.get(method.getName()) : method.getDefaultValue());
        return new ClientMailForTests(new ClientMailNotifier(config, directory, booking, links,
                new DefaultCamelContext()));
    }

    @Override
    public void requestChanged(Practice practice, Request request) {
        notifier.requestChanged(practice, request);
    }

    /** Waits until every email queued so far has been tried; false when that takes too long. */
    public boolean drain(long timeoutMillis) throws InterruptedException {
        return notifier.drain(timeoutMillis);
    }

    @Override
    public void close() {
        notifier.stop();
    }
}
