package org.slotbridge.scheduler.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.JobKey;
import org.quartz.JobListener;
import org.quartz.SchedulerException;
import org.quartz.SimpleTrigger;
import org.quartz.TriggerKey;
import org.quartz.impl.matchers.GroupMatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slotbridge.api.service.ScheduledWork;
import org.slotbridge.store.internal.Migrations;
import org.slotbridge.store.internal.TestDatabase;

/**
 * Scheduler nodes on one real database (in-memory Derby, or a fresh PostgreSQL database with
 * {@code -Dslotbridge.test.db=postgresql}), migrated by the store's changelogs. The nodes run in one JVM
 * but share nothing except the database, as nodes of a cluster do. Each test waits for what must happen
 * with a generous deadline: the deadline says that it happens at all, not how fast.
 */
class WorkSchedulerTest {

    private static final Logger LOG = LoggerFactory.getLogger(WorkSchedulerTest.class);
    /** A short check-in, so that a node that stopped is noticed within seconds. */
    private static final Settings QUICK = new Settings(2, 1000);
    private static final Duration SECOND = Duration.ofSeconds(1);
    private static final Duration DEADLINE = Duration.ofMinutes(2);

    private final List<WorkScheduler> nodes = new ArrayList<>();

    @AfterEach
    void stopNodes() throws SchedulerException {
        for (WorkScheduler node : nodes) {
            if (!node.quartz().isShutdown()) {
                node.stop();
            }
        }
    }

