package org.slotbridge.connector.hl7v2.internal;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Clock;

import ca.uhn.hl7v2.HapiContext;
import org.apache.camel.CamelContext;
import org.apache.camel.ExtendedCamelContext;
import org.apache.camel.core.osgi.OsgiDefaultCamelContext;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slotbridge.api.InvalidInputException;
import org.slotbridge.api.Practice;
import org.slotbridge.api.Request;
import org.slotbridge.api.Slugs;
import org.slotbridge.api.service.InboxJournal;
import org.slotbridge.api.service.PracticeDirectory;
import org.slotbridge.api.service.RequestEvents;
import org.slotbridge.api.service.RequestListener;
import org.slotbridge.api.service.ScheduleSync;

/**
 * The HL7 v2 connector of one practice: one factory configuration
 * ({@code etc/org.slotbridge.connector.hl7v2-<name>.cfg}) per practice. It runs its own Camel context with
 * one route that reads the inbox into the schedule copy, and writes every change of the practice's
 * requests to the outbox as an SIU file ({@link OutboxDelivery}), also the changes made on other nodes.
 *
 * <p>A request change that cannot be written to the outbox is logged and shown in the connector status, and
 * written at a later poll once the folder can be written; the changes after it wait, to keep their order.
 * The connector listens to requests only to write this node's changes at once.
 */
// Immediate: the inbox route runs whether or not anyone has asked for the listener yet.
@Component(configurationPid = Hl7v2Connector.PID, configurationPolicy = ConfigurationPolicy.REQUIRE,
        service = RequestListener.class, immediate = true)
@Designate(ocd = Hl7v2Connector.Config.class, factory = true)
public class Hl7v2Connector implements RequestListener {

    static final String PID = "org.slotbridge.connector.hl7v2";

    private static final Logger LOG = LoggerFactory.getLogger(Hl7v2Connector.class);

    @ObjectClassDefinition(name = "Slotbridge HL7 v2 connector",
            description = "Reads the SIU and ADT files a PMS exports for one practice, and writes the practice's"
                    + " requests back as SIU files. One configuration per practice.")
    @interface Config {

        @AttributeDefinition(name = "Practice", description = "Slug of the practice whose files these are.")
        String practice();

        @AttributeDefinition(name = "Inbox", required = false,
                description = "Folder the PMS writes HL7 files into. Empty: ${karaf.data}/connectors/hl7v2/"
                        + "<practice>/inbox.")
        String inbox() default "";

        @AttributeDefinition(name = "Done", required = false,
                description = "Where files go once every message was applied. Empty: .../<practice>/done.")
        String done() default "";

        @AttributeDefinition(name = "Error", required = false,
                description = "Where files go when a message failed, with <file>.error.txt beside each."
                        + " Empty: .../<practice>/error.")
        String error() default "";

        @AttributeDefinition(name = "Outbox", required = false,
                description = "Folder the PMS reads request files from. Empty: .../<practice>/outbox.")
        String outbox() default "";

        @AttributeDefinition(name = "Poll interval", description = "Milliseconds between two looks at the inbox.")
        long pollMillis() default 1000;

        @AttributeDefinition(name = "Character set",
                description = "Character set of the files read and written, such as UTF-8 or ISO-8859-1.")
        String charset() default "UTF-8";

        String webconsole_configurationFactory_nameHint() default "HL7 v2 files of practice {practice}";
    }

    @Reference
    private ScheduleSync sync;

    @Reference
    private PracticeDirectory directory;

    @Reference
    private Hl7v2Status status;

    @Reference
    private InboxJournal journal;

    @Reference
    private RequestEvents events;

    private String slug;
    private HapiContext hapi;
    private OutboxDelivery delivery;
    private CamelContext camel;

    public Hl7v2Connector() {
    }

