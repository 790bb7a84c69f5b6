package dev.roastden.worker.time;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Repeats tasks on one daemon thread. The thread is created on first use, after any SnapStart restore, so no thread
 * is captured in a snapshot.
 */
public final class ScheduledRepeater implements Repeater {
    private volatile ScheduledExecutorService executor;

    @Override
    public Repetition every(Duration period, Runnable task) {
        ScheduledFuture<?> future = executor().scheduleAtFixedRate(task, 0, period.toMillis(), TimeUnit.MILLISECONDS);
        return () -> future.cancel(false);
    }

    private ScheduledExecutorService executor() {
        ScheduledExecutorService local = executor;
        if (local == null) {
            synchronized (this) {
                local = executor;
                if (local == null) {
                    local = Executors.newSingleThreadScheduledExecutor(r -> {
                        Thread thread = new Thread(r, "repeater");
                        thread.setDaemon(true);
                        return thread;
                    });
                    executor = local;
                }
            }
        }
        return local;
    }
}
