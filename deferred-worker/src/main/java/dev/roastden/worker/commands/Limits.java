package dev.roastden.worker.commands;

import dev.roastden.core.memory.RateLimit;

/**
 * Per-user and per-server limits on model calls. They come from each server's settings ({@code /settings}; see
 * {@link dev.roastden.worker.usage.Budgets#limits}); nothing is hard-coded here.
 *
 * @param perUser model calls one user may cause per minute
 * @param perGuild model calls one server may cause per hour
 */
public record Limits(RateLimit perUser, RateLimit perGuild) {}
