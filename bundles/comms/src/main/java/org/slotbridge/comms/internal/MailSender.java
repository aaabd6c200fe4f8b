package org.slotbridge.comms.internal;

import java.util.HashMap;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.mail.MailComponent;
import org.apache.camel.component.mail.MailConfiguration;

/**
 * Sends plain-text email through camel-mail to one SMTP server. The component is configured in code
 * rather than through URI options, so addresses and passwords need no URI escaping.
 */
final class MailSender implements AutoCloseable {

    private final CamelContext camel;
    private final ProducerTemplate producer;
    private final String endpoint;

    /** Starts {@code camel}, which this sender then owns. */
    MailSender(CamelContext camel, MailConfig config) {
        MailConfiguration settings = new MailConfiguration(camel);
        settings.setFrom(config.from());
        settings.setConnectionTimeout(config.connectionTimeout());
        if (!config.username().isBlank()) {
            settings.setUsername(config.username());
            settings.setPassword(config._password());
        }
        MailComponent mail = new MailComponent(camel);
        mail.setConfiguration(settings);
        try {
            camel.addComponent("smtp", mail);
            camel.start();
            this.producer = camel.createProducerTemplate();
        } catch (RuntimeException e) {
            camel.stop();
            throw e;
        }
        this.camel = camel;
        this.endpoint = "smtp://" + config.host() + ":" + config.port();
    }

    /** Sends one email now; throws when the server refuses it or cannot be reached. */
    void send(StaffMail mail) {
        send(mail.to(), null, mail.subject(), mail.body());
    }

    /**
     * Sends one plain-text email now; throws when the server refuses it or cannot be reached.
     *
     * @param replyTo where answers go instead of the sender; null for the sender
     */
    void send(String to, String replyTo, String subject, String body) {
        Map<String, Object> headers = new HashMap<>();
        headers.put("To", to);
        headers.put("Subject", subject);
        headers.put("Content-Type", "text/plain; charset=UTF-8");
        if (replyTo != null) {
            headers.put("Reply-To", replyTo);
        }
        producer.sendBodyAndHeaders(endpoint, body, headers);
    }

    @Override
    public void close() {
        producer.stop();
        camel.stop();
    }
}
