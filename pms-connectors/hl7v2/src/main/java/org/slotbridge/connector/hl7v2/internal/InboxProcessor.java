package org.slotbridge.connector.hl7v2.internal;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.component.file.GenericFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slotbridge.api.service.InboxJournal;
import org.slotbridge.api.service.InboxJournal.InboxFile;
import org.slotbridge.api.service.InboxJournal.Progress;

/**
 * Applies one inbox file and files it: to done/ when no message failed, else to error/ with
 * {@code <file>.error.txt} beside it, listing every failed message with its field and reason. The good
 * messages of a file that goes to error/ have been applied all the same. A file in done/ some of whose
 * messages were skipped gets {@code <file>.skipped.txt}. A name already taken in done/ or error/ gets a
 * number before its extension, so no earlier file is overwritten.
 *
 * <p>A file is applied exactly once, across crashes too: the {@link InboxJournal} keeps how far each file got,
 * by its name and the SHA-256 of its bytes. A file found in the inbox again resumes after the last message the
 * journal has; one the journal has whole (the node died between finishing it and moving it) is only filed.
 */
final class InboxProcessor implements Processor {

    private static final Logger LOG = LoggerFactory.getLogger(InboxProcessor.class);

    private final String slug;
    private final Path done;
    private final Path error;
    private final Charset charset;
    private final MessageApplier applier;
    private final InboxJournal journal;
    private final Hl7v2Status status;
    private final Clock clock;

    InboxProcessor(String slug, Path done, Path error, Charset charset, MessageApplier applier, InboxJournal journal,
                   Hl7v2Status status, Clock clock) {
        this.slug = slug;
        this.done = done;
        this.error = error;
        this.charset = charset;
        this.applier = applier;
        this.journal = journal;
        this.status = status;
        this.clock = clock;
    }

    @Override
    public void process(Exchange exchange) throws IOException {
        Path file = file(exchange);
        String name = file.getFileName().toString();
        byte[] bytes = Files.readAllBytes(file);
        InboxFile key = new InboxFile(slug, Hl7v2Status.CONNECTOR, name, sha256(bytes));
        Progress before = journal.progress(key);
        if (before.finished()) {
            LOG.info("Practice {}: file {} was applied before ({} messages) and is not applied again; it is only "
                    + "filed", slug, name, before.through());
        } else if (before.through() > 0) {
            LOG.info("Practice {}: file {} was applied up to message {} before the connector stopped; going on "
                    + "from message {}", slug, name, before.through(), before.through() + 1);
        }
        // undecodable bytes become U+FFFD: a wrong character in a name must not cost the whole file
        FileOutcome outcome = applier.apply(key, before, new String(bytes, charset));
        if (outcome.fileError() == null && !before.finished()) {
            // before moving: a file found in the inbox after this is only filed
            journal.finish(key);
        }
        if (outcome.clean()) {
            Path target = moveInto(file, done);
            if (outcome.skipped() > 0) {
                Files.writeString(sibling(target, ".skipped.txt"), outcome.report(name), charset);
            }
            LOG.info("Practice {}: file {} applied ({} messages, {} skipped), moved to {}", slug, name,
                    outcome.applied(), outcome.skipped(), target);
        } else {
            Path target = moveInto(file, error);
            Path report = sibling(target, ".error.txt");
            Files.writeString(report, outcome.report(name), charset);
            LOG.warn("Practice {}: file {} set aside in {}: {} messages applied, {} failed, first: {}; see {}",
                    slug, name, target, outcome.applied(), outcome.failed(), outcome.firstError(), report);
        }
        status.fileRead(slug, name, clock.instant(), outcome.applied(), outcome.failed(), outcome.firstError());
    }

    /**
     * For a file that could not be read or filed: moves it to error/ with the reason beside it when it is
     * still in the inbox. Messages applied before the failure stay applied, and are in the journal: the same
     * file put back in the inbox goes on after them.
     */
    void quarantine(Exchange exchange) {
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        Path file = file(exchange);
        String name = file.getFileName().toString();
        String reason = "the file could not be read or filed: "
                + (cause == null ? "unknown error" : cause.getClass().getSimpleName() + ": " + cause.getMessage());
        status.fileRead(slug, name, clock.instant(), 0, 1, reason);
        if (!Files.exists(file)) {
            LOG.error("Practice {}: file {} left the inbox but was not filed completely ({}); check folders {} "
                    + "and {}", slug, name, reason, done, error);
            return;
        }
        try {
            Path target = moveInto(file, error);
            Files.writeString(sibling(target, ".error.txt"), name + ": stopped: " + reason + "\n"
                    + "messages applied before this stay applied; put back in the inbox unchanged, the file goes on"
                    + " after them\n", charset);
            LOG.error("Practice {}: file {} set aside in {}: {}", slug, name, target, reason);
        } catch (IOException e) {
            LOG.error("Practice {}: file {} stays in the inbox and is not read again until it changes or the "
                    + "connector restarts ({}); make {} writable", slug, name, reason, error, e);
        }
    }

    private static Path file(Exchange exchange) {
        GenericFile<?> file = exchange.getIn().getBody(GenericFile.class);
        return Paths.get(file != null ? file.getAbsoluteFilePath()
                : exchange.getIn().getHeader("CamelFileAbsolutePath", String.class));
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    static Path moveInto(Path file, Path folder) throws IOException {
        Files.createDirectories(folder);
        Path target = freeName(folder, file.getFileName().toString());
        try {
            return Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            return Files.move(file, target);
        }
    }

    // "a.hl7" is taken -> "a-2.hl7", "a-3.hl7", ...; reports beside an earlier file must not be reused either
    private static Path freeName(Path folder, String name) {
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        String extension = dot > 0 ? name.substring(dot) : "";
        Path candidate = folder.resolve(name);
        for (int n = 2; taken(candidate); n++) {
            candidate = folder.resolve(stem + "-" + n + extension);
        }
        return candidate;
    }

    private static boolean taken(Path candidate) {
        return Files.exists(candidate) || Files.exists(sibling(candidate, ".error.txt"))
                || Files.exists(sibling(candidate, ".skipped.txt"));
    }

    private static Path sibling(Path file, String suffix) {
        return file.resolveSibling(file.getFileName() + suffix);
    }
}
