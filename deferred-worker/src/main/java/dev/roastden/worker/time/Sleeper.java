package dev.roastden.worker.time;

import java.time.Duration;

/** Waits. Injected so tests can honour Retry-After and backoff without actually waiting. */
@FunctionalInterface
public interface Sleeper {
    /** Really sleeps. */
    Sleeper SYSTEM = duration -> Thread.sleep(Math.max(0, duration.toMillis()));

    void sleep(Duration duration) throws InterruptedException;
}
