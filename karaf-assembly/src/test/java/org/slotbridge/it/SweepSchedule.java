package org.slotbridge.it;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The booking sweep as the cluster's scheduler keeps it in the shared database, read every quarter second on
 * a thread of its own until closed: when the sweep's trigger last fired, which nodes hold one of its ticks
 * (taken and not finished, in {@code qrtz_fired_triggers}) and which nodes check in
 * ({@code qrtz_scheduler_state}). Also reads, from a node's log, its scheduler's id and when it ran the sweep;
 * the latter needs the booking service's log at debug ({@link #logRuns(Node)}).
 */
final class SweepSchedule implements AutoCloseable {

    /** The sweep's job and trigger, as the booking bundle names its scheduled work. */
    static final String TRIGGER = "booking-sweep";
    private static final String SCHEDULER = "slotbridge";
    private static final long EVERY_MILLIS = 250;
    private static final Pattern STARTED = Pattern.compile("Scheduler node (\\S+) started");
    /** What the booking service logs, at debug, after each sweep, or at warn when one failed. */
    private static final Pattern RUN = Pattern.compile("\\| BookingService\\s.*\\| (Expired \\d+ requests, deleted"
            + "|Sweeping lapsed holds and requests failed)");
    private static final DateTimeFormatter LOG_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss,SSS");

    /** A tick held by a node: taken ({@code ACQUIRED}) or running ({@code EXECUTING}). */
    record Held(String node, long scheduled, String state) {
    }

    /**
     * One reading.
     *
     * @param fired    when the trigger last fired, as scheduled, in epoch milliseconds; 0 before its first tick
     * @param held     the ticks nodes hold
     * @param checkins each node's last check-in, by scheduler id
     */
    record Sample(Instant at, long fired, List<Held> held, Map<String, Long> checkins) {
    }

    private final SqlConnect connect;
    private final List<Sample> samples = new CopyOnWriteArrayList<>();
    private final AtomicReference<Exception> failure = new AtomicReference<>();
    private final Thread thread;
    private volatile boolean closed;

    /** A connection to the shared database. */
    @FunctionalInterface
    interface SqlConnect {
        Connection connect() throws SQLException;
    }

    private SweepSchedule(SqlConnect connect) {
        this.connect = connect;
        thread = new Thread(this::watch, "sweep schedule");
        thread.setDaemon(true);
    }

    /** Starts reading the schedule, and waits for the first reading. */
    static SweepSchedule watch(SqlConnect connect) {
        SweepSchedule schedule = new SweepSchedule(connect);
        schedule.thread.start();
        Poll.until(Duration.ofSeconds(30), "a first reading of the sweep's schedule", schedule::latest);
        return schedule;
    }

    /** The latest reading; null before the first. */
    Sample latest() {
        rethrow();
        return samples.isEmpty() ? null : samples.get(samples.size() - 1);
    }

    List<Sample> samples() {
        rethrow();
        return List.copyOf(samples);
    }

    /** Every time the trigger was seen to have fired, as scheduled. */
    NavigableSet<Long> fired() {
        NavigableSet<Long> fired = new TreeSet<>();
        samples().stream().filter(sample -> sample.fired() > 0).forEach(sample -> fired.add(sample.fired()));
        return fired;
    }

    /** The most rows the sweep's trigger had in {@code qrtz_fired_triggers} at once. */
    int mostHeldAtOnce() {
        return samples().stream().mapToInt(sample -> sample.held().size()).max().orElse(0);
    }

    /** The first reading after {@code since} that {@code node} no longer checks in, or null. */
    Sample gone(String node, Instant since) {
        return samples().stream().filter(sample -> sample.at().isAfter(since))
                .filter(sample -> !sample.checkins().containsKey(node)).findFirst().orElse(null);
    }

    @Override
    public void close() {
        closed = true;
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the sweep's schedule was read", e);
        }
        rethrow();
    }

    private void watch() {
        try (Connection db = connect.connect()) {
            while (!closed) {
                samples.add(read(db));
                Thread.sleep(EVERY_MILLIS);
            }
        } catch (SQLException | RuntimeException e) {
            failure.set(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void rethrow() {
        Exception e = failure.get();
        if (e != null) {
            throw new IllegalStateException("reading the sweep's schedule failed", e);
        }
    }

    private static Sample read(Connection db) throws SQLException {
        Instant at = Instant.now();
        long fired = 0;
        try (PreparedStatement query = db.prepareStatement("SELECT prev_fire_time FROM qrtz_triggers"
                + " WHERE sched_name = ? AND trigger_name = ?")) {
            query.setString(1, SCHEDULER);
            query.setString(2, TRIGGER);
            try (ResultSet rows = query.executeQuery()) {
                if (rows.next()) {
                    fired = Math.max(0, rows.getLong(1));
                }
            }
        }
        // check-ins first: a node found dead loses its check-in and its ticks in one transaction, so a reading
        // that no longer has its check-in has none of its ticks either
        Map<String, Long> checkins = new HashMap<>();
        try (PreparedStatement query = db.prepareStatement("SELECT instance_name, last_checkin_time"
                + " FROM qrtz_scheduler_state WHERE sched_name = ?")) {
            query.setString(1, SCHEDULER);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    checkins.put(rows.getString(1), rows.getLong(2));
                }
            }
        }
        List<Held> held = new ArrayList<>();
        try (PreparedStatement query = db.prepareStatement("SELECT instance_name, sched_time, state"
                + " FROM qrtz_fired_triggers WHERE sched_name = ? AND trigger_name = ?")) {
            query.setString(1, SCHEDULER);
            query.setString(2, TRIGGER);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    held.add(new Held(rows.getString(1), rows.getLong(2), rows.getString(3)));
                }
            }
        }
        return new Sample(at, fired, held, checkins);
    }

    /** The scheduler id the node logged at its latest start, once it did. */
    static String nodeId(Node node, Duration limit) {
        return Poll.until(limit, "node " + node.name() + " logs its scheduler's id", () -> {
            String id = null;
            for (String line : node.log()) {
                Matcher matcher = STARTED.matcher(line);
                if (matcher.find()) {
                    id = matcher.group(1);
                }
            }
            return id;
        });
    }

    /**
     * When the node ran the sweep, as its log says; set {@code log4j2.logger.sweep.*} in
     * {@code etc/org.ops4j.pax.logging.cfg} with {@link #logRuns(Node)} before the node starts.
     */
    static List<Instant> runs(Node node) {
        List<Instant> runs = new ArrayList<>();
        for (String line : node.log()) {
            if (line.length() > 23 && RUN.matcher(line).find()) {
                // the node's log writes local time, and the node runs on this machine
                runs.add(LocalDateTime.parse(line.substring(0, 23), LOG_TIME).atZone(ZoneId.systemDefault())
                        .toInstant());
            }
        }
        return runs;
    }

    /** Has the node log each sweep it runs. */
    static void logRuns(Node node) {
        String logging = "etc/org.ops4j.pax.logging.cfg";
        node.set(logging, "log4j2.logger.sweep.name", "org.slotbridge.booking.internal.BookingService");
        node.set(logging, "log4j2.logger.sweep.level", "DEBUG");
    }
}
