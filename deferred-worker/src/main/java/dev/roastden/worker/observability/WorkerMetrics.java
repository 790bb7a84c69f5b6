package dev.roastden.worker.observability;

import java.time.Duration;

/** The worker's business metrics. Emitted as CloudWatch EMF on Lambda ({@link PowertoolsWorkerMetrics}). */
public interface WorkerMetrics {
    /** {@code MessageProcessed}: one job finished with this outcome (reply, error, dropped, expired, …). */
    void messageProcessed(String command, String outcome);

    /** {@code ModelResponseTime}, {@code ModelInputTokens}, {@code ModelOutputTokens}: one call to the model. */
    void modelCall(Duration latency, int inputTokens, int outputTokens);

    /** {@code DiscordPatchFailed}: a Discord edit failed for good (or for now, when {@code retrying}). */
    void discordPatchFailed(String reason);

    /** {@code DuplicateSuppressed}: a delivery of an interaction already done or in progress was skipped. */
    void duplicateSuppressed();

    /** {@code SecretAccess}: one read of a secret, successful or not. */
    void secretAccess(boolean success);

    /** {@code FactRefused}: a fact taught with /remember broke the server's content rules and was not stored. */
    void factRefused();

    /**
     * {@code ModelRejected}: Bedrock refused a model call for a reason no retry fixes (access denied, validation,
     * model not found); {@code reason} is the error's class name. Alarmed: every member sees an error meanwhile.
     */
    void modelRejected(String reason);

    /** Writes out what was collected during this invocation. */
    void flush();
}
