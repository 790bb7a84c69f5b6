package dev.roastden.core.memory;

import java.time.Duration;
import java.time.Instant;

/**
 * A fixed-window limit: at most {@code limit} requests per {@code window} for one id in one scope.
 *
 * @param scope what is counted ({@code user}, {@code guild})
 */
public record RateLimit(String scope, int limit, Duration window) {
    public RateLimit {
        if (limit < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("A rate limit needs a positive limit and window");
        }
    }

    /** The number of the window {@code now} falls in. */
    public long windowAt(Instant now) {
        return now.getEpochSecond() / window.toSeconds();
    }

    /** When the window containing {@code now} ends. */
    public Instant windowEnd(Instant now) {
        return Instant.ofEpochSecond((windowAt(now) + 1) * window.toSeconds());
    }
}
