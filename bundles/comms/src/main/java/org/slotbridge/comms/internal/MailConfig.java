package org.slotbridge.comms.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** How email leaves, to staff and to clients: one SMTP server for the whole installation. */
@ObjectClassDefinition(name = "Slotbridge email",
        description = "Emails each practice's address when a client sends a new request, and each client at the"
                + " steps of their request.")
@interface MailConfig {

    /** The configuration PID, as an operator writes it in etc/. */
    String PID = "org.slotbridge.comms.mail";

    @AttributeDefinition(name = "Enabled", description = "Send email at all, to staff or clients.")
    boolean enabled() default true;

    @AttributeDefinition(name = "SMTP host")
    String host() default "localhost";

    @AttributeDefinition(name = "SMTP port", min = "1", max = "65535")
    int port() default 25;

    @AttributeDefinition(name = "Sender", description = "The From address of every email.")
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

    @AttributeDefinition(name = "Client email",
            description = "Email the client of each request that gives an address: received, another time proposed,"
                    + " time lost to the PMS, confirmed, declined, expired.")
    boolean clientEmail() default true;

    @AttributeDefinition(name = "Portal link",
            description = "The public base URL clients reach Slotbridge at; each client email links to the"
                    + " request's page below it, <portalLink>/p/<slug>/requests/<id>?token=...")
    String portalLink() default "http://localhost:8181";

    @AttributeDefinition(name = "Connection timeout", description = "Milliseconds to wait for the SMTP server.")
    int connectionTimeout() default 10000;
}
