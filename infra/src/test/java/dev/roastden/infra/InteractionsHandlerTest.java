package dev.roastden.infra;

import static dev.roastden.infra.Cfn.getAtt;
import static dev.roastden.infra.Cfn.list;
import static dev.roastden.infra.Cfn.map;
import static dev.roastden.infra.Cfn.properties;
import static dev.roastden.infra.Cfn.ref;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.roastden.infra.handler.InteractionsHandlerProps;
import dev.roastden.infra.lambda.SnapStartKeepAlive;
import dev.roastden.infra.queue.WorkQueue;
import dev.roastden.infra.queue.WorkQueueProps;
import dev.roastden.infra.storage.MemoryTable;
import dev.roastden.infra.storage.MemoryTableProps;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Template;

class InteractionsHandlerTest {

    private final Synthesized.Result synthesized = Synthesized.defaults();
    private final Template template = synthesized.template();

    private Map<String, Object> function() {
        return properties(Cfn.resource(template, Contracts.HANDLER_LOGICAL_ID));
    }

    private String aliasId() {
        return Cfn.logicalId(synthesized.stack().handler().alias());
    }

    @Test
    void isAJava21FunctionUnderItsStableLogicalId() {
        Map<String, Object> function = function();
        assertThat(Cfn.resource(template, Contracts.HANDLER_LOGICAL_ID)).containsEntry("Type", "AWS::Lambda::Function");
        assertThat(function)
                .containsEntry("Runtime", "java21")
                .containsEntry("Handler", "dev.roastden.handler.InteractionsHandler::handleRequest");
    }

    @Test
    void hasOneFullVcpuOfMemory() {
        assertThat(Cfn.number(function().get("MemorySize"))).isEqualTo(1769);
    }

    @Test
    void snapStartsOnPublishedVersions() {
        assertThat(function()).containsEntry("SnapStart", Map.of("ApplyOn", "PublishedVersions"));
    }

    @Test
    void tracesWithXRay() {
        assertThat(function()).containsEntry("TracingConfig", Map.of("Mode", "Active"));
    }

    @Test
    void liveAliasPointsAtAPublishedVersionOfTheHandler() {
        Map<String, Object> alias = properties(Cfn.resource(template, aliasId()));
        assertThat(alias)
                .containsEntry("Name", "live")
                .containsEntry("FunctionName", ref(Contracts.HANDLER_LOGICAL_ID));

        @SuppressWarnings("unchecked")
        String versionId = (String)
                list(map(alias.get("FunctionVersion")).get("Fn::GetAtt")).get(0);
        Map<String, Object> version = Cfn.resource(template, versionId);
        assertThat(version).containsEntry("Type", "AWS::Lambda::Version");
        assertThat(properties(version)).containsEntry("FunctionName", ref(Contracts.HANDLER_LOGICAL_ID));
    }

    @Test
    void environmentCarriesOnlyThePublicKeyTheQueueTheTableAndTheLog4ShellSwitch() {
        Map<String, Object> variables = map(map(function().get("Environment")).get("Variables"));
        String queueId = Cfn.logicalId(synthesized.stack().workQueue().queue());
        String tableId = Cfn.logicalId(synthesized.stack().memory().table());
        assertThat(variables)
                .containsOnlyKeys(
                        "DISCORD_PUBLIC_KEY",
                        "WORK_QUEUE_URL",
                        "MEMORY_TABLE_NAME",
                        "AWS_LAMBDA_DISABLE_CVE_2021_44228_PROTECTION")
                .containsEntry("DISCORD_PUBLIC_KEY", ref("DiscordPublicKey"))
                .containsEntry("WORK_QUEUE_URL", ref(queueId))
                .containsEntry("MEMORY_TABLE_NAME", ref(tableId))
                .containsEntry("AWS_LAMBDA_DISABLE_CVE_2021_44228_PROTECTION", "true");
    }

    @Test
    void readsTheSameTableTheWorkerWrites() {
        Map<String, Object> handlerVariables =
                map(map(function().get("Environment")).get("Variables"));
        Map<String, Object> workerVariables = map(map(properties(Cfn.resource(template, Contracts.WORKER_LOGICAL_ID))
                        .get("Environment"))
                .get("Variables"));
        assertThat(handlerVariables.get("MEMORY_TABLE_NAME")).isEqualTo(workerVariables.get("MEMORY_TABLE_NAME"));
    }

    @Test
    void publicKeyGivenAsContextIsALiteral() {
        Template gateway = Synthesized.alternative().template();
        Map<String, Object> variables = map(map(properties(Cfn.resource(gateway, Contracts.HANDLER_LOGICAL_ID))
                        .get("Environment"))
                .get("Variables"));
        assertThat(variables).containsEntry("DISCORD_PUBLIC_KEY", Synthesized.PUBLIC_KEY);
        assertThat(map(gateway.toJSON().get("Parameters"))).doesNotContainKey("DiscordPublicKey");
    }

