package org.slotbridge.connector.hl7v2.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import ca.uhn.hl7v2.HL7Exception;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slotbridge.api.Practice;
import org.slotbridge.api.Request;
import org.slotbridge.api.service.PracticeDirectory;
import org.slotbridge.api.service.RequestEvents;
import org.slotbridge.api.service.RequestEvents.Event;

/**
 * Writes the practice's request events to the outbox, oldest first, on one thread of its own: at every poll,
 * and at once when this node changed a request. An event is marked delivered only once its file is in the
 * outbox, so a change made on any node reaches the PMS, and a node that dies in between writes the same file
 * again when it starts.
 * <p>
 * A folder that cannot be written stops the delivery until the next poll, keeping the order of the files;
 * it shows in the connector's status. An event that cannot be made into a message at all would stop it for
 * good, so it is set aside instead: logged and shown, and marked delivered.
 */
final class OutboxDelivery {

    /** The most events read at once. */
    static final int BATCH = 100;

    private static final Logger LOG = LoggerFactory.getLogger(OutboxDelivery.class);

    private final String slug;
    private final Outbox outbox;
    private final RequestEvents events;
    private final PracticeDirectory directory;
    private final Hl7v2Status status;
    private final Clock clock;
    private final AtomicBoolean woken = new AtomicBoolean();
    /** Held while delivering: the poll, a wake-up and a test never write at once. */
    private final Object delivering = new Object();
    private final String where;
    private ScheduledExecutorService thread;
    /** True while the outbox keeps failing, so that the failure is logged once, not at every poll. */
    private boolean failing;

    OutboxDelivery(String slug, Outbox outbox, RequestEvents events, PracticeDirectory directory,
                   Hl7v2Status status, Clock clock, String where) {
        this.slug = slug;
        this.outbox = outbox;
        this.events = events;
        this.directory = directory;
        this.status = status;
        this.clock = clock;
        this.where = where;
    }

    /** Delivers now and then every {@code pollMillis}, until {@link #stop}, which delivers once more. */
    synchronized void start(long pollMillis) {
        thread = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread named = new Thread(task, "slotbridge-hl7v2-outbox-" + slug);
            named.setDaemon(true);
            return named;
        });
        thread.scheduleWithFixedDelay(this::deliverLogged, 0, pollMillis, TimeUnit.MILLISECONDS);
    }

    /** Asks for a delivery as soon as the thread is free; one request stands for any number made meanwhile. */
    void wake() {
        ScheduledExecutorService running = thread;
        if (running != null && woken.compareAndSet(false, true)) {
            try {
                running.execute(() -> {
                    woken.set(false);
                    deliverLogged();
                });
            } catch (RejectedExecutionException e) {
                // stopping
                woken.set(false);
            }
        }
    }

    synchronized void stop() {
        if (thread != null) {
            // no interrupt: embedded Derby closes a connection whose thread is interrupted
            thread.shutdown();
            try {
                if (!thread.awaitTermination(10, TimeUnit.SECONDS)) {
                    LOG.warn("Practice {}: the outbox thread did not stop within 10 s", slug);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            thread = null;
            // what this node changed since the last poll, before the store goes away with the container
            deliverLogged();
        }
    }

    private void deliverLogged() {
        try {
            deliver();
        } catch (RuntimeException e) {
            // the database or the directory is not there: the events wait for the next poll
            if (!failing) {
                LOG.warn("Practice {}: request changes cannot be read for the outbox now; trying again at each poll",
                        slug, e);
            }
            failing = true;
            status.problem(slug, clock.instant(), "request changes not read for the outbox: "
                    + e.getClass().getSimpleName());
        }
    }

    /** Writes every undelivered event; returns how many files were written. */
    int deliver() {
        synchronized (delivering) {
            return deliverAll();
        }
    }

    private int deliverAll() {
        int written = 0;
        List<Event> batch;
        do {
            batch = events.undelivered(slug, BATCH);
            if (batch.isEmpty()) {
                break;
            }
            Practice practice = directory.practice(slug);
            for (Event event : batch) {
                if (!write(practice, event)) {
                    return written;
                }
                events.delivered(slug, event.id());
                written++;
            }
        } while (batch.size() == BATCH);
        if (failing) {
            LOG.info("Practice {}: the outbox {} is written again", slug, outbox.folder());
            failing = false;
        }
        return written;
    }

    /** False when the folder failed and delivery must stop here; true when written or set aside. */
    private boolean write(Practice practice, Event event) {
        Request request = event.request();
        try {
            Path file = outbox.write(practice, event);
            LOG.info("Practice {}: request {} ({}) written to {}", slug, request.id(), request.status(), file);
            return true;
        } catch (HL7Exception e) {
            LOG.error("Practice {}: request {} ({}) cannot be made into an HL7 message and is not written; the PMS"
                    + " does not see this change", slug, request.id(), request.status(), e);
            status.problem(slug, clock.instant(), "request " + request.id() + " (" + request.status()
                    + ") not written to the outbox: " + e.getClass().getSimpleName());
            return true;
        } catch (IOException e) {
            if (!failing) {
                LOG.error("Practice {}: request {} ({}) could not be written to {}; it and the changes after it"
                        + " wait until the folder can be written. Check that folder and the outbox setting of {}",
                        slug, request.id(), request.status(), outbox.folder(), where, e);
            }
            failing = true;
            status.problem(slug, clock.instant(), "request " + request.id() + " (" + request.status()
                    + ") not written to the outbox: " + e.getClass().getSimpleName());
            return false;
        }
    }
}
