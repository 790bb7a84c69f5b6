package dev.roastden.worker.secrets;

/** The Discord bot token, needed only for calls outside an interaction (mention replies). */
@FunctionalInterface
public interface BotTokenSource {
    /**
     * The token.
     *
     * @throws IllegalStateException when it cannot be had
     */
    String botToken();
}