    Hl7v2Connector(ScheduleSync sync, PracticeDirectory directory, Hl7v2Status status, InboxJournal journal,
                   RequestEvents events) {
        this.sync = sync;
        this.directory = directory;
        this.status = status;
        this.journal = journal;
        this.events = events;
    }

    @Activate
    void activate(BundleContext context, Config config) throws Exception {
        start(config, new OsgiDefaultCamelContext(context));
    }

    /** Starts with the given Camel context, which this connector then owns and stops. */
    void start(Config config, CamelContext context) throws Exception {
        try {
            startOrFail(config, context);
        } catch (Exception e) {
            LOG.error("HL7 v2 connector for practice '{}' did not start: {}; check {}", config.practice(),
                    e.getMessage(), PID, e);
            deactivate();
            throw e;
        }
    }

    private void startOrFail(Config config, CamelContext context) throws Exception {
        String practice = Slugs.require(config.practice(), "practice");
        if (config.pollMillis() < 10) {
            throw new InvalidInputException("pollMillis", "must be at least 10");
        }
        Charset charset = charset(config.charset());
        Path base = Paths.get(System.getProperty("karaf.data", "data"), "connectors", "hl7v2", practice);
        Path inbox = folder(config.inbox(), base, "inbox");
        Path done = folder(config.done(), base, "done");
        Path error = folder(config.error(), base, "error");
        Path out = folder(config.outbox(), base, "outbox");
        for (Path folder : new Path[] {inbox, done, error, out}) {
            Files.createDirectories(folder);
        }

        slug = practice;
        hapi = Hapi.newContext();
        Clock clock = Clock.systemUTC();
        Outbox outbox = new Outbox(out, charset, new SiuWriter(hapi), directory);
        InboxProcessor processor = new InboxProcessor(slug, done, error, charset,
                new MessageApplier(hapi, sync, directory, journal), journal, status, clock);
        status.serving(slug);

        camel = context;
        camel.adapt(ExtendedCamelContext.class).setName("slotbridge-hl7v2-" + slug);
        camel.getShutdownStrategy().setTimeout(10);
        // routes added before the context started never start inside Karaf: start it first
        camel.start();
        camel.addRoutes(new InboxRoute(slug, inbox, config.pollMillis(),
                "etc/" + PID + "-*.cfg for practice " + slug, processor));
        delivery = new OutboxDelivery(slug, outbox, events, directory, status, clock,
                "etc/" + PID + "-*.cfg for practice " + slug);
        delivery.start(config.pollMillis());
        LOG.info("Practice {}: HL7 v2 connector reads {} and writes requests to {}", slug, inbox, out);
    }

    @Deactivate
    void deactivate() {
        if (delivery != null) {
            delivery.stop();
        }
        if (camel != null) {
            try {
                camel.stop();
            } catch (RuntimeException e) {
                LOG.warn("Practice {}: the HL7 v2 route did not stop cleanly", slug, e);
            }
        }
        if (hapi != null) {
            try {
                hapi.close();
            } catch (IOException e) {
                LOG.debug("Practice {}: HAPI context did not close cleanly", slug, e);
            }
        }
        if (slug != null) {
            status.stopped(slug);
            LOG.info("Practice {}: HL7 v2 connector stopped", slug);
        }
    }

    @Override
    public void requestChanged(Practice practice, Request request) {
        OutboxDelivery running = delivery;
        if (running != null && slug.equals(practice.slug()) && slug.equals(request.practiceSlug())) {
            running.wake();
        }
    }

    /** Writes what is waiting in the request events now, on the caller's thread; for the tests. */
    int deliverNow() {
        return delivery.deliver();
    }

    CamelContext camel() {
        return camel;
    }

    private static Path folder(String configured, Path base, String name) {
        return configured == null || configured.isBlank() ? base.resolve(name) : Paths.get(configured.strip());
    }

    private static Charset charset(String name) {
        try {
            return Charset.forName(name.strip());
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new InvalidInputException("charset", "'" + name + "' is not a character set this Java knows");
        }
    }
}
