package dev.roastden.infra;

import static dev.roastden.infra.Cfn.getAtt;
import static dev.roastden.infra.Cfn.list;
import static dev.roastden.infra.Cfn.map;
import static dev.roastden.infra.Cfn.properties;
import static dev.roastden.infra.Cfn.ref;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Template;

class DeferredWorkerTest {

    private final Synthesized.Result synthesized = Synthesized.defaults();
    private final Template template = synthesized.template();

    private Map<String, Object> function(Template from) {
        return properties(Cfn.resource(from, Contracts.WORKER_LOGICAL_ID));
    }

    private Map<String, Object> eventSource() {
        return properties(Cfn.only(template, "AWS::Lambda::EventSourceMapping"));
    }

    @Test
    void isAJava21FunctionUnderItsStableLogicalId() {
        assertThat(Cfn.resource(template, Contracts.WORKER_LOGICAL_ID)).containsEntry("Type", "AWS::Lambda::Function");
        assertThat(function(template))
                .containsEntry("Runtime", "java21")
                .containsEntry("Handler", "dev.roastden.worker.DeferredWorkerHandler::handleRequest");
    }

    @Test
    void isSizedForLongModelCalls() {
        assertThat(Cfn.number(function(template).get("MemorySize"))).isEqualTo(1024);
        assertThat(Cfn.number(function(template).get("Timeout"))).isEqualTo(90);
    }

    @Test
    void snapStartsOnPublishedVersionsAndTraces() {
        assertThat(function(template))
                .containsEntry("SnapStart", Map.of("ApplyOn", "PublishedVersions"))
                .containsEntry("TracingConfig", Map.of("Mode", "Active"));
    }

    @Test
    void environmentNamesTheTableSecretModelGuardrailAndPowertoolsSettings() {
        Map<String, Object> variables =
                map(map(function(template).get("Environment")).get("Variables"));
        RoastDenStack stack = synthesized.stack();
        assertThat(variables)
                .containsOnlyKeys(
                        "MEMORY_TABLE_NAME",
                        "BOT_TOKEN_SECRET_ID",
                        "DISCORD_APPLICATION_ID",
                        "BEDROCK_MODEL_ID",
                        "BEDROCK_GUARDRAIL_ID",
                        "BEDROCK_GUARDRAIL_VERSION",
                        "MAX_RECEIVES",
                        "RETRY_DELAY_SECONDS",
                        "CLAIM_LEASE_SECONDS",
                        "DETAILED_METRICS",
                        "POWERTOOLS_SERVICE_NAME",
                        "POWERTOOLS_METRICS_NAMESPACE",
                        "AWS_LAMBDA_DISABLE_CVE_2021_44228_PROTECTION")
                .containsEntry(
                        "MEMORY_TABLE_NAME", ref(Cfn.logicalId(stack.memory().table())))
                .containsEntry(
                        "BOT_TOKEN_SECRET_ID", ref(Cfn.logicalId(stack.secrets().botToken())))
                .containsEntry("DISCORD_APPLICATION_ID", ref("DiscordApplicationId"))
                .containsEntry("BEDROCK_MODEL_ID", "global.anthropic.claude-haiku-4-5-20251001-v1:0")
                .containsEntry("BEDROCK_GUARDRAIL_ID", Synthesized.GUARDRAIL.id())
                .containsEntry("BEDROCK_GUARDRAIL_VERSION", Synthesized.GUARDRAIL.version())
                .containsEntry("POWERTOOLS_SERVICE_NAME", "roastden-worker")
                .containsEntry("POWERTOOLS_METRICS_NAMESPACE", "RoastDen")
                .containsEntry("AWS_LAMBDA_DISABLE_CVE_2021_44228_PROTECTION", "true")
                // Per-request custom metrics are off unless asked for; failures are still counted.
                .containsEntry("DETAILED_METRICS", "false");
        Map<String, Object> detailed =
                map(map(function(Synthesized.adopting().template()).get("Environment"))
                        .get("Variables"));
        assertThat(detailed).containsEntry("DETAILED_METRICS", "true");
    }

