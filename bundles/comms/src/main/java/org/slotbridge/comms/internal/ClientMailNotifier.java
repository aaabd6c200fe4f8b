package org.slotbridge.comms.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.apache.camel.CamelContext;
import org.apache.camel.core.osgi.OsgiDefaultCamelContext;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slotbridge.api.Client;
import org.slotbridge.api.NotFoundException;
import org.slotbridge.api.Opening;
import org.slotbridge.api.Practice;
import org.slotbridge.api.Request;
import org.slotbridge.api.service.Booking;
import org.slotbridge.api.service.ClientLinks;
import org.slotbridge.api.service.PracticeDirectory;
import org.slotbridge.api.service.RequestListener;

/**
 * Emails the client of a request at each step they did not take themselves: received, moved to a time offered
 * instead, another time proposed, the time lost to a visit the PMS booked, confirmed, declined, expired (see
 * {@link ClientMail}). Only requests with a client email address are written to. Each email carries a link
 * with a token of its own ({@link ClientLinks}), below the configured {@code portalLink}.
 * <p>
 * Sending happens on one background thread. An email that cannot be sent is logged by request id and
 * practice only, never by address or name, and not retried; the step of the request that caused it stands.
 */
@Component(service = RequestListener.class, configurationPid = MailConfig.PID)
public class ClientMailNotifier implements RequestListener {

    private static final Logger LOG = LoggerFactory.getLogger(ClientMailNotifier.class);
    /** Anything shaped like an address, as a mail server's refusal may quote it. */
    private static final Pattern ADDRESS = Pattern.compile("[^\\s<>\"'(),;:]+@[^\\s<>\"'(),;:]+");

    private final MailConfig config;
    private final PracticeDirectory directory;
    private final Booking booking;
    private final ClientLinks links;
    private final MailSender sender;
    private final MailQueue queue = new MailQueue("slotbridge-client-mail");

    @Activate
    public ClientMailNotifier(BundleContext context, MailConfig config,
                              @Reference(name = "directory") PracticeDirectory directory,
                              @Reference(name = "booking") Booking booking,
                              @Reference(name = "links") ClientLinks links) {
        this(config, directory, booking, links, sends(config) ? camel(context) : null);
    }

    ClientMailNotifier(MailConfig config, PracticeDirectory directory, Booking booking, ClientLinks links,
                       CamelContext camel) {
        this.config = config;
        this.directory = directory;
        this.booking = booking;
        this.links = links;
        this.sender = camel == null || !sends(config) ? null : new MailSender(camel, config);
        LOG.debug("Client email {}", sender == null ? "disabled" : "enabled");
    }

    private static boolean sends(MailConfig config) {
        return config.enabled() && config.clientEmail();
    }

    private static CamelContext camel(BundleContext context) {
        OsgiDefaultCamelContext camel = new OsgiDefaultCamelContext(context);
        camel.setName("slotbridge-client-mail");
        return camel;
    }

    @Deactivate
    void stop() {
        int unsent = queue.stop(config.connectionTimeout() + 5000L);
        if (unsent > 0) {
            LOG.warn("Stopped with {} client emails unsent", unsent);
        }
        if (sender != null) {
            sender.close();
        }
    }

    @Override
    public void requestChanged(Practice practice, Request request) {
        ClientMail.Event event = ClientMail.event(request);
        if (sender == null || event == null) {
            return;
        }
        Client client = request.client();
        if (client == null || client.email() == null || client.email().isBlank()) {
            LOG.debug("Request {} of practice {} has no client email address; the client is not emailed",
                    request.id(), practice.slug());
            return;
        }
        // read now: by the time the email is written the request may have moved on, and its alternatives with it
        List<Opening> alternatives = event == ClientMail.Event.CONFLICTED ? alternatives(practice, request) : List.of();
        if (!queue.offer(() -> send(event, practice, request, alternatives))) {
            LOG.warn("Client email for request {} of practice {} dropped: too many waiting or stopping",
                    request.id(), practice.slug());
        }
    }

    /** Waits until every email queued so far has been tried; false when that takes too long. */
    boolean drain(long timeoutMillis) throws InterruptedException {
        return queue.drain(timeoutMillis);
    }

    private void send(ClientMail.Event event, Practice practice, Request request, List<Opening> alternatives) {
        String slug = practice.slug();
        try {
            String token = links.issue(slug, request.id());
            String base = root(config.portalLink());
            ClientMail.Details details = new ClientMail.Details(reasonName(slug, request), providerNames(slug),
                    alternatives, base + "/" + ClientLinks.path(slug, request.id(), token), base + "/p/" + slug + "/");
            ClientMail mail = ClientMail.of(event, practice, request, details);
            sender.send(mail.to(), mail.replyTo(), mail.subject(), mail.body());
            LOG.info("Emailed the client of request {} of practice {}: {}", request.id(), slug, event);
        } catch (RuntimeException e) {
            LOG.warn("Could not email the client of request {} of practice {} ({}): {}", request.id(), slug, event,
                    describe(e));
        }
    }

    private List<Opening> alternatives(Practice practice, Request request) {
        try {
            return booking.alternatives(practice.slug(), request.id());
        } catch (RuntimeException e) {
            LOG.warn("Request {} of practice {}: the times offered instead could not be read; the client is told"
                    + " of none: {}", request.id(), practice.slug(), describe(e));
            return List.of();
        }
    }

    private String reasonName(String slug, Request request) {
        String reasonId = request.opening().reasonId();
        try {
            return directory.reason(slug, reasonId).name();
        } catch (NotFoundException e) {
            return reasonId;
        }
    }

    private Map<String, String> providerNames(String slug) {
        Map<String, String> names = new HashMap<>();
        directory.providers(slug).forEach(provider -> names.putIfAbsent(provider.id(), provider.name()));
        return names;
    }

    private static String root(String base) {
        String trimmed = base.strip();
        return trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }

    /** The innermost cause, its message without any address in it: logs name no client. */
    static String describe(Throwable failure) {
        Throwable root = failure;
        for (int depth = 0; root.getCause() != null && depth < 10; depth++) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? "" : ADDRESS.matcher(root.getMessage()).replaceAll("<address>");
        return root.getClass().getSimpleName() + ": " + message.replaceAll("[\\r\\n]+", " ").strip();
    }
}
