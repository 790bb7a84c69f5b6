package dev.roastden.infra.monitoring;

import dev.roastden.infra.Contracts;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.Dashboard;
import software.amazon.awscdk.services.cloudwatch.GraphWidget;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.cloudwatch.actions.SnsAction;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.sns.Topic;
import software.amazon.awscdk.services.sns.subscriptions.EmailSubscription;
import software.constructs.Construct;

/**
 * The alarms that matter, all sending to one SNS topic, and optionally a dashboard.
 *
 * <p>Alarms: a job in the dead-letter queue (a reply that never arrived); the handler's p99
 * duration above 1.5 s (half of Discord's three seconds, before API Gateway and network time);
 * handler or worker errors; handler or worker throttles; jobs waiting longer than five minutes;
 * Bedrock refusing the model configuration ({@value Contracts#MODEL_REJECTED_METRIC}: no model
 * access, a wrong model id or Region, which the worker answers politely and so never shows as a
 * function error); and, when the gateway runs, a missing heartbeat.
 *
 * <p>The dashboard costs $3 a month, more than the whole rest of a small deployment's fixed cost,
 * and shows nothing the alarms and the Lambda console do not; it is created only on request.
 */
public final class Monitoring extends Construct {

    /** Handler p99 duration above this means Discord's 3 s deadline is at risk. */
    public static final Duration HANDLER_P99_LIMIT = Duration.millis(1500);

    /** A job older than this has probably outlived its interaction token's usefulness. */
    public static final Duration OLDEST_JOB_LIMIT = Duration.minutes(5);

    private static final Duration PERIOD = Duration.minutes(5);

    private final Topic alarmTopic;
    private final Optional<Dashboard> dashboard;
    private final List<Alarm> alarms = new ArrayList<>();

