package dev.roastden.worker.time;

import java.time.Duration;

/**
 * A stretch of real time that started when the budget was made, measured on the monotonic clock: what the Lambda
 * runtime's remaining time is measured in, whatever the wall clock says.
 */
public final class TimeBudget {
    private final long deadlineNanos;

    private TimeBudget(long deadlineNanos) {
        this.deadlineNanos = deadlineNanos;
    }

    /** A budget of {@code length} from now; a negative length is an empty budget. */
    public static TimeBudget of(Duration length) {
        return new TimeBudget(System.nanoTime() + Math.max(0, length.toNanos()));
    }

    /** What is left of it, never negative. */
    public Duration remaining() {
        return Duration.ofNanos(Math.max(0, deadlineNanos - System.nanoTime()));
    }
}