    @Test
    void givesUpWithAFriendlyErrorOneDeliveryBeforeTheDeadLetterQueue() {
        String queueId = Cfn.logicalId(synthesized.stack().workQueue().queue());
        int maxReceiveCount =
                Cfn.number(map(properties(Cfn.resource(template, queueId)).get("RedrivePolicy"))
                        .get("maxReceiveCount"));
        Map<String, Object> variables =
                map(map(function(template).get("Environment")).get("Variables"));
        assertThat(Integer.parseInt((String) variables.get("MAX_RECEIVES"))).isEqualTo(maxReceiveCount - 1);
    }

    @Test
    void theWorkerKnowsWhenAReleasedJobComesBack() {
        String queueId = Cfn.logicalId(synthesized.stack().workQueue().queue());
        int visibility = Cfn.number(properties(Cfn.resource(template, queueId)).get("VisibilityTimeout"));
        Map<String, Object> variables =
                map(map(function(template).get("Environment")).get("Variables"));
        assertThat(visibility).isEqualTo(540);
        assertThat(Integer.parseInt((String) variables.get("RETRY_DELAY_SECONDS")))
                .isEqualTo(visibility);
    }

    @Test
    void claimLeaseOutlastsTheFunctionTimeout() {
        Map<String, Object> variables =
                map(map(function(template).get("Environment")).get("Variables"));
        int timeout = Cfn.number(function(template).get("Timeout"));
        assertThat(Integer.parseInt((String) variables.get("CLAIM_LEASE_SECONDS")))
                .isGreaterThan(timeout);
    }

    @Test
    void withoutAGuardrailNoGuardrailVariablesAreSet() {
        Map<String, Object> variables =
                map(map(function(Synthesized.alternative().template()).get("Environment"))
                        .get("Variables"));
        assertThat(variables)
                .doesNotContainKeys("BEDROCK_GUARDRAIL_ID", "BEDROCK_GUARDRAIL_VERSION")
                .containsEntry("DISCORD_APPLICATION_ID", Synthesized.APPLICATION_ID);
    }

    @Test
    void queueDrivesTheLiveAliasNotTheUnqualifiedFunction() {
        String aliasId = Cfn.logicalId(synthesized.stack().worker().alias());
        Object functionName = eventSource().get("FunctionName");

        // "<function name>:live", the name taken from the alias ARN.
        List<Object> joined = list(map(functionName).get("Fn::Join"));
        List<Object> parts = list(joined.get(1));
        assertThat(parts).hasSize(2);
        assertThat(parts.get(1)).isEqualTo(":" + Contracts.LIVE_ALIAS);
        List<Object> select = list(map(parts.get(0)).get("Fn::Select"));
        List<Object> split = list(map(select.get(1)).get("Fn::Split"));
        assertThat(split.get(1)).isEqualTo(ref(aliasId));

        assertThat(functionName).isNotEqualTo(ref(Contracts.WORKER_LOGICAL_ID));
    }

    @Test
    void reportsPartialBatchFailuresAndCapsConcurrency() {
        Map<String, Object> mapping = eventSource();
        assertThat(list(mapping.get("FunctionResponseTypes"))).containsExactly("ReportBatchItemFailures");
        assertThat(Cfn.number(map(mapping.get("ScalingConfig")).get("MaximumConcurrency")))
                .isEqualTo(5);
        assertThat(Cfn.number(mapping.get("BatchSize"))).isEqualTo(1);
    }

    @Test
    void keepAliveSendsTheAliasAnEmptyBatchDaily() throws Exception {
        String aliasId = Cfn.logicalId(synthesized.stack().worker().alias());
        Map<String, Object> rule = Cfn.scheduleInvoking(template, aliasId);
        assertThat(rule).containsEntry("ScheduleExpression", "rate(1 day)");
        JsonNode event = new ObjectMapper()
                .readTree((String) map(list(rule.get("Targets")).get(0)).get("Input"));
        assertThat(event.path("Records").isArray()).isTrue();
        assertThat(event.path("Records")).isEmpty();
    }

    @Test
    void consumesTheWorkQueue() {
        String queueId = Cfn.logicalId(synthesized.stack().workQueue().queue());
        assertThat(eventSource()).containsEntry("EventSourceArn", getAtt(queueId, "Arn"));
    }
}
