package org.slotbridge.it;

import java.util.Arrays;
import java.util.List;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.junit.rules.ExternalResource;

/** An SMTP server in the test JVM that keeps what it receives; the container sends to it. */
final class MailServer extends ExternalResource {

    private final int port = ContainerOptions.freePort();
    private GreenMail greenMail;

    int port() {
        return port;
    }

    @Override
    protected void before() {
        greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
    }

    @Override
    protected void after() {
        greenMail.stop();
    }

    /** The subjects of every message received so far. */
    List<String> subjects() {
        return Arrays.stream(greenMail.getReceivedMessages()).map(MailServer::subject).toList();
    }

    /** The recipients of the message with this subject. */
    List<String> recipients(String subject) {
        return Arrays.stream(greenMail.getReceivedMessages())
                .filter(message -> subject.equals(subject(message)))
                .flatMap(message -> {
                    try {
                        return Arrays.stream(message.getAllRecipients()).map(Object::toString);
                    } catch (MessagingException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toList();
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
