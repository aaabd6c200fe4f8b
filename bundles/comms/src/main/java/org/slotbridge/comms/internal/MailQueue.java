package org.slotbridge.comms.internal;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One background thread that sends email in the order it was queued, so that a slow SMTP server never
 * holds up the step of a request that asked for the email. Emails waiting beyond a limit are refused rather
 * than piling up in memory.
 */
final class MailQueue {

    /** Emails waiting beyond this are refused. */
    private static final int LIMIT = 1000;

    private final ExecutorService executor;

    MailQueue(String threadName) {
        this.executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(LIMIT),
                task -> {
                    Thread thread = new Thread(task, threadName);
                    thread.setDaemon(true);
                    return thread;
                });
    }

    /** Queues one email's work; false when too many are waiting or the queue is stopping. */
    boolean offer(Runnable work) {
        try {
            executor.execute(work);
            return true;
        } catch (RejectedExecutionException e) {
            return false;
        }
    }

    /** Waits until every email queued so far has been tried; false when that takes too long. */
    boolean drain(long timeoutMillis) throws InterruptedException {
        try {
            executor.submit(() -> { }).get(timeoutMillis, TimeUnit.MILLISECONDS);
            return true;
        } catch (ExecutionException | TimeoutException | RejectedExecutionException e) {
            return false;
        }
    }

    /**
     * Stops taking emails and waits up to {@code waitMillis} for those queued.
     *
     * @return how many were left unsent
     */
    int stop(long waitMillis) {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(waitMillis, TimeUnit.MILLISECONDS)) {
                return executor.shutdownNow().size();
            }
            return 0;
        } catch (InterruptedException e) {
            int left = executor.shutdownNow().size();
            Thread.currentThread().interrupt();
            return left;
        }
    }
}
