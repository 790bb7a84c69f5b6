package dev.roastden.core.mention;

import java.time.Duration;
import java.time.Instant;

/**
 * How many mentions from other bots the gateway has answered in a row in one channel, since a person last wrote
 * there. Bots that answer each other's mentions would otherwise loop forever.
 *
 * @param length consecutive bot mentions answered (or refused at the limit)
 * @param lastBotMentionAt when the last of them was posted
 */
public record BotChain(int length, Instant lastBotMentionAt) {
    /** No bot chain: a person wrote last, or nobody wrote within the window. */
    public static final BotChain NONE = new BotChain(0, Instant.EPOCH);

    /** The chain as it stands at {@code at}: it lapses once {@code window} has passed without a bot mention. */
    public BotChain at(Instant at, Duration window) {
        return lastBotMentionAt.plus(window).isBefore(at) ? NONE : this;
    }

    /** The chain after one more bot mention at {@code at}. */
    public BotChain extendedAt(Instant at) {
        return new BotChain(length + 1, at);
    }
}
