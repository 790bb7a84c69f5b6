package dev.roastden.worker.observability;

import java.time.Duration;
import software.amazon.lambda.powertools.metrics.Metrics;
import software.amazon.lambda.powertools.metrics.MetricsFactory;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;

/**
 * Metrics through Powertools v2's plain-method API ({@code MetricsFactory}; no {@code @FlushMetrics} aspect): EMF
 * lines on stdout that CloudWatch turns into metrics. Namespace and service come from
 * {@code POWERTOOLS_METRICS_NAMESPACE} / {@code POWERTOOLS_SERVICE_NAME}, else {@code RoastDen} / {@code worker}.
 */
public final class PowertoolsWorkerMetrics implements WorkerMetrics {
    private final Metrics metrics;

    public PowertoolsWorkerMetrics() {
        this.metrics = MetricsFactory.getMetricsInstance();
        if (System.getenv("POWERTOOLS_METRICS_NAMESPACE") == null) {
            metrics.setNamespace("RoastDen");
        }
        metrics.setRaiseOnEmptyMetrics(false);
    }

    @Override
    public void messageProcessed(String command, String outcome) {
        metrics.addMetric("MessageProcessed", 1, MetricUnit.COUNT);
        metrics.addMetadata("outcome_" + command, outcome);
    }

    @Override
    public void modelCall(Duration latency, int inputTokens, int outputTokens) {
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
        metrics.addMetric("DuplicateSuppressed", 1, MetricUnit.COUNT);
    }

    @Override
    public void secretAccess(boolean success) {
        metrics.addMetric("SecretAccess", 1, MetricUnit.COUNT);
        metrics.addMetadata("secret_access_outcome", success ? "success" : "failure");
    }

    @Override
    public void flush() {
        metrics.flush();
    }
}
