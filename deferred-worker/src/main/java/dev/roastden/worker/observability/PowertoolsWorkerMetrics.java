package dev.roastden.worker.observability;

import java.time.Duration;
import software.amazon.cloudwatchlogs.emf.config.Configuration;
import software.amazon.cloudwatchlogs.emf.config.EnvironmentConfigurationProvider;
import software.amazon.cloudwatchlogs.emf.environment.Environments;
import software.amazon.lambda.powertools.metrics.Metrics;
import software.amazon.lambda.powertools.metrics.MetricsFactory;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;

/**
 * Metrics through Powertools v2's plain-method API ({@code MetricsFactory}; no {@code @FlushMetrics} aspect): EMF
 * lines on stdout that CloudWatch turns into metrics. Namespace and service come from
 * {@code POWERTOOLS_METRICS_NAMESPACE} / {@code POWERTOOLS_SERVICE_NAME}, else {@code RoastDen} /
 * {@code roastden-worker}.
 *
 * <p>Outside Lambda (the local system, tests) the EMF library would otherwise probe for ECS and EC2 metadata
 * endpoints and then send to a CloudWatch agent socket that is not there; there the lines go to stdout, as on
 * Lambda, unless {@code AWS_EMF_ENVIRONMENT} says otherwise.
 *
 * <p>Each custom metric costs $0.30 a month in every month it is published. With {@code DETAILED_METRICS=false}
 * (the deployed default) only the failure metrics are published ({@code ModelRejected}, {@code DiscordPatchFailed},
 * {@code FactRefused}), which cost nothing in a month without failures; the per-request figures then go to the log
 * line as metadata only. Unset, every metric is published.
 */
public final class PowertoolsWorkerMetrics implements WorkerMetrics {
    private final Metrics metrics;
    private final boolean detailed;

    public PowertoolsWorkerMetrics() {
        this.detailed = !"false".equalsIgnoreCase(System.getenv("DETAILED_METRICS"));
        if (System.getenv("AWS_LAMBDA_FUNCTION_NAME") == null) {
            Configuration emf = EnvironmentConfigurationProvider.getConfig();
            if (System.getenv("AWS_EMF_ENVIRONMENT") == null) {
                emf.setEnvironmentOverride(Environments.Local);
            }
            if (System.getenv("POWERTOOLS_SERVICE_NAME") == null) {
                emf.setServiceName("roastden-worker");
            }
        }
        this.metrics = MetricsFactory.getMetricsInstance();
        if (System.getenv("POWERTOOLS_METRICS_NAMESPACE") == null) {
            metrics.setNamespace("RoastDen");
        }
        metrics.setRaiseOnEmptyMetrics(false);
    }

    @Override
    public void messageProcessed(String command, String outcome) {
        if (detailed) {
            metrics.addMetric("MessageProcessed", 1, MetricUnit.COUNT);
        }
        metrics.addMetadata("outcome_" + command, outcome);
    }

    @Override
    public void modelCall(Duration latency, int inputTokens, int outputTokens) {
        if (!detailed) {
            metrics.addMetadata("claude_response_time_ms", latency.toMillis());
            metrics.addMetadata("claude_tokens", inputTokens + "/" + outputTokens);
            return;
        }
        metrics.addMetric("ClaudeResponseTime", latency.toMillis(), MetricUnit.MILLISECONDS);
        metrics.addMetric("ClaudeInputTokens", inputTokens, MetricUnit.COUNT);
        metrics.addMetric("ClaudeOutputTokens", outputTokens, MetricUnit.COUNT);
    }

    @Override
    public void discordPatchFailed(String reason) {
        metrics.addMetric("DiscordPatchFailed", 1, MetricUnit.COUNT);
        metrics.addMetadata("discord_failure", reason);
    }

    @Override
    public void duplicateSuppressed() {
        if (!detailed) {
            metrics.addMetadata("duplicate_suppressed", true);
            return;
        }
        metrics.addMetric("DuplicateSuppressed", 1, MetricUnit.COUNT);
    }

    @Override
    public void secretAccess(boolean success) {
        if (detailed) {
            metrics.addMetric("SecretAccess", 1, MetricUnit.COUNT);
        }
        metrics.addMetadata("secret_access_outcome", success ? "success" : "failure");
    }

    @Override
    public void factRefused() {
        metrics.addMetric("FactRefused", 1, MetricUnit.COUNT);
    }

    @Override
    public void modelRejected(String reason) {
        metrics.addMetric("ModelRejected", 1, MetricUnit.COUNT);
        metrics.addMetadata("model_rejected", reason);
    }

    @Override
    public void flush() {
        metrics.flush();
    }
}
