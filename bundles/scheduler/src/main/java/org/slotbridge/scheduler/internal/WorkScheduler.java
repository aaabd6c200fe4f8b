package org.slotbridge.scheduler.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.quartz.JobBuilder;
import org.quartz.JobKey;
import org.quartz.ObjectAlreadyExistsException;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.SimpleTrigger;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.SchedulerRepository;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.impl.jdbcjobstore.JobStoreTX;
import org.quartz.impl.jdbcjobstore.PostgreSQLDelegate;
import org.quartz.impl.jdbcjobstore.StdJDBCDelegate;
import org.quartz.impl.jdbcjobstore.UpdateLockRowSemaphore;
import org.quartz.simpl.SimpleThreadPool;
import org.quartz.utils.DBConnectionManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slotbridge.api.service.ScheduledWork;
import org.slotbridge.store.SchemaReady;

/**
 * Runs every {@link ScheduledWork} service once across the cluster: a Quartz scheduler whose clustered JDBC
 * job store lives in the Slotbridge database, next to everything else. Each work is one durable job and one
 * repeating trigger of the same name, stored once for the whole cluster; the node that takes a trigger
 * under the job store's row lock runs the work, and a node that stops checking in has its triggers taken
 * over by the others. Jobs are never deleted here: a work unregistered on this node may still be
 * registered on another, which keeps running it.
 * <p>
 * It starts once the store has migrated the schema, which creates the scheduler's tables.
 */
@Component(name = WorkScheduler.PID, configurationPid = WorkScheduler.PID, immediate = true, service = {})
@Designate(ocd = SchedulerConfig.class)
public final class WorkScheduler {

    static final String PID = "org.slotbridge.scheduler";
    /** The scheduler's name, in every row of its tables: the same on every node, so that they form one cluster. */
    static final String NAME = "slotbridge";
    /** The group of every job and trigger. */
    static final String GROUP = "slotbridge";
    /**
     * A tick that could not start within this time of when it was due (the previous run went on, or no node
     * was free) is skipped and the work waits for its next tick; catching up would run it several times in a
     * row.
     */
    static final long MISFIRE_MILLIS = 5000;
    /** Job and trigger names are columns of 200 characters. */
    private static final int NAME_MAX = 200;
    private static final Logger LOG = LoggerFactory.getLogger(WorkScheduler.class);
    /** Names the connection providers in Quartz's JVM-wide connection manager, one per scheduler started. */
    private static final AtomicInteger PROVIDERS = new AtomicInteger();

    private final Works works = new Works();
    private final Settings settings;
    private final PooledConnections connections;
    private final Scheduler scheduler;
    private final String node;

    /**
     * @param schema not used: requiring it keeps the scheduler from starting before its tables exist
     */
    @Activate
    public WorkScheduler(@Reference(name = "dataSource", target = "(osgi.jndi.service.name=slotbridge)")
                         DataSource dataSource,
                         @Reference(name = "schema") SchemaReady schema, SchedulerConfig config)
            throws SchedulerException, SQLException {
        this(dataSource, Settings.of(config), StdSchedulerFactory.AUTO_GENERATE_INSTANCE_ID);
    }

    /**
     * Makes a scheduler node on {@code dataSource}, whose schema must be migrated; it runs nothing before
     * {@link #start()}.
     *
     * @param instanceId the node's id in the cluster, or {@code AUTO} for one made of the host name and the time
     */
    WorkScheduler(DataSource dataSource, Settings settings, String instanceId) throws SchedulerException, SQLException {
        this.settings = settings;
        String delegate = delegateFor(dataSource);
        String provider = NAME + "-" + PROVIDERS.incrementAndGet();
        connections = new PooledConnections(dataSource);
        DBConnectionManager.getInstance().addConnectionProvider(provider, connections);
        Scheduler made = null;
        try {
            made = withOwnClassLoader(() -> new StdSchedulerFactory(properties(settings, instanceId, provider,
                    delegate)).getScheduler());
            // Quartz also keeps every scheduler in a JVM-wide map by name, where a second node of the same
            // name (a restarted component, a test) could not be made: this one is reached through here only
            SchedulerRepository.getInstance().remove(NAME);
            made.getContext().put(Works.KEY, works);
        } catch (SchedulerException | RuntimeException e) {
            abandon(made, e);
            throw e;
        }
        scheduler = made;
        node = scheduler.getSchedulerInstanceId();
    }

