package dev.roastden.worker.time;

import java.time.Duration;

/**
 * Exponential backoff with full jitter, shared by the retries around Bedrock calls.
 */
public final class Backoff {
    private Backoff() {}

    /** The wait before attempt {@code attempt + 1}: between half and all of {@code base × 2^(attempt − 1)}. */
    public static Duration before(int attempt, Duration base) {
        long cap = base.toMillis() << (attempt - 1);
        return Duration.ofMillis(cap / 2 + jitter(cap / 2 + 1));
    }

    /**
     * A number in {@code [0, bound)} from the clock, not from a random generator: a generator seeded before a
     * SnapStart snapshot would give every restored instance the same jitter.
     */
    private static long jitter(long bound) {
        long x = System.nanoTime() * 0x9E3779B97F4A7C15L;
        x ^= x >>> 31;
        return Math.floorMod(x, bound);
    }
}
