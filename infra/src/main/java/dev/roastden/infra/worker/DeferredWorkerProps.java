package dev.roastden.infra.worker;

import dev.roastden.infra.lambda.SnapStartKeepAlive;
import dev.roastden.infra.queue.WorkQueue;
import dev.roastden.infra.secrets.BotSecrets;
import dev.roastden.infra.storage.MemoryTable;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awscdk.Duration;

/**
 * The function that turns queued jobs into persona replies.
 *
 * @param jar the worker's shaded jar ({@code deferred-worker/target/roastden-worker.jar})
 * @param workQueue the queue it consumes
 * @param memory the table it reads and writes
 * @param secrets where the bot token and the application id come from
 * @param model the Bedrock model or inference profile it may invoke
 * @param guardrail the guardrail it applies, if any
 * @param maxConcurrency most worker instances the queue drives at once (2..1000); caps the
 *     Bedrock request rate
 * @param batchSize jobs per invocation (1..10)
 * @param keepAlive how often a scheduled empty batch keeps the SnapStart version active; empty for
 *     no schedule
 * @param detailedMetrics publish the per-request custom metrics (response time, tokens, processed
 *     messages …); off, only failure metrics are published, which cost nothing in a month without
 *     failures
 * @param adminWebhookSecretArn an existing secret holding the admin channel's webhook URL; the worker may read it
 * @param fallbackModel a cheaper model for servers past their soft budget limit; the worker may invoke it too
 */
public record DeferredWorkerProps(
        Path jar,
        WorkQueue workQueue,
        MemoryTable memory,
        BotSecrets secrets,
        BedrockModel model,
        Optional<Guardrail> guardrail,
        int maxConcurrency,
        int batchSize,
        Optional<Duration> keepAlive,
        boolean detailedMetrics,
        Optional<String> adminWebhookSecretArn,
        Optional<FallbackModel> fallbackModel) {

    /**
     * Five concurrent workers: plenty for a friend group, and well under the default Bedrock
     * on-demand quotas, so bursts queue up instead of being throttled.
     */
    public static final int DEFAULT_MAX_CONCURRENCY = 5;

    /**
     * One job per invocation: each job is one model call that can take tens of seconds, so a job
     * never waits for the model calls of its batch neighbours and the function timeout bounds a
     * single job.
     */
    public static final int DEFAULT_BATCH_SIZE = 1;

    public DeferredWorkerProps {
        Objects.requireNonNull(jar, "jar");
        Objects.requireNonNull(workQueue, "workQueue");
        Objects.requireNonNull(memory, "memory");
        Objects.requireNonNull(secrets, "secrets");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(guardrail, "guardrail");
        if (maxConcurrency < 2 || maxConcurrency > 1000) {
            throw new IllegalArgumentException(
                    "maxConcurrency must be 2..1000 (the SQS event source's limits), got " + maxConcurrency);
        }
        if (workQueue.maxReceiveCount() < 2) {
            throw new IllegalArgumentException(
                    "The work queue must allow at least two deliveries: the worker reports a final error on the one"
                            + " before the last");
        }
        if (batchSize < 1 || batchSize > 10) {
            throw new IllegalArgumentException("batchSize must be 1..10, got " + batchSize);
        }
        Objects.requireNonNull(keepAlive, "keepAlive").ifPresent(SnapStartKeepAlive::requireValidRate);
        Objects.requireNonNull(adminWebhookSecretArn, "adminWebhookSecretArn");
        Objects.requireNonNull(fallbackModel, "fallbackModel");
    }

    public DeferredWorkerProps(
            Path jar,
            WorkQueue workQueue,
            MemoryTable memory,
            BotSecrets secrets,
            BedrockModel model,
            Optional<Guardrail> guardrail) {
        this(
                jar,
                workQueue,
                memory,
                secrets,
                model,
                guardrail,
                DEFAULT_MAX_CONCURRENCY,
                DEFAULT_BATCH_SIZE,
                Optional.of(SnapStartKeepAlive.DEFAULT_RATE),
                false,
                Optional.empty(),
                Optional.empty());
    }

    public DeferredWorkerProps withDetailedMetrics(boolean value) {
        return new DeferredWorkerProps(
                jar,
                workQueue,
                memory,
                secrets,
                model,
                guardrail,
                maxConcurrency,
                batchSize,
                keepAlive,
                value,
                adminWebhookSecretArn,
                fallbackModel);
    }

    public DeferredWorkerProps withAdminWebhookSecretArn(Optional<String> arn) {
        return new DeferredWorkerProps(
                jar,
                workQueue,
                memory,
                secrets,
                model,
                guardrail,
                maxConcurrency,
                batchSize,
                keepAlive,
                detailedMetrics,
                arn,
                fallbackModel);
    }

    public DeferredWorkerProps withFallbackModel(Optional<FallbackModel> model) {
        return new DeferredWorkerProps(
                jar,
                workQueue,
                memory,
                secrets,
                this.model,
                guardrail,
                maxConcurrency,
                batchSize,
                keepAlive,
                detailedMetrics,
                adminWebhookSecretArn,
                model);
    }
}
