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
 */
public final class PowertoolsWorkerMetrics implements WorkerMetrics {
    private final Metrics metrics;

    public PowertoolsWorkerMetrics() {
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
    public void factRefused() {
        metrics.addMetric("FactRefused", 1, MetricUnit.COUNT);
    }

    @Override
    public void flush() {
        metrics.flush();
    }
}
