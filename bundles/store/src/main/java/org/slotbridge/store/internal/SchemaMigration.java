package org.slotbridge.store.internal;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slotbridge.store.SchemaReady;

/**
 * Applies the schema changelogs once the data source is there, then registers {@link SchemaReady}.
 * Migrating takes seconds, so it runs on a thread of its own rather than inside activation; the
 * marker is registered by hand when it ends, because only then is the schema ready.
 * <p>
 * The data source is the one pax-jdbc publishes from {@code etc/org.ops4j.datasource-slotbridge.cfg};
 * configuration {@code org.slotbridge.store.schema} with {@code dataSource.target} picks another.
 */
@Component(name = "org.slotbridge.store.schema", immediate = true)
public final class SchemaMigration {

    private static final Logger LOG = LoggerFactory.getLogger(SchemaMigration.class);
    private static final long STOP_WAIT_SECONDS = 30;
    private static final int ATTEMPTS = 5;
    private static final long RETRY_SECONDS = 2;

    private final ExecutorService executor;
    private final Object lock = new Object();
    private ServiceRegistration<SchemaReady> registration;
    private boolean stopped;

    @Activate
    public SchemaMigration(BundleContext context,
                           @Reference(name = "dataSource", target = "(osgi.jndi.service.name=slotbridge)")
                           DataSource dataSource) {
        executor = Executors.newSingleThreadExecutor(task -> new Thread(task, "slotbridge-schema"));
        executor.execute(() -> migrate(context, dataSource));
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        ServiceRegistration<SchemaReady> registered;
        synchronized (lock) {
            stopped = true;
            lock.notifyAll();
            registered = registration;
            registration = null;
        }
        if (registered != null) {
            registered.unregister();
        }
        // interrupting Liquibase could leave its lock row taken: let a running migration end
        executor.shutdown();
        if (!executor.awaitTermination(STOP_WAIT_SECONDS, TimeUnit.SECONDS)) {
            LOG.warn("The schema migration was still running {} s after the store stopped", STOP_WAIT_SECONDS);
        }
    }

    private void migrate(BundleContext context, DataSource dataSource) {
        long started = System.nanoTime();
        for (int attempt = 1; ; attempt++) {
            try {
                Migrations.apply(dataSource);
                break;
            } catch (RuntimeException e) {
                if (attempt == ATTEMPTS) {
                    LOG.error("The database schema could not be brought up to date, so the store does not start."
                            + " Fix the cause, then restart the slotbridge-store bundle.", e);
                    return;
                }
                // nodes starting together on a new database race to create Liquibase's own tables, and the
                // loser fails once; by the next attempt the winner has made them and holds the change lock
                LOG.warn("The database schema could not be brought up to date (attempt {} of {}): {}; trying"
                        + " again in {} s", attempt, ATTEMPTS, e.toString(), attempt * RETRY_SECONDS);
                if (!pause(TimeUnit.SECONDS.toMillis(attempt * RETRY_SECONDS))) {
                    return;
                }
            }
        }
        LOG.info("Database schema up to date after {} ms", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        // registered outside the lock: registering calls other components back on this thread
        ServiceRegistration<SchemaReady> registered =
                context.registerService(SchemaReady.class, new SchemaReady() { }, null);
        synchronized (lock) {
            if (!stopped) {
                registration = registered;
                return;
            }
        }
        registered.unregister();
    }

    /** Waits before another attempt; false when the store stopped meanwhile. */
    private boolean pause(long millis) {
        long until = System.currentTimeMillis() + millis;
        synchronized (lock) {
            while (!stopped) {
                long left = until - System.currentTimeMillis();
                if (left <= 0) {
                    return true;
                }
                try {
                    lock.wait(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return false;
        }
    }
}
