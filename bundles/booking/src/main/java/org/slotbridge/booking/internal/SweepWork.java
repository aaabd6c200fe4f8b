package org.slotbridge.booking.internal;

import java.time.Duration;

import org.slotbridge.api.service.ScheduledWork;

/**
 * The booking sweep as work for the cluster's scheduler. Safe to run again after a crash: each request
 * expires in its own transaction, checked again under its lock, and holds and idempotency keys are deleted
 * by conditions that a second run finds already met.
 *
 * @param every how often it runs ({@code sweepSeconds})
 * @param sweep the sweep itself
 */
record SweepWork(Duration every, Runnable sweep) implements ScheduledWork {

    /** Its name across the cluster. */
    static final String NAME = "booking-sweep";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void run() {
        sweep.run();
    }
}
