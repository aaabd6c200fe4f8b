package org.slotbridge.comms.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** How staff email leaves: one SMTP server for the whole installation. */
@ObjectClassDefinition(name = "Slotbridge staff email",
        description = "Emails each practice's address when a client sends a new request.")
@interface MailConfig {

    /** The configuration PID, as an operator writes it in etc/. */
    String PID = "org.slotbridge.comms.mail";

    @AttributeDefinition(name = "Enabled", description = "Send staff email at all.")
    boolean enabled() default true;

    @AttributeDefinition(name = "SMTP host")
    String host() default "localhost";

    @AttributeDefinition(name = "SMTP port", min = "1", max = "65535")
    int port() default 25;

    @AttributeDefinition(name = "Sender", description = "The From address of every staff email.")
    String from() default "slotbridge@localhost";

    @AttributeDefinition(name = "Username", description = "SMTP login; empty when the server needs none.")
    String username() default "";

    /**
     * The SMTP password, under the key {@code .password}: the leading dot keeps it out of the
     * properties of the published service, where anyone listing services would see it.
     */
    @AttributeDefinition(name = "Password", type = AttributeType.PASSWORD)
    String _password() default "";

    @AttributeDefinition(name = "Staff link",
            description = "The base URL staff reach Slotbridge at; each email links to the request below it.")
    String staffLink() default "http://localhost:8181";

    @AttributeDefinition(name = "Connection timeout", description = "Milliseconds to wait for the SMTP server.")
    int connectionTimeout() default 10000;
}
