package org.slotbridge.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javax.inject.Inject;
import javax.sql.DataSource;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.util.tracker.ServiceTracker;
import org.slotbridge.api.service.Booking;
import org.slotbridge.api.service.ConnectorStatus;
import org.slotbridge.api.service.PracticeDirectory;
import org.slotbridge.api.service.PracticeSetup;
import org.slotbridge.api.service.ScheduleSync;
import org.slotbridge.api.service.StaffAccounts;
import org.slotbridge.api.service.Theme;

/**
 * The distribution as shipped, checked from inside the container: every bundle of every boot feature
 * starts, the platform's services are published, and the scheduler runs the booking sweep.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class DistributionIT {

    private static final Duration BOOT = Duration.ofSeconds(120);

    @Inject
    private BundleContext context;

    @Configuration
    public Option[] configuration() {
        return ContainerOptions.distribution(ContainerOptions.work("distribution"), ContainerOptions.freePort())
                .toArray(new Option[0]);
    }

    @Test
    public void everyBundleStarts() throws InterruptedException {
        Instant deadline = Instant.now().plus(BOOT);
        List<String> notActive = notActive();
        while (!notActive.isEmpty() && Instant.now().isBefore(deadline)) {
            Thread.sleep(500);
            notActive = notActive();
        }
        assertTrue("bundles not active " + BOOT.toSeconds() + " s after boot: " + notActive, notActive.isEmpty());
        assertTrue("no Slotbridge bundle installed", slotbridgeBundles() >= 11);
    }

    @Test
    public void platformServicesArePublished() throws InterruptedException {
        for (Class<?> type : List.of(PracticeDirectory.class, PracticeSetup.class, Booking.class,
                ScheduleSync.class, StaffAccounts.class, ConnectorStatus.class, Theme.class)) {
            ServiceTracker<?, ?> tracker = new ServiceTracker<>(context, type.getName(), null);
            tracker.open();
            try {
                if (tracker.waitForService(BOOT.toMillis()) == null) {
                    fail(type.getSimpleName() + " not published " + BOOT.toSeconds() + " s after boot");
                }
            } finally {
                tracker.close();
            }
        }
    }

    /** The booking sweep is work of the cluster's scheduler, kept in the database and run from there. */
    @Test
    public void theBookingSweepIsScheduledInTheDatabase() throws Exception {
        ServiceTracker<DataSource, DataSource> tracker = new ServiceTracker<>(context,
                context.createFilter("(&(objectClass=javax.sql.DataSource)(osgi.jndi.service.name=slotbridge))"),
                null);
        tracker.open();
        try {
            DataSource db = tracker.waitForService(BOOT.toMillis());
            assertNotNull("no slotbridge DataSource " + BOOT.toSeconds() + " s after boot", db);
            Instant deadline = Instant.now().plus(BOOT);
            String found = sweepSchedule(db);
            while (found == null && Instant.now().isBefore(deadline)) {
                Thread.sleep(500);
                found = sweepSchedule(db);
            }
            assertEquals("the sweep's job, trigger and a first run", "org.slotbridge.scheduler.internal.RunWork"
                    + " every 60000 ms", found);
        } finally {
            tracker.close();
        }
    }

    /** The booking sweep's job class and interval once it ran at least once, or null until then. */
    private static String sweepSchedule(DataSource db) throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT j.job_class_name, t.repeat_interval FROM qrtz_job_details j"
                     + " JOIN qrtz_simple_triggers t ON t.sched_name = j.sched_name AND t.trigger_name = j.job_name"
                     + " AND t.trigger_group = j.job_group"
                     + " WHERE j.sched_name = 'slotbridge' AND j.job_name = 'booking-sweep'"
                     + " AND t.times_triggered > 0")) {
            String found = rs.next() ? rs.getString(1) + " every " + rs.getLong(2) + " ms" : null;
            if (!c.getAutoCommit()) {
                c.rollback();
            }
            return found;
        }
    }

    private List<String> notActive() {
        List<String> found = new ArrayList<>();
        for (Bundle bundle : context.getBundles()) {
            boolean fragment = bundle.getHeaders().get(Constants.FRAGMENT_HOST) != null;
            if (!fragment && bundle.getState() != Bundle.ACTIVE) {
                found.add(bundle.getSymbolicName() + " (" + state(bundle.getState()) + ")");
            }
        }
        return found;
    }

    private long slotbridgeBundles() {
        long count = 0;
        for (Bundle bundle : context.getBundles()) {
            if (bundle.getSymbolicName() != null && bundle.getSymbolicName().startsWith("slotbridge-")) {
                count++;
            }
        }
        return count;
    }

    private static String state(int state) {
        return switch (state) {
            case Bundle.INSTALLED -> "installed";
            case Bundle.RESOLVED -> "resolved";
            case Bundle.STARTING -> "starting";
            case Bundle.STOPPING -> "stopping";
            default -> Integer.toString(state);
        };
    }
}
