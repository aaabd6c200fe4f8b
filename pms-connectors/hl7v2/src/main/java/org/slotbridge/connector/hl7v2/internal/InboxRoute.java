package org.slotbridge.connector.hl7v2.internal;

import java.io.IOException;
import java.nio.file.Path;

import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;

/**
 * Polls one practice's inbox folder and hands each file to the {@link InboxProcessor}, in name order.
 *
 * <p>A file is taken once its size and modification time have held still for a check interval (read lock
 * {@code changed}), so a file the PMS is still writing is left alone. The processor moves every file it takes
 * out of the inbox; Camel itself neither moves nor deletes ({@code noop}), and its in-memory idempotent
 * repository, keyed by name, size and modification time, keeps a file that could not be moved from being
 * read again and again within one run.
 */
final class InboxRoute extends RouteBuilder {

    private final String slug;
    private final Path inbox;
    private final long pollMillis;
    private final String configuration;
    private final InboxProcessor processor;

    /**
     * @param configuration names the configuration to fix, in log messages
     */
    InboxRoute(String slug, Path inbox, long pollMillis, String configuration, InboxProcessor processor) {
        this.slug = slug;
        this.inbox = inbox;
        this.pollMillis = pollMillis;
        this.configuration = configuration;
        this.processor = processor;
    }

    static String routeId(String slug) {
        return "pms-hl7v2-" + slug + "-inbox";
    }

    @Override
    public void configure() {
        long check = Math.max(100, Math.min(1000, pollMillis));

        // a folder that cannot be read or written: set the file aside if possible, and say what to fix
        onException(IOException.class)
                .handled(true)
                .log(LoggingLevel.ERROR, InboxRoute.class.getName(),
                        "Practice " + slug + ": cannot read or file ${header.CamelFileName}: "
                                + "${exception.message}; check the folders in " + configuration)
                .process(processor::quarantine);

        // anything else is a fault of this connector: still set the file aside rather than lose it
        onException(Exception.class)
                .handled(true)
                .log(LoggingLevel.ERROR, InboxRoute.class.getName(),
                        "Practice " + slug + ": file ${header.CamelFileName} failed: ${exception}")
                .process(processor::quarantine);

        from("file:" + inbox
                + "?readLock=changed"
                + "&readLockCheckInterval=" + check
                + "&readLockTimeout=" + Math.max(10_000, 10 * check)
                + "&readLockMarkerFile=false"
                // an empty file is read too, so that it is filed in error/ rather than left waiting
                + "&readLockMinLength=0"
                + "&noop=true"
                + "&idempotent=true"
                + "&idempotentKey=${file:name}-${file:size}-${file:modified}"
                + "&sortBy=file:name"
                + "&delay=" + pollMillis)
                .routeId(routeId(slug))
                // read, apply each message, file to done/ or error/
                .process(processor);
    }
}
