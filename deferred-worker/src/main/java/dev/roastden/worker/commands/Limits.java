package dev.roastden.worker.commands;

import dev.roastden.core.memory.RateLimit;
import java.time.Duration;

/**
 * Per-user and per-server limits on model calls.
 *
 * @param perUser model calls one user may cause per minute
 * @param perGuild model calls one server may cause per hour
 */
public record Limits(RateLimit perUser, RateLimit perGuild) {
    public static Limits defaults() {
        return new Limits(
                new RateLimit("user", 6, Duration.ofMinutes(1)), new RateLimit("guild", 300, Duration.ofHours(1)));
    }
}
