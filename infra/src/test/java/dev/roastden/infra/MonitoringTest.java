package dev.roastden.infra;

import static dev.roastden.infra.Cfn.getAtt;
import static dev.roastden.infra.Cfn.list;
import static dev.roastden.infra.Cfn.map;
import static dev.roastden.infra.Cfn.properties;
import static dev.roastden.infra.Cfn.ref;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Template;

class MonitoringTest {

    private final Synthesized.Result synthesized = Synthesized.defaults();
    private final Template template = synthesized.template();
    private final String topicId =
            Cfn.logicalId(synthesized.stack().monitoring().alarmTopic());

    private List<Map<String, Object>> alarms(Template from) {
        return Cfn.resources(from, "AWS::CloudWatch::Alarm").values().stream()
                .map(Cfn::properties)
                .toList();
    }

    private Map<String, Object> alarmOn(Template from, String metricName, Map<String, Object> dimension) {
        List<Map<String, Object>> matching = alarms(from).stream()
                .filter(a -> metricName.equals(a.get("MetricName")))
                .filter(a -> list(a.getOrDefault("Dimensions", List.of())).contains(dimension))
                .toList();
        assertThat(matching).as("alarm on %s %s", metricName, dimension).hasSize(1);
        return matching.get(0);
    }

    private static Map<String, Object> functionDimension(String logicalId) {
        return Map.of("Name", "FunctionName", "Value", ref(logicalId));
    }

    @Test
    void everyAlarmNotifiesTheAlarmTopic() {
        assertThat(alarms(template))
                .hasSizeGreaterThanOrEqualTo(6)
                .allSatisfy(alarm -> assertThat(list(alarm.get("AlarmActions"))).containsExactly(ref(topicId)));
    }

    @Test
    void alarmsWhenAJobReachesTheDeadLetterQueue() {
        String dlqId = Cfn.logicalId(synthesized.stack().workQueue().deadLetterQueue());
        Map<String, Object> alarm = alarmOn(
                template,
                "ApproximateNumberOfMessagesVisible",
                Map.of("Name", "QueueName", "Value", getAtt(dlqId, "QueueName")));
        assertThat(alarm)
                .containsEntry("ComparisonOperator", "GreaterThanThreshold")
                .containsEntry("Namespace", "AWS/SQS");
        assertThat(Cfn.number(alarm.get("Threshold"))).isZero();
    }

    @Test
    void alarmsWhenHandlerP99ExceedsOneAndAHalfSeconds() {
        Map<String, Object> alarm = alarmOn(template, "Duration", functionDimension(Contracts.HANDLER_LOGICAL_ID));
        assertThat(alarm)
                .containsEntry("ExtendedStatistic", "p99")
                .containsEntry("ComparisonOperator", "GreaterThanThreshold");
        assertThat(Cfn.number(alarm.get("Threshold"))).isEqualTo(1500);
    }

    @Test
    void alarmsOnErrorsAndThrottlesOfBothFunctions() {
        for (String function : List.of(Contracts.HANDLER_LOGICAL_ID, Contracts.WORKER_LOGICAL_ID)) {
            for (String metric : List.of("Errors", "Throttles")) {
                Map<String, Object> alarm = alarmOn(template, metric, functionDimension(function));
                assertThat(alarm)
                        .containsEntry("Statistic", "Sum")
                        .containsEntry("ComparisonOperator", "GreaterThanOrEqualToThreshold");
                assertThat(Cfn.number(alarm.get("Threshold"))).isEqualTo(1);
            }
        }
    }

    @Test
    void alarmsWhenBedrockRejectsTheModelConfiguration() {
        Map<String, Object> alarm =
                alarmOn(template, "ModelRejected", Map.of("Name", "Service", "Value", "roastden-worker"));
        assertThat(alarm)
                .containsEntry("Namespace", "RoastDen")
                .containsEntry("Statistic", "Sum")
                .containsEntry("ComparisonOperator", "GreaterThanOrEqualToThreshold")
                .containsEntry("TreatMissingData", "notBreaching");
        assertThat(Cfn.number(alarm.get("Threshold"))).isEqualTo(1);
        assertThat(Contracts.MODEL_REJECTED_METRIC).isEqualTo("ModelRejected");
    }

    @Test
    void alarmEmailIsSubscribedToTheTopic() {
        assertThat(properties(Cfn.only(template, "AWS::SNS::Subscription")))
                .containsEntry("Protocol", "email")
                .containsEntry("Endpoint", Synthesized.ALARM_EMAIL)
                .containsEntry("TopicArn", ref(topicId));
    }

