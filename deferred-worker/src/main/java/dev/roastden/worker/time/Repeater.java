package dev.roastden.worker.time;

import java.time.Duration;

/** Runs a task now and again at a fixed period until it is cancelled. */
@FunctionalInterface
public interface Repeater {
    /**
     * Runs {@code task} as soon as possible and then every {@code period}, until the returned repetition is
     * cancelled. The task must not throw.
     */
    Repetition every(Duration period, Runnable task);

    /** A task that keeps running until cancelled. */
    @FunctionalInterface
    interface Repetition {
        /** No run starts after this; a run already under way may still finish. Cancelling twice is harmless. */
        void cancel();
    }
}
