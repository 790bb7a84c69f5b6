package dev.roastden.cli;

import java.util.Optional;

/** Discord answered with an error, or could not be reached. The message is safe to show; it holds no token. */
final class DiscordApiException extends Exception {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final Optional<Double> retryAfterSeconds;

    DiscordApiException(int status, String message, Optional<Double> retryAfterSeconds) {
        super(message);
        this.status = status;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** The HTTP status, 0 when Discord could not be reached. */
    int status() {
        return status;
    }

    Optional<Double> retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