    @Test
    void gatewayHeartbeatIsAlarmedOnlyWhenTheGatewayRuns() {
        assertThat(alarms(template)).noneMatch(a -> "GatewayHeartbeat".equals(a.get("MetricName")));

        Template gateway = Synthesized.alternative().template();
        assertThat(alarms(gateway))
                .filteredOn(a -> "GatewayHeartbeat".equals(a.get("MetricName")))
                .singleElement()
                .satisfies(alarm -> assertThat(alarm)
                        .containsEntry("Namespace", "RoastDen")
                        .containsEntry("ComparisonOperator", "LessThanThreshold")
                        .containsEntry("TreatMissingData", "breaching")
                        // The gateway's EMF line also emits a dimensionless series; that is the one watched.
                        .doesNotContainKey("Dimensions"));
    }

    @Test
    void dashboardChartsEveryPromisedMetricWhenAskedFor() throws Exception {
        assertThat(Cfn.resources(template, "AWS::CloudWatch::Dashboard")).isEmpty();
        List<List<String>> charted = chartedMetrics(Synthesized.alternative().template());
        assertThat(charted)
                .contains(
                        List.of("AWS/Lambda", "Duration", "p50", "handler"),
                        List.of("AWS/Lambda", "Duration", "p99", "handler"),
                        List.of("AWS/Lambda", "Errors", "Sum", "handler"),
                        List.of("AWS/Lambda", "Throttles", "Sum", "handler"),
                        List.of("AWS/Lambda", "Errors", "Sum", "worker"),
                        List.of("AWS/Lambda", "Throttles", "Sum", "worker"),
                        List.of("AWS/Lambda", "Duration", "p50", "worker"),
                        List.of("AWS/Lambda", "Duration", "p99", "worker"),
                        List.of("AWS/SQS", "ApproximateNumberOfMessagesVisible", "Maximum", "queue"),
                        List.of("AWS/SQS", "ApproximateAgeOfOldestMessage", "Maximum", "queue"),
                        List.of("AWS/SQS", "ApproximateNumberOfMessagesVisible", "Maximum", "dlq"),
                        List.of("RoastDen", "ModelResponseTime", "p50", "Service=roastden-worker"),
                        List.of("RoastDen", "ModelResponseTime", "p99", "Service=roastden-worker"),
                        List.of("RoastDen", "ModelRejected", "Sum", "Service=roastden-worker"),
                        List.of("RoastDen", "GatewayHeartbeat", "SampleCount", ""));
    }

    /**
     * Every metric on the dashboard as [namespace, name, statistic, whose]. The dashboard body is a
     * JSON document joined from literals and references; references are replaced by placeholders
     * naming the resource they point at before the JSON is parsed.
     */
    private List<List<String>> chartedMetrics(Template from) throws Exception {
        Map<String, String> placeholders = Map.of(
                Contracts.HANDLER_LOGICAL_ID,
                "handler",
                Contracts.WORKER_LOGICAL_ID,
                "worker",
                Cfn.logicalId(synthesized.stack().workQueue().queue()),
                "queue",
                Cfn.logicalId(synthesized.stack().workQueue().deadLetterQueue()),
                "dlq");
        Map<String, Object> body =
                map(properties(Cfn.only(from, "AWS::CloudWatch::Dashboard")).get("DashboardBody"));
        StringBuilder json = new StringBuilder();
        for (Object part : list(list(body.get("Fn::Join")).get(1))) {
            if (part instanceof String literal) {
                json.append(literal);
            } else {
                Map<String, Object> reference = map(part);
                String target = reference.containsKey("Ref")
                        ? (String) reference.get("Ref")
                        : (String) list(reference.get("Fn::GetAtt")).get(0);
                json.append(placeholders.getOrDefault(target, "other"));
            }
        }
        List<List<String>> metrics = new ArrayList<>();
        for (JsonNode widget : new ObjectMapper().readTree(json.toString()).path("widgets")) {
            for (JsonNode metric : widget.path("properties").path("metrics")) {
                List<String> fields = new ArrayList<>();
                JsonNode options = null;
                for (JsonNode field : metric) {
                    if (field.isObject()) {
                        options = field;
                    } else {
                        fields.add(field.asText());
                    }
                }
                String statistic = options == null ? "" : options.path("stat").asText();
                String whose = fields.size() >= 4 ? fields.get(3) : "";
                if (fields.size() >= 4 && fields.get(2).equals("Service")) {
                    whose = "Service=" + fields.get(3);
                }
                metrics.add(List.of(fields.get(0), fields.get(1), statistic, whose));
            }
        }
        return metrics;
    }
}
