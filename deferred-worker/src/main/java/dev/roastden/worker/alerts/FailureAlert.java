package dev.roastden.worker.alerts;

import java.util.Objects;
import java.util.Optional;

/**
 * A failure a member saw as an error, with what an operator needs to find it.
 *
 * @param scope the server (or DM scope)
 * @param cause what went wrong, as a short stable key ({@code model-rejected:AccessDeniedException}); one alert per
 *     cause and server per window
 * @param command the command, without the slash
 * @param persona the persona that was to speak, if any
 * @param interactionId the interaction, to search the logs by
 * @param errorClass the exception's class
 * @param message the exception's message (redacted before it is sent)
 * @param requestId the AWS request id, when an AWS call failed
 */
public record FailureAlert(
        String scope,
        String cause,
        String command,
        Optional<String> persona,
        String interactionId,
        String errorClass,
        String message,
        Optional<String> requestId) {
    public FailureAlert {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(cause, "cause");
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(persona, "persona");
        Objects.requireNonNull(interactionId, "interactionId");
        Objects.requireNonNull(errorClass, "errorClass");
        message = message == null ? "" : message;
        Objects.requireNonNull(requestId, "requestId");
    }
}
