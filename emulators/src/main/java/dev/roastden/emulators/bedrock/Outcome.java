package dev.roastden.emulators.bedrock;

/** How the Bedrock emulator answers one {@code Converse} call. */
public sealed interface Outcome permits Outcome.Answer, Outcome.Failure {

    /**
     * A model answer.
     *
     * @param stopReason {@code end_turn}, {@code max_tokens}, {@code guardrail_intervened}, …
     */
    record Answer(String text, int inputTokens, int outputTokens, String stopReason) implements Outcome {}

    /**
     * An error as Bedrock Runtime sends it: the status, {@code x-amzn-ErrorType} and a JSON {@code message}.
     *
     * @param errorType the exception name the SDK maps, e.g. {@code ThrottlingException}
     */
    record Failure(int status, String errorType, String message) implements Outcome {}

    /** A normal answer with token counts estimated from the text. */
    static Answer answer(String text) {
        return new Answer(text, 0, Math.max(1, text.length() / 4), "end_turn");
    }

    /** What Converse returns when a guardrail blocks the answer. */
    static Answer guardrailIntervened(String blockedMessage) {
        return new Answer(blockedMessage, 0, 0, "guardrail_intervened");
    }

    /** 429 ThrottlingException. */
    static Failure throttled() {
        return new Failure(429, "ThrottlingException", "Too many requests, please wait before trying again.");
    }

    /** 400 ValidationException: the request is wrong; retrying gives the same. */
    static Failure validationError(String message) {
        return new Failure(400, "ValidationException", message);
    }

    /** 403 AccessDeniedException, e.g. model access not granted. */
    static Failure accessDenied() {
        return new Failure(
                403, "AccessDeniedException", "You don't have access to the model with the specified model ID.");
    }

    /** 500 InternalServerException. */
    static Failure serverError() {
        return new Failure(500, "InternalServerException", "The server encountered an internal error.");
    }

    /** 503 ServiceUnavailableException. */
    static Failure serviceUnavailable() {
        return new Failure(503, "ServiceUnavailableException", "The service is temporarily unavailable.");
    }
}
