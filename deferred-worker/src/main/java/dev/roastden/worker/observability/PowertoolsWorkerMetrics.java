package dev.roastden.worker.observability;

import java.time.Duration;
import java.util.Optional;
import software.amazon.cloudwatchlogs.emf.config.Configuration;
import software.amazon.cloudwatchlogs.emf.config.EnvironmentConfigurationProvider;
import software.amazon.cloudwatchlogs.emf.environment.Environments;
import software.amazon.lambda.powertools.metrics.Metrics;
import software.amazon.lambda.powertools.metrics.MetricsFactory;
import software.amazon.lambda.powertools.metrics.model.DimensionSet;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;

/**
 * Metrics through Powertools v2's plain-method API ({@code MetricsFactory}; no {@code @FlushMetrics} aspect): EMF
 * lines on stdout that CloudWatch turns into metrics. Namespace and service come from
 * {@code POWERTOOLS_METRICS_NAMESPACE} / {@code POWERTOOLS_SERVICE_NAME}, else {@code RoastDen} /
 * {@code roastden-worker}.
 *
 * <p>The model's figures are named for no model in particular ({@code ModelResponseTime}, {@code ModelInputTokens},
 * {@code ModelOutputTokens}): each is emitted with the {@code Service} dimension alone, which the dashboard and
 * alarms read, and once more with {@code Service} and {@code Model} (the model id), to tell models apart.
 *
 * <p>Per-request figures (messages processed, model time and tokens, duplicates, secret reads) are custom metrics
 * only with {@code DETAILED_METRICS} not {@code false}: otherwise they ride along as metadata on an EMF line only
 * when a failure metric is written anyway, and only failures (Discord patches that failed, refused facts, a model that refuses every call) are metrics, which cost
 * nothing in a month without failures.
 *
 * <p>Outside Lambda (the local system, tests) the EMF library would otherwise probe for ECS and EC2 metadata
 * endpoints and then send to a CloudWatch agent socket that is not there; there the lines go to stdout, as on
 * Lambda, unless {@code AWS_EMF_ENVIRONMENT} says otherwise.
 */
public final class PowertoolsWorkerMetrics implements WorkerMetrics {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(PowertoolsWorkerMetrics.class);

    public static final String MODEL_RESPONSE_TIME = "ModelResponseTime";
    public static final String MODEL_INPUT_TOKENS = "ModelInputTokens";
    public static final String MODEL_OUTPUT_TOKENS = "ModelOutputTokens";

    private final Metrics metrics;
    private final String model;
    private final String namespace;
    private final String service;
    private final boolean detailed;
    /** Whether this invocation added a metric: flushing none makes Powertools warn (the keep-alive's empty batch). */
    private final java.util.concurrent.atomic.AtomicBoolean added = new java.util.concurrent.atomic.AtomicBoolean();

    /** @param model the id of the model the worker asks, the {@code Model} dimension of the model metrics */
    public PowertoolsWorkerMetrics(String model) {
        this.model = dimensionValue(model);
        this.detailed = !"false".equalsIgnoreCase(System.getenv("DETAILED_METRICS"));
        this.namespace = Optional.ofNullable(System.getenv("POWERTOOLS_METRICS_NAMESPACE"))
                .orElse("RoastDen");
        this.service =
                Optional.ofNullable(System.getenv("POWERTOOLS_SERVICE_NAME")).orElse("roastden-worker");
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
            add("MessageProcessed", 1, MetricUnit.COUNT);
        }
        metrics.addMetadata("outcome_" + command, outcome);
    }

    @Override
    public void modelCall(Duration latency, int inputTokens, int outputTokens) {
        if (!detailed) {
            metrics.addMetadata("model_response_time_ms", latency.toMillis());
            metrics.addMetadata("model_tokens", inputTokens + "/" + outputTokens);
            return;
        }
        add(MODEL_RESPONSE_TIME, latency.toMillis(), MetricUnit.MILLISECONDS);
        add(MODEL_INPUT_TOKENS, inputTokens, MetricUnit.COUNT);
        add(MODEL_OUTPUT_TOKENS, outputTokens, MetricUnit.COUNT);
        try {
            DimensionSet byModel = DimensionSet.of("Service", service, "Model", model);
            metrics.flushSingleMetric(
                    MODEL_RESPONSE_TIME, latency.toMillis(), MetricUnit.MILLISECONDS, namespace, byModel);
            metrics.flushSingleMetric(MODEL_INPUT_TOKENS, inputTokens, MetricUnit.COUNT, namespace, byModel);
            metrics.flushSingleMetric(MODEL_OUTPUT_TOKENS, outputTokens, MetricUnit.COUNT, namespace, byModel);
        } catch (RuntimeException e) {
            // A metric must never cost a reply.
            LOG.warn("Could not emit the per-model metrics: {}", e.toString());
        }
    }

    /**
     * {@code model} as EMF accepts a dimension value: printable ASCII without spaces, at most 250 characters (a
     * model id such as {@code anthropic.claude-3-5-haiku-20241022-v1:0} is kept as it is).
     */
    static String dimensionValue(String model) {
        StringBuilder out = new StringBuilder();
        for (char c : model.trim().toCharArray()) {
            out.append(c > ' ' && c < 127 ? c : '-');
        }
        String value = out.length() == 0 ? "unknown" : out.toString();
        return value.length() <= 250 ? value : value.substring(0, 250);
    }

    @Override
    public void discordPatchFailed(String reason) {
        add("DiscordPatchFailed", 1, MetricUnit.COUNT);
        metrics.addMetadata("discord_failure", reason);
    }

    @Override
    public void duplicateSuppressed() {
        if (!detailed) {
            metrics.addMetadata("duplicate_suppressed", true);
            return;
        }
        add("DuplicateSuppressed", 1, MetricUnit.COUNT);
    }

    @Override
    public void secretAccess(boolean success) {
        if (detailed) {
            add("SecretAccess", 1, MetricUnit.COUNT);
        }
        metrics.addMetadata("secret_access_outcome", success ? "success" : "failure");
    }

    @Override
    public void factRefused() {
        add("FactRefused", 1, MetricUnit.COUNT);
    }

    @Override
    public void modelRejected(String reason) {
        add("ModelRejected", 1, MetricUnit.COUNT);
        metrics.addMetadata("model_rejected", reason);
    }

    private void add(String name, double value, MetricUnit unit) {
        added.set(true);
        metrics.addMetric(name, value, unit);
    }

    @Override
    public void flush() {
        if (added.getAndSet(false)) {
            metrics.flush();
        }
    }
}