    /**
     * Starts running the works. Called once the works already registered are bound, so that a tick due at
     * start-up finds its work here.
     */
    @Activate
    void start() throws SchedulerException {
        try {
            withOwnClassLoader(() -> {
                scheduler.start();
                return null;
            });
        } catch (SchedulerException | RuntimeException e) {
            abandon(scheduler, e);
            throw e;
        }
        LOG.info("Scheduler node {} started ({} threads, check-in every {} ms)", node, settings.threads(),
                settings.checkinMillis());
    }

    @Deactivate
    void stop() {
        try {
            // a run under way ends first: stopping it halfway would only make the next tick redo it
            scheduler.shutdown(true);
            LOG.info("Scheduler node {} stopped", node);
        } catch (SchedulerException e) {
            LOG.warn("Scheduler node {} did not stop cleanly; the other nodes take its work over", node, e);
        }
    }

    @Reference(name = "work", cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "removeWork")
    void addWork(ScheduledWork work) {
        String name = work.name();
        Duration every = work.every();
        if (name == null || name.isBlank() || name.length() > NAME_MAX) {
            LOG.error("A scheduled work of {} is not run: its name must have 1 to {} characters",
                    work.getClass().getName(), NAME_MAX);
            return;
        }
        if (every == null || every.toMillis() < 1000) {
            LOG.error("Scheduled work {} is not run: its interval must be at least a second, not {}", name, every);
            return;
        }
        if (works.put(name, work) != null) {
            LOG.warn("Two scheduled works named {} are registered on this node; the later one runs", name);
        }
        try {
            keep(name, every);
        } catch (SchedulerException e) {
            LOG.error("Scheduled work {} could not be scheduled; it runs only where another node scheduled it",
                    name, e);
        }
    }

    void removeWork(ScheduledWork work) {
        String name = work.name();
        if (works.remove(name, work)) {
            LOG.debug("Scheduled work {} is no longer registered on this node; its schedule stays for the others",
                    name);
        }
    }

    /** The node's id in the cluster. */
    String node() {
        return node;
    }

    /** The Quartz scheduler itself, for the tests. */
    Scheduler quartz() {
        return scheduler;
    }

    /**
     * Makes sure the cluster has the job of {@code name} and a trigger repeating it every {@code every}. A
     * trigger that is there already keeps its timing, unless its interval differs; nodes starting at the same
     * moment may both try, and the job store lets one of them add each row.
     */
    private void keep(String name, Duration every) throws SchedulerException {
        JobKey job = JobKey.jobKey(name, GROUP);
        if (!scheduler.checkExists(job)) {
            try {
                scheduler.addJob(JobBuilder.newJob(RunWork.class).withIdentity(job).storeDurably().build(), false);
            } catch (ObjectAlreadyExistsException e) {
                LOG.debug("Scheduled work {} was added by another node meanwhile", name);
            }
        }
        TriggerKey key = TriggerKey.triggerKey(name, GROUP);
        Trigger current = scheduler.getTrigger(key);
        if (current == null) {
            try {
                scheduler.scheduleJob(trigger(name, every));
                LOG.info("Scheduled work {} runs every {} s across the cluster", name, every.toSeconds());
                return;
            } catch (ObjectAlreadyExistsException e) {
                current = scheduler.getTrigger(key);
            }
        }
        if (current instanceof SimpleTrigger simple && simple.getRepeatInterval() == every.toMillis()) {
            LOG.debug("Scheduled work {} is already scheduled every {} s", name, every.toSeconds());
            return;
        }
        scheduler.rescheduleJob(key, trigger(name, every));
        LOG.info("Scheduled work {} now runs every {} s across the cluster", name, every.toSeconds());
    }

