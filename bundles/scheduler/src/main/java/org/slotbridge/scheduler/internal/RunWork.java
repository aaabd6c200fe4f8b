package org.slotbridge.scheduler.internal;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.SchedulerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slotbridge.api.service.ScheduledWork;

/**
 * The one job class: runs the {@link ScheduledWork} its job is named after. Quartz makes one instance per
 * run. Not concurrent: while one run of a job is going on any node, the clustered job store holds that
 * job's trigger back, so a work never overlaps itself.
 */
@DisallowConcurrentExecution
public final class RunWork implements Job {

    private static final Logger LOG = LoggerFactory.getLogger(RunWork.class);

    @Override
    public void execute(JobExecutionContext context) {
        String name = context.getJobDetail().getKey().getName();
        ScheduledWork work;
        try {
            work = ((Works) context.getScheduler().getContext().get(Works.KEY)).get(name);
        } catch (SchedulerException e) {
            LOG.warn("Scheduled work {} could not be looked up; it runs again at its next tick", name, e);
            return;
        }
        if (work == null) {
            // another node registered it; this one has no such work (its bundle is stopped or not installed)
            LOG.debug("Scheduled work {} is not registered on this node: its tick of {} does nothing here",
                    name, context.getScheduledFireTime().toInstant());
            return;
        }
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        // the work runs as if called from its own bundle, not with the scheduler's class loader
        thread.setContextClassLoader(work.getClass().getClassLoader());
        try {
            work.run();
        } catch (RuntimeException e) {
            LOG.warn("Scheduled work {} failed; it runs again at its next tick", name, e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