    @Test
    void everyVariableInEventsEnvJsonIsDeclaredWhenLocalEndpointsAreOn() throws Exception {
        // sam local invoke --env-vars only sets variables the template declares.
        JsonNode envJson =
                new ObjectMapper().readTree(Path.of("../events/env.json").toFile());
        Template local = Synthesized.alternative().template();
        for (String function : List.of(Contracts.HANDLER_LOGICAL_ID, Contracts.WORKER_LOGICAL_ID)) {
            Map<String, Object> declared =
                    map(map(properties(Cfn.resource(local, function)).get("Environment"))
                            .get("Variables"));
            envJson.path(function).fieldNames().forEachRemaining(name -> {
                if (!name.equals("AWS_REGION")) { // set by Lambda and by sam itself
                    assertThat(declared).as("%s in %s", name, function).containsKey(name);
                }
            });
        }
    }

    @Test
    void localEndpointOverridesAreDeclaredEmptyOnlyWhenAskedFor() {
        Map<String, Object> local =
                map(map(properties(Cfn.resource(Synthesized.alternative().template(), Contracts.HANDLER_LOGICAL_ID))
                                .get("Environment"))
                        .get("Variables"));
        assertThat(local).containsEntry("SQS_ENDPOINT", "").containsEntry("DYNAMODB_ENDPOINT", "");
        assertThat(map(map(function().get("Environment")).get("Variables")))
                .doesNotContainKeys("SQS_ENDPOINT", "DYNAMODB_ENDPOINT");
    }

    @Test
    void publicKeyParameterOnlyAcceptsHex() {
        Map<String, Object> parameter =
                map(map(template.toJSON().get("Parameters")).get("DiscordPublicKey"));
        assertThat(parameter).containsEntry("Type", "String").containsEntry("AllowedPattern", "^[0-9a-fA-F]{64}$");
    }

    @Test
    void logsAreKeptForAMonth() {
        Object logGroupRef = map(function().get("LoggingConfig")).get("LogGroup");
        String logGroupId = (String) map(logGroupRef).get("Ref");
        assertThat(Cfn.number(properties(Cfn.resource(template, logGroupId)).get("RetentionInDays")))
                .isEqualTo(30);
    }

    @Test
    void keepAliveScheduleInvokesTheAliasDailyWithAnUnsignedRequest() throws Exception {
        Map<String, Object> rule = Cfn.scheduleInvoking(template, aliasId());
        assertThat(rule).containsEntry("ScheduleExpression", "rate(1 day)");
        Map<String, Object> target = map(list(rule.get("Targets")).get(0));

        JsonNode event = new ObjectMapper().readTree((String) target.get("Input"));
        assertThat(event.path("version").asText()).isEqualTo("2.0");
        assertThat(event.path("requestContext").path("http").path("method").asText())
                .isEqualTo("POST");
        assertThat(event.path("headers").has("x-signature-ed25519")).isFalse();
        assertThat(event.path("headers").has("x-signature-timestamp")).isFalse();
        assertThat(map(target.get("RetryPolicy"))).containsEntry("MaximumRetryAttempts", 0);
    }

    @Test
    void schedulesMayInvokeOnlyTheTwoAliases() {
        String workerAlias = Cfn.logicalId(synthesized.stack().worker().alias());
        assertThat(Cfn.resources(template, "AWS::Lambda::Permission").values().stream()
                        .map(Cfn::properties)
                        .filter(p -> "events.amazonaws.com".equals(p.get("Principal")))
                        .map(p -> p.get("FunctionName")))
                .containsExactlyInAnyOrder(ref(aliasId()), ref(workerAlias));
    }

    @Test
    void keepAliveMustBeShorterThanTheSnapStartInactivityLimit() {
        Stack bare = new Stack(new App(), "Bare");
        WorkQueue queue = new WorkQueue(bare, "Work", new WorkQueueProps(Duration.seconds(90), 3));
        MemoryTable memory = new MemoryTable(bare, "Memory", MemoryTableProps.retained());
        Path jar = Path.of("roastden-handler.jar");
        assertThatThrownBy(
                        () -> new InteractionsHandlerProps(jar, queue, memory, "key", Optional.of(Duration.days(14))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("14 days");
        assertThat(new InteractionsHandlerProps(jar, queue, memory, "key").keepAlive())
                .contains(SnapStartKeepAlive.DEFAULT_RATE);
    }

    @Test
    void apiAndScheduleNeverInvokeTheUnqualifiedFunction() {
        Map<String, Object> unqualifiedArn = getAtt(Contracts.HANDLER_LOGICAL_ID, "Arn");
        Map<String, Object> unqualifiedRef = ref(Contracts.HANDLER_LOGICAL_ID);
        Cfn.resources(template, "AWS::Lambda::Permission").values().stream()
                .map(Cfn::properties)
                .forEach(p -> assertThat(p.get("FunctionName")).isNotIn(unqualifiedArn, unqualifiedRef));
    }
}