    /**
     * Quartz loads the job class through the context class loader it was made with, and its threads inherit
     * it: it must be this bundle's, which sees {@link RunWork}.
     */
    private static <T> T withOwnClassLoader(QuartzCall<T> call) throws SchedulerException {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(WorkScheduler.class.getClassLoader());
        try {
            return call.call();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** Stops a scheduler that failed to start, and lets go of the DataSource. */
    private void abandon(Scheduler failed, Exception failure) {
        if (failed != null) {
            try {
                failed.shutdown(false);
            } catch (SchedulerException stopping) {
                failure.addSuppressed(stopping);
            }
        }
        connections.shutdown();
    }

    /** A call into Quartz. */
    @FunctionalInterface
    private interface QuartzCall<T> {
        T call() throws SchedulerException;
    }

    /** Starts now and repeats for ever; a tick missed by more than {@link #MISFIRE_MILLIS} is skipped. */
    private static Trigger trigger(String name, Duration every) {
        return TriggerBuilder.newTrigger()
                .withIdentity(name, GROUP)
                .forJob(name, GROUP)
                .startNow()
                .withSchedule(SimpleScheduleBuilder.simpleSchedule()
                        .withIntervalInMilliseconds(every.toMillis())
                        .repeatForever()
                        .withMisfireHandlingInstructionNextWithRemainingCount())
                .build();
    }

    /** The Quartz configuration of one node. */
    static Properties properties(Settings settings, String instanceId, String provider, String delegate) {
        Properties properties = new Properties();
        properties.setProperty("org.quartz.scheduler.instanceName", NAME);
        properties.setProperty("org.quartz.scheduler.instanceId", instanceId);
        properties.setProperty("org.quartz.scheduler.threadName", "slotbridge-scheduler");
        properties.setProperty("org.quartz.scheduler.makeSchedulerThreadDaemon", "true");
        // How long a node with nothing due waits before looking again: a trigger another node left (it
        // stopped, or its run ended) is seen within that time, or within 30 s by default.
        properties.setProperty("org.quartz.scheduler.idleWaitTime",
                Long.toString(Math.max(1000, Math.min(settings.checkinMillis(), 30_000))));
        properties.setProperty("org.quartz.threadPool.class", SimpleThreadPool.class.getName());
        properties.setProperty("org.quartz.threadPool.threadCount", Integer.toString(settings.threads()));
        properties.setProperty("org.quartz.threadPool.threadNamePrefix", "slotbridge-work");
        properties.setProperty("org.quartz.threadPool.makeThreadsDaemons", "true");
        properties.setProperty("org.quartz.jobStore.class", JobStoreTX.class.getName());
        properties.setProperty("org.quartz.jobStore.driverDelegateClass", delegate);
        properties.setProperty("org.quartz.jobStore.dataSource", provider);
        properties.setProperty("org.quartz.jobStore.tablePrefix", "QRTZ_");
        properties.setProperty("org.quartz.jobStore.isClustered", "true");
        properties.setProperty("org.quartz.jobStore.clusterCheckinInterval", Long.toString(settings.checkinMillis()));
        properties.setProperty("org.quartz.jobStore.misfireThreshold", Long.toString(MISFIRE_MILLIS));
        // The cluster's row locks are taken with an UPDATE, whose lock every database holds until commit:
        // Derby lets go of a SELECT ... FOR UPDATE (Quartz's default) as soon as its cursor closes.
        properties.setProperty("org.quartz.jobStore.lockHandler.class", UpdateLockRowSemaphore.class.getName());
        // take triggers under that lock too, not only fire them under it
        properties.setProperty("org.quartz.jobStore.acquireTriggersWithinLock", "true");
        // job data (there is none yet) as text, never as serialized Java objects
        properties.setProperty("org.quartz.jobStore.useProperties", "true");
        properties.setProperty("org.quartz.jobStore.makeThreadsDaemons", "true");
        return properties;
    }

    /** The job store's dialect for the database behind {@code dataSource}. */
    static String delegateFor(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            String product = connection.getMetaData().getDatabaseProductName();
            // Derby refuses to close a connection in the middle of a transaction
            if (!connection.getAutoCommit()) {
                connection.rollback();
            }
            return delegateFor(product);
        }
    }

    /** @throws IllegalStateException for a database the scheduler's tables are not made for */
    static String delegateFor(String product) {
        String name = product.toLowerCase(Locale.ROOT);
        if (name.contains("postgresql")) {
            return PostgreSQLDelegate.class.getName();
        }
        if (name.contains("derby")) {
            return StdJDBCDelegate.class.getName();
        }
        throw new IllegalStateException("The scheduler's tables are made for Derby and PostgreSQL, not for "
                + product);
    }
}
