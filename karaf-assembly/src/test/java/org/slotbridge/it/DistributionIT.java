package org.slotbridge.it;

import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javax.inject.Inject;

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
 * starts, and the platform's services are published.
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