    public Monitoring(Construct scope, String id, MonitoringProps props) {
        super(scope, id);

        alarmTopic = Topic.Builder.create(this, "AlarmTopic")
                .displayName("Roast Den alarms")
                .enforceSsl(true)
                .build();
        props.alarmEmail().ifPresent(email -> alarmTopic.addSubscription(new EmailSubscription(email)));
        SnsAction notify = new SnsAction(alarmTopic);

        IFunction handler = props.handler();
        IFunction worker = props.worker();

        Metric handlerP99 = handler.metricDuration(options("p99"));
        Metric handlerP50 = handler.metricDuration(options("p50"));
        Metric dlqDepth = props.deadLetterQueue().metricApproximateNumberOfMessagesVisible(options("Maximum"));
        Metric queueDepth = props.workQueue().metricApproximateNumberOfMessagesVisible(options("Maximum"));
        Metric oldestJob = props.workQueue().metricApproximateAgeOfOldestMessage(options("Maximum"));

        alarm(
                "DeadLetterQueueNotEmpty",
                "A job failed on every delivery and is in the dead-letter queue.",
                dlqDepth,
                0,
                ComparisonOperator.GREATER_THAN_THRESHOLD,
                notify);
        alarm(
                "HandlerP99Slow",
                "Interactions handler p99 duration is above 1.5 s; Discord allows 3 s.",
                handlerP99,
                HANDLER_P99_LIMIT.toMilliseconds().doubleValue(),
                ComparisonOperator.GREATER_THAN_THRESHOLD,
                notify);
        alarm(
                "HandlerErrors",
                "The interactions handler failed invocations.",
                handler.metricErrors(options("Sum")),
                1,
                ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
                notify);
        alarm(
                "WorkerErrors",
                "The deferred worker failed invocations.",
                worker.metricErrors(options("Sum")),
                1,
                ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
                notify);
        alarm(
                "HandlerThrottles",
                "Lambda throttled the interactions handler; Discord saw failures.",
                handler.metricThrottles(options("Sum")),
                1,
                ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
                notify);
        alarm(
                "WorkerThrottles",
                "Lambda throttled the deferred worker.",
                worker.metricThrottles(options("Sum")),
                1,
                ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
                notify);
        alarm(
                "WorkQueueBacklog",
                "Jobs have waited more than five minutes for a worker.",
                oldestJob,
                OLDEST_JOB_LIMIT.toSeconds().doubleValue(),
                ComparisonOperator.GREATER_THAN_THRESHOLD,
                notify);

        Map<String, String> workerDimensions = Map.of(Contracts.SERVICE_DIMENSION, Contracts.WORKER_SERVICE_NAME);
        alarm(
                "ModelRejected",
                "Bedrock refused model calls (access denied, validation, model not found): every command answers"
                        + " with an error. Check model access, the model id and the Region (docs/DEPLOY.md).",
                appMetric(Contracts.MODEL_REJECTED_METRIC, workerDimensions, "Sum"),
                1,
                ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
                notify);

        Metric heartbeat = Metric.Builder.create()
                .namespace(Contracts.METRICS_NAMESPACE)
                .metricName(Contracts.GATEWAY_HEARTBEAT_METRIC)
                .statistic("SampleCount")
                .period(PERIOD)
                .build();
        if (props.gatewayDeployed()) {
            Alarm missing = Alarm.Builder.create(this, "GatewayHeartbeatMissing")
                    .alarmDescription("The gateway task sent no heartbeat for 10 minutes; @mentions go unanswered.")
                    .metric(heartbeat)
                    .threshold(1)
                    .comparisonOperator(ComparisonOperator.LESS_THAN_THRESHOLD)
                    .evaluationPeriods(2)
                    .datapointsToAlarm(2)
                    .treatMissingData(TreatMissingData.BREACHING)
                    .build();
            missing.addAlarmAction(notify);
            alarms.add(missing);
        }

        if (!props.dashboard()) {
            dashboard = Optional.empty();
            return;
        }
        Metric claudeP50 = appMetric(Contracts.MODEL_RESPONSE_TIME_METRIC, workerDimensions, "p50");
        Metric claudeP99 = appMetric(Contracts.MODEL_RESPONSE_TIME_METRIC, workerDimensions, "p99");

        Dashboard board = Dashboard.Builder.create(this, "Dashboard")
                .dashboardName("RoastDen-" + Stack.of(this).getStackName())
                .build();
        dashboard = Optional.of(board);
        board.addWidgets(
                graph("Handler duration (ms)", List.of(handlerP50, handlerP99)),
                graph(
                        "Errors",
                        List.of(
                                labelled(handler.metricErrors(options("Sum")), "handler"),
                                labelled(worker.metricErrors(options("Sum")), "worker"))),
                graph(
                        "Throttles",
                        List.of(
                                labelled(handler.metricThrottles(options("Sum")), "handler"),
                                labelled(worker.metricThrottles(options("Sum")), "worker"))));
        board.addWidgets(
                graph("Work queue", List.of(labelled(queueDepth, "visible jobs"))),
                graph("Oldest job (s)", List.of(oldestJob)),
                graph("Dead-letter queue", List.of(labelled(dlqDepth, "jobs"))));
        List<IMetric> gatewayMetrics = List.of(labelled(heartbeat, "heartbeats"));
        board.addWidgets(
                graph(
                        "Worker duration (ms)",
                        List.of(worker.metricDuration(options("p50")), worker.metricDuration(options("p99")))),
                graph(
                        "Claude response time (ms), model rejections",
                        List.of(
                                claudeP50,
                                claudeP99,
                                labelled(
                                        appMetric(Contracts.MODEL_REJECTED_METRIC, workerDimensions, "Sum"),
                                        "rejected"))),
                graph("Gateway heartbeat", gatewayMetrics));
    }

    private static MetricOptions options(String statistic) {
        return MetricOptions.builder().statistic(statistic).period(PERIOD).build();
    }

    private static Metric appMetric(String name, Map<String, String> dimensions, String statistic) {
        return Metric.Builder.create()
                .namespace(Contracts.METRICS_NAMESPACE)
                .metricName(name)
                .dimensionsMap(dimensions)
                .statistic(statistic)
                .period(PERIOD)
                .build();
    }

    private static Metric labelled(Metric metric, String label) {
        return metric.with(MetricOptions.builder().label(label).build());
    }

    private static GraphWidget graph(String title, List<? extends IMetric> metrics) {
        return GraphWidget.Builder.create()
                .title(title)
                .left(List.copyOf(metrics))
                .width(8)
                .build();
    }

    private void alarm(
            String id,
            String description,
            Metric metric,
            double threshold,
            ComparisonOperator comparison,
            SnsAction notify) {
        Alarm alarm = Alarm.Builder.create(this, id)
                .alarmDescription(description)
                .metric(metric)
                .threshold(threshold)
                .comparisonOperator(comparison)
                .evaluationPeriods(1)
                .treatMissingData(TreatMissingData.NOT_BREACHING)
                .build();
        alarm.addAlarmAction(notify);
        alarms.add(alarm);
    }

    /** The topic every alarm notifies. */
    public Topic alarmTopic() {
        return alarmTopic;
    }

    /** Every alarm created. */
    public List<Alarm> alarms() {
        return List.copyOf(alarms);
    }

    /** The dashboard, when one was asked for. */
    public Optional<Dashboard> dashboard() {
        return dashboard;
    }
}
