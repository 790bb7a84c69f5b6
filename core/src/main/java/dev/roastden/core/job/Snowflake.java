package dev.roastden.core.job;

import java.time.Instant;
import java.util.Optional;

/** Discord snowflake ids: the top 42 bits are milliseconds since Discord's epoch (2015-01-01T00:00:00Z). */
public final class Snowflake {
    /** Discord's epoch in Unix milliseconds. */
    public static final long DISCORD_EPOCH_MILLIS = 1_420_070_400_000L;

    private Snowflake() {}

    /** When the object with this id was created; empty when {@code id} is not a snowflake. */
    public static Optional<Instant> instant(String id) {
        try {
            long value = Long.parseUnsignedLong(id);
            return Optional.of(Instant.ofEpochMilli((value >>> 22) + DISCORD_EPOCH_MILLIS));
        } catch (NumberFormatException notASnowflake) {
            return Optional.empty();
        }
    }

    /** A snowflake for the given instant (worker id, process id and increment zero, plus {@code sequence}). */
    public static String at(Instant instant, int sequence) {
        long millis = instant.toEpochMilli() - DISCORD_EPOCH_MILLIS;
        return Long.toUnsignedString((millis << 22) | (sequence & 0xFFF));
    }
}
