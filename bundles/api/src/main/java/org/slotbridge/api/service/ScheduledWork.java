package org.slotbridge.api.service;

import java.time.Duration;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Work that runs at a fixed interval, once across the cluster: any bundle registers it as a service, and
 * the platform's scheduler runs it. At any moment it runs on one node at most, and at most once per
 * interval; a tick that comes while the previous run is still going, or that the cluster could not run in
 * time, is skipped rather than made up later. When the node running it dies, another node that has the
 * same work registered takes it over within a few check-in intervals of the scheduler.
 * <p>
 * A node that dies in the middle of a run leaves that run half done, and the next tick runs the work
 * again on another node: the work must be safe to run again after a crash at any point, for example by
 * doing its changes in transactions of their own that each check again what is left to do.
 */
@ConsumerType
public interface ScheduledWork {

    /**
     * The work's name: stable across restarts and unique across the cluster, such as
     * {@code booking-sweep}. Every node that registers work under one name must mean the same work.
     */
    String name();

    /** How long from one run's scheduled start to the next; at least a second. */
    Duration every();

    /**
     * Does the work once, on one of the scheduler's threads. An exception is logged and the next tick runs
     * the work again.
     */
    void run();
}