    @Test
    void twoNodesRunEachTickOnceNeverTogetherAndTheOtherCarriesOnWhenOneStops() throws Exception {
        DataSource db = migratedDatabase();
        Ticks ticks = new Ticks();
        AtomicInteger running = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        AtomicInteger runs = new AtomicInteger();
        Runnable body = () -> {
            mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
            try {
                // every third run outlasts the interval: the next tick comes while it still runs
                Thread.sleep(runs.incrementAndGet() % 3 == 0 ? 1500 : 100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                running.decrementAndGet();
            }
        };
        WorkScheduler a = node(db, "node-a", ticks);
        WorkScheduler b = node(db, "node-b", ticks);
        a.addWork(new Probe("probe", SECOND, body));
        b.addWork(new Probe("probe", SECOND, body));

        // The node that ends a run takes the next tick at once, so one node tends to keep the work: pausing
        // it, maybe in the middle of a run, hands the work to the other, a few times over.
        for (int round = 0; round < 4; round++) {
            int wanted = ticks.all().size() + 3;
            await(() -> ticks.all().size() >= wanted ? Optional.of(true) : Optional.empty(), wanted + " runs");
            WorkScheduler busy = lastToRun(ticks, a, b);
            WorkScheduler other = busy == a ? b : a;
            busy.quartz().standby();
            Instant paused = Instant.now();
            await(() -> ticks.firstOn(other.node(), paused), "a run on " + other.node());
            busy.quartz().start();
        }
        assertTrue(ticks.on(a.node()).size() >= 2 && ticks.on(b.node()).size() >= 2, "both nodes ran: " + ticks);

        WorkScheduler stopping = lastToRun(ticks, a, b);
        WorkScheduler survivor = stopping == a ? b : a;
        stopping.stop();
        Instant stopped = Instant.now();
        Tick taken = await(() -> ticks.firstOn(survivor.node(), stopped), "a run on " + survivor.node());
        LOG.info("{} ran the work {} ms after {} stopped; {} runs before, {} of them by {}", survivor.node(),
                Duration.between(stopped, taken.firedAt()).toMillis(), stopping.node(),
                ticks.all().size() - 1, ticks.on(a.node()).size(), a.node());
        assertEquals(1, mostAtOnce.get(), "runs of one work never overlap, on one node or two");
        assertAllDistinct(ticks.all());
        assertTrue(ticks.on(stopping.node()).stream().noneMatch(tick -> tick.firedAt().isAfter(stopped)),
                "a stopped node runs nothing");
    }

    @Test
    void aNodeThatDiesInTheMiddleOfARunHasItsWorkTakenOver() throws Exception {
        DataSource db = migratedDatabase();
        Ticks ticks = new Ticks();
        // node-a loses the database in the middle of its first run and never gets it back: to the cluster
        // that is a node that died with its run unfinished
        Severable link = new Severable(db);
        AtomicReference<Instant> died = new AtomicReference<>();
        WorkScheduler a = node(link, "node-a", ticks);
        a.addWork(new Probe("probe", SECOND, () -> {
            link.sever();
            died.compareAndSet(null, Instant.now());
        }));
        await(() -> Optional.ofNullable(died.get()), "node-a's first run");

        WorkScheduler b = node(db, "node-b", ticks);
        AtomicInteger runsOnB = new AtomicInteger();
        b.addWork(new Probe("probe", SECOND, runsOnB::incrementAndGet));
        Tick taken = await(() -> ticks.firstOn(b.node(), died.get()), "a run on node-b");

        LOG.info("node-b took the work over {} ms after node-a died (check-in every {} ms)",
                Duration.between(died.get(), taken.firedAt()).toMillis(), QUICK.checkinMillis());
        await(() -> runsOnB.get() >= 3 ? Optional.of(true) : Optional.empty(), "three runs on node-b");
        assertAllDistinct(ticks.all());
        assertEquals(1, ticks.on(a.node()).size(), "the dead node ran once");
        // without waiting for its run, which keeps trying to tell the database that it ended
        a.quartz().shutdown(false);
    }

    @Test
    void aTickMissedWhileTheWorkRanLongIsSkippedNotMadeUp() throws Exception {
        DataSource db = migratedDatabase();
        Ticks ticks = new Ticks();
        AtomicReference<Instant> longRunEnded = new AtomicReference<>();
        AtomicInteger runs = new AtomicInteger();
        WorkScheduler a = node(db, "node-a", ticks);
        a.addWork(new Probe("probe", SECOND, () -> {
            if (runs.incrementAndGet() == 1) {
                try {
                    // several ticks, and more than the misfire threshold, pass while the first run goes on
                    Thread.sleep(WorkScheduler.MISFIRE_MILLIS + 2000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                longRunEnded.set(Instant.now());
            }
        }));

        await(() -> runs.get() >= 4 ? Optional.of(true) : Optional.empty(), "three runs after the long one");
        List<Tick> all = ticks.all();
        Instant first = all.get(0).scheduled();
        // a tick due more than the threshold before the long run ended could only have run too late
        Instant tooLate = longRunEnded.get().minusMillis(WorkScheduler.MISFIRE_MILLIS);
        for (Tick tick : all.subList(1, all.size())) {
            assertTrue(tick.scheduled().isAfter(tooLate),
                    "the tick of " + tick.scheduled() + " was made up; the first ran at " + first
                            + ", the long run ended at " + longRunEnded.get());
        }
        assertAllDistinct(all);
    }

    @Test
    void aChangedIntervalReschedulesAndWorkUnregisteredOnANodeKeepsItsSchedule() throws Exception {
        DataSource db = migratedDatabase();
        Ticks ticks = new Ticks();
        WorkScheduler a = node(db, "node-a", ticks);
        AtomicInteger runs = new AtomicInteger();
        Probe everySecond = new Probe("probe", SECOND, runs::incrementAndGet);
        a.addWork(everySecond);
        TriggerKey trigger = TriggerKey.triggerKey("probe", WorkScheduler.GROUP);
        long firstStart = a.quartz().getTrigger(trigger).getStartTime().getTime();

        a.removeWork(everySecond);
        a.addWork(everySecond);
        assertEquals(firstStart, a.quartz().getTrigger(trigger).getStartTime().getTime(),
                "the same interval leaves the trigger as it was");

        a.removeWork(everySecond);
        Probe everyTwoSeconds = new Probe("probe", Duration.ofSeconds(2), runs::incrementAndGet);
        a.addWork(everyTwoSeconds);
        assertEquals(2000, ((SimpleTrigger) a.quartz().getTrigger(trigger)).getRepeatInterval());
        await(() -> runs.get() >= 1 ? Optional.of(true) : Optional.empty(), "a run");

        a.removeWork(everyTwoSeconds);
        assertTrue(a.quartz().checkExists(JobKey.jobKey("probe", WorkScheduler.GROUP)),
                "the job stays for the nodes that still have the work");
        int runsBefore = runs.get();
        int ticksBefore = ticks.all().size();
        await(() -> ticks.all().size() >= ticksBefore + 2 ? Optional.of(true) : Optional.empty(),
                "two more ticks");
        assertEquals(runsBefore, runs.get(), "a tick on a node without the work runs nothing");
    }

    @Test
    void workWithoutANameOrWithATooShortIntervalIsNotScheduled() throws Exception {
        WorkScheduler a = node(migratedDatabase(), "node-a", new Ticks());
        a.addWork(new Probe(" ", SECOND, () -> { }));
        a.addWork(new Probe("hasty", Duration.ofMillis(10), () -> { }));
        assertEquals(Set.of(), a.quartz().getJobKeys(GroupMatcher.anyJobGroup()));
    }

    @Test
    void theJobStoreSpeaksTheDialectOfTheDatabase() throws SQLException {
        assertEquals("org.quartz.impl.jdbcjobstore.StdJDBCDelegate", WorkScheduler.delegateFor("Apache Derby"));
        assertEquals("org.quartz.impl.jdbcjobstore.PostgreSQLDelegate", WorkScheduler.delegateFor("PostgreSQL"));
        assertThrows(IllegalStateException.class, () -> WorkScheduler.delegateFor("MySQL"));
        boolean postgresql = "postgresql".equals(System.getProperty("slotbridge.test.db"));
        assertEquals(postgresql ? "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate"
                : "org.quartz.impl.jdbcjobstore.StdJDBCDelegate", WorkScheduler.delegateFor(migratedDatabase()));
        assertThrows(IllegalArgumentException.class, () -> new Settings(0, 1000));
        assertThrows(IllegalArgumentException.class, () -> new Settings(1, 100));
    }

    private WorkScheduler node(DataSource db, String id, Ticks ticks) throws SchedulerException, SQLException {
        WorkScheduler node = new WorkScheduler(db, QUICK, id);
        nodes.add(node);
        node.quartz().getListenerManager().addJobListener(ticks);
        node.start();
        assertEquals(id, node.node());
        return node;
    }

    private static WorkScheduler lastToRun(Ticks ticks, WorkScheduler a, WorkScheduler b) {
        List<Tick> all = ticks.all();
        return all.get(all.size() - 1).node().equals(a.node()) ? a : b;
    }

    private static DataSource migratedDatabase() {
        DataSource db = TestDatabase.emptyDatabase();
        Migrations.apply(db);
        return db;
    }

    private static void assertAllDistinct(List<Tick> ticks) {
        Set<Instant> scheduled = new HashSet<>();
        for (Tick tick : ticks) {
            assertTrue(scheduled.add(tick.scheduled()), "the tick of " + tick.scheduled() + " ran twice: " + ticks);
        }
    }

    private static <T> T await(Supplier<Optional<T>> found, String what) throws InterruptedException {
        Instant end = Instant.now().plus(DEADLINE);
        while (Instant.now().isBefore(end)) {
            Optional<T> value = found.get();
            if (value.isPresent()) {
                return value.get();
            }
            Thread.sleep(50);
        }
        return fail(what + " did not happen within " + DEADLINE);
    }

    /** One run: the node that ran it, the time it was due, and the time it started. */
    record Tick(String node, Instant scheduled, Instant firedAt) {
    }

    /** Records every run of every node it listens to, in the order they start. */
    static final class Ticks implements JobListener {

        private final List<Tick> ticks = new ArrayList<>();

        @Override
        public String getName() {
            return "ticks";
        }

        @Override
        public void jobToBeExecuted(JobExecutionContext context) {
            try {
                Tick tick = new Tick(context.getScheduler().getSchedulerInstanceId(),
                        context.getScheduledFireTime().toInstant(), Instant.now());
                synchronized (ticks) {
                    ticks.add(tick);
                }
            } catch (SchedulerException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void jobExecutionVetoed(JobExecutionContext context) {
            // no trigger listener vetoes here
        }

        @Override
        public void jobWasExecuted(JobExecutionContext context, JobExecutionException jobException) {
            // the start is what counts
        }

        List<Tick> all() {
            synchronized (ticks) {
                return List.copyOf(ticks);
            }
        }

        List<Tick> on(String node) {
            return all().stream().filter(tick -> tick.node().equals(node)).toList();
        }

        Optional<Tick> firstOn(String node, Instant after) {
            return on(node).stream().filter(tick -> tick.firedAt().isAfter(after)).findFirst();
        }
    }

    /** Work for the tests. */
    record Probe(String name, Duration every, Runnable body) implements ScheduledWork {

        @Override
        public void run() {
            body.run();
        }
    }

    /** A data source that can be cut off for good, as the database is from a node that died. */
    static final class Severable implements DataSource {

        private final DataSource db;
        private volatile boolean severed;

        Severable(DataSource db) {
            this.db = db;
        }

        void sever() {
            severed = true;
        }

        @Override
        public Connection getConnection() throws SQLException {
            if (severed) {
                throw new SQLException("the node is gone");
            }
            return db.getConnection();
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            throw new SQLFeatureNotSupportedException();
        }

        @Override
        public PrintWriter getLogWriter() throws SQLException {
            return db.getLogWriter();
        }

        @Override
        public void setLogWriter(PrintWriter out) throws SQLException {
            db.setLogWriter(out);
        }

        @Override
        public void setLoginTimeout(int seconds) throws SQLException {
            db.setLoginTimeout(seconds);
        }

        @Override
        public int getLoginTimeout() throws SQLException {
            return db.getLoginTimeout();
        }

        @Override
        public java.util.logging.Logger getParentLogger() throws SQLFeatureNotSupportedException {
            throw new SQLFeatureNotSupportedException();
        }

        @Override
        public <T> T unwrap(Class<T> type) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> type) {
            return false;
        }
    }
}
