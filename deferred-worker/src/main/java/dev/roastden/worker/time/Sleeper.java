package dev.roastden.worker.time;

import java.time.Duration;

/** Waits. Injected so tests can honour Retry-After and backoff without actually waiting. */
@FunctionalInterface
public interface Sleeper {
    /** Really sleeps. */
    Sleeper SYSTEM = duration -> Thread.sleep(Math.max(0, duration.toMillis()));

    void sleep(Duration duration) throws InterruptedException;

    /**
     * Sleeps for {@code wait}; false, with the thread's interrupt flag set again, when the sleep was interrupted and
     * the caller should give up rather than try again.
     */
    default boolean pause(Duration wait) {
        try {
            sleep(wait);
            return true;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
