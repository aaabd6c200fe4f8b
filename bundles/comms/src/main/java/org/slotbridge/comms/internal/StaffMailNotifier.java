package org.slotbridge.comms.internal;

import org.apache.camel.CamelContext;
import org.apache.camel.core.osgi.OsgiDefaultCamelContext;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slotbridge.api.NotFoundException;
import org.slotbridge.api.Practice;
import org.slotbridge.api.Provider;
import org.slotbridge.api.Request;
import org.slotbridge.api.RequestStatus;
import org.slotbridge.api.service.PracticeDirectory;
import org.slotbridge.api.service.RequestListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Emails a practice's address when a client sends a new request. Sending happens on one background
 * thread, so a slow SMTP server never holds up the client who booked.
 *
 * <p>Emails not yet sent when the component stops, and emails the server refused, are logged and not
 * retried: staff still find every request in the control panel.
 */
@Component(service = RequestListener.class, configurationPid = MailConfig.PID)
@Designate(ocd = MailConfig.class)
public class StaffMailNotifier implements RequestListener {

    private static final Logger LOG = LoggerFactory.getLogger(StaffMailNotifier.class);

    private final PracticeDirectory directory;
    private final MailConfig config;
    private final MailSender sender;
    private final MailQueue queue = new MailQueue("slotbridge-staff-mail");

    @Activate
    public StaffMailNotifier(BundleContext context, MailConfig config,
                             @Reference(name = "directory") PracticeDirectory directory) {
        this(config, directory, config.enabled() ? camel(context) : null);
    }

    StaffMailNotifier(MailConfig config, PracticeDirectory directory, CamelContext camel) {
        this.directory = directory;
        this.config = config;
        this.sender = camel == null || !config.enabled() ? null : new MailSender(camel, config);
        LOG.debug("Staff email {} via {}:{}", config.enabled() ? "enabled" : "disabled",
                config.host(), config.port());
    }

    private static CamelContext camel(BundleContext context) {
        OsgiDefaultCamelContext camel = new OsgiDefaultCamelContext(context);
        camel.setName("slotbridge-staff-mail");
        return camel;
    }

    @Deactivate
    void stop() {
        int unsent = queue.stop(config.connectionTimeout() + 5000L);
        if (unsent > 0) {
            LOG.warn("Stopped with {} staff emails unsent", unsent);
        }
        if (sender != null) {
            sender.close();
        }
    }

    @Override
    public void requestChanged(Practice practice, Request request) {
        if (sender == null || request.status() != RequestStatus.PENDING) {
            return;
        }
        if (practice.email() == null || practice.email().isBlank()) {
            LOG.debug("Practice {} has no email address; request {} not emailed",
                    practice.slug(), request.id());
            return;
        }
        StaffMail mail = StaffMail.newRequest(practice, request, reasonName(practice, request),
                providerName(practice, request), config.staffLink());
        if (!queue.offer(() -> send(practice, request, mail))) {
            LOG.warn("Staff email for request {} of practice {} dropped: too many waiting or stopping",
                    request.id(), practice.slug());
        }
    }

    /** Waits until every email queued so far has been tried; false when that takes too long. */
    boolean drain(long timeoutMillis) throws InterruptedException {
        return queue.drain(timeoutMillis);
    }

    private void send(Practice practice, Request request, StaffMail mail) {
        try {
            sender.send(mail);
            LOG.info("Emailed practice {} about request {}", practice.slug(), request.id());
        } catch (RuntimeException e) {
            // the server's reply names only the server and the practice's address, never the body
            LOG.warn("Could not email practice {} about request {}: {}", practice.slug(), request.id(),
                    rootMessage(e));
            LOG.debug("Staff email failure for request {}", request.id(), e);
        }
    }

    private String reasonName(Practice practice, Request request) {
        String reasonId = request.opening().reasonId();
        try {
            return directory.reason(practice.slug(), reasonId).name();
        } catch (NotFoundException e) {
            return reasonId;
        }
    }

    private String providerName(Practice practice, Request request) {
        String providerId = request.opening().providerId();
        return directory.providers(practice.slug()).stream()
                .filter(provider -> provider.id().equals(providerId))
                .map(Provider::name)
                .findFirst()
                .orElse(providerId);
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        for (int depth = 0; root.getCause() != null && depth < 10; depth++) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
