package dev.roastden.infra;

import static dev.roastden.infra.Cfn.getAtt;
import static dev.roastden.infra.Cfn.properties;
import static dev.roastden.infra.Cfn.ref;
import static org.assertj.core.api.Assertions.assertThat;

import dev.roastden.infra.Cfn.Statement;
import dev.roastden.infra.storage.MemoryTable;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Template;

class LeastPrivilegeTest {

    private static final Set<String> LOGS = Set.of("logs:CreateLogStream", "logs:PutLogEvents");
    private static final Set<String> XRAY = Set.of("xray:PutTraceSegments", "xray:PutTelemetryRecords");

    private final Synthesized.Result synthesized = Synthesized.defaults();
    private final Template template = synthesized.template();
    private final RoastDenStack stack = synthesized.stack();
    private final String handlerRole = Cfn.logicalId(stack.handler().role());
    private final String workerRole = Cfn.logicalId(stack.worker().role());
    private final String queueId = Cfn.logicalId(stack.workQueue().queue());

    @SafeVarargs
    private static Set<String> union(Set<String>... sets) {
        Set<String> all = new HashSet<>();
        for (Set<String> set : sets) {
            all.addAll(set);
        }
        return all;
    }

    @Test
    void functionRolesCarryNoManagedPolicies() {
        for (String role : List.of(handlerRole, workerRole)) {
            assertThat(properties(Cfn.resource(template, role))).doesNotContainKey("ManagedPolicyArns");
        }
    }

    @Test
    void handlerMayOnlySendToTheWorkQueueAndGetItemsBesidesLoggingAndTracing() {
        assertThat(Cfn.actionsOf(template, handlerRole))
                .isEqualTo(union(LOGS, XRAY, Set.of("sqs:SendMessage", "dynamodb:GetItem")));
        assertThat(Cfn.allowing(template, handlerRole, "sqs:SendMessage"))
                .singleElement()
                .satisfies(s -> {
                    assertThat(s.actions()).containsExactly("sqs:SendMessage");
                    assertThat(s.resources()).containsExactly(getAtt(queueId, "Arn"));
                });
    }

    @Test
    void handlerOnlyReadsItemsOfTheMemoryTable() {
        String tableId = Cfn.logicalId(stack.memory().table());
        assertThat(Cfn.allowing(template, handlerRole, "dynamodb:GetItem"))
                .singleElement()
                .satisfies(s -> {
                    assertThat(s.actions()).containsExactly("dynamodb:GetItem");
                    assertThat(s.resources()).containsExactly(getAtt(tableId, "Arn"));
                });
        assertThat(Cfn.actionsOf(template, handlerRole))
                .noneMatch(action -> action.startsWith("dynamodb:") && !action.equals("dynamodb:GetItem"));
    }

    @Test
    void functionsWriteOnlyToTheirOwnLogGroups() {
        Map<String, String> logGroupOf = Map.of(
                handlerRole, Cfn.logicalId(stack.handler().function().getLogGroup()),
                workerRole, Cfn.logicalId(stack.worker().function().getLogGroup()));
        logGroupOf.forEach((role, logGroup) -> assertThat(Cfn.allowing(template, role, "logs:PutLogEvents"))
                .singleElement()
                .satisfies(s -> assertThat(s.resources()).containsExactly(getAtt(logGroup, "Arn"))));
    }

    @Test
    void onlyXRayStatementsUseAWildcardResource() {
        for (String role : List.of(handlerRole, workerRole)) {
            assertThat(Cfn.statementsOf(template, role).stream().filter(Statement::hasWildcardResource))
                    .singleElement()
                    .satisfies(s -> assertThat(s.actions()).isEqualTo(XRAY));
            assertThat(Cfn.actionsOf(template, role)).noneMatch(action -> action.contains("*"));
        }
    }

    @Test
    void workerMayUseOnlyItsListedActions() {
        Set<String> sqsConsume = Set.of(
                "sqs:ReceiveMessage",
                "sqs:DeleteMessage",
                "sqs:ChangeMessageVisibility",
                "sqs:GetQueueAttributes",
                "sqs:GetQueueUrl");
        assertThat(Cfn.actionsOf(template, workerRole))
                .isEqualTo(union(
                        LOGS,
                        XRAY,
                        sqsConsume,
                        Set.copyOf(MemoryTable.WORKER_ACTIONS),
                        Set.of("secretsmanager:GetSecretValue", "bedrock:InvokeModel", "bedrock:ApplyGuardrail")));
        assertThat(Cfn.actionsOf(template, workerRole)).doesNotContain("dynamodb:Scan", "sqs:SendMessage");
    }

    @Test
    void workerConsumesOnlyTheWorkQueue() {
        assertThat(Cfn.allowing(template, workerRole, "sqs:ReceiveMessage"))
                .singleElement()
                .satisfies(s -> assertThat(s.resources()).containsExactly(getAtt(queueId, "Arn")));
    }

    @Test
    void workerUsesOnlyTheMemoryTableAndItsByUserIndex() {
        String tableId = Cfn.logicalId(stack.memory().table());
        Object tableArn = getAtt(tableId, "Arn");
        Object indexArn = Map.of("Fn::Join", List.of("", List.of(tableArn, "/index/byUser")));
        assertThat(Cfn.allowing(template, workerRole, "dynamodb:Query"))
                .singleElement()
                .satisfies(s -> {
                    assertThat(s.actions()).containsExactlyInAnyOrderElementsOf(MemoryTable.WORKER_ACTIONS);
                    assertThat(s.resources()).containsExactlyInAnyOrder(tableArn, indexArn);
                });
    }

    @Test
    void workerReadsOnlyTheBotTokenSecret() {
        String secretId = Cfn.logicalId(stack.secrets().botToken());
        assertThat(Cfn.allowing(template, workerRole, "secretsmanager:GetSecretValue"))
                .singleElement()
                .satisfies(s -> {
                    assertThat(s.actions()).containsExactly("secretsmanager:GetSecretValue");
                    assertThat(s.resources()).containsExactly(ref(secretId));
                });
    }

    @Test
    void workerInvokesOnlyTheConfiguredInferenceProfileAndItsFoundationModel() {
        List<Statement> invoke = Cfn.allowing(template, workerRole, "bedrock:InvokeModel");
        assertThat(invoke).hasSize(2).allSatisfy(s -> assertThat(s.actions()).containsExactly("bedrock:InvokeModel"));

        Statement profile =
                invoke.stream().filter(s -> s.condition().isEmpty()).findFirst().orElseThrow();
        Object profileArn = joined(
                "arn:",
                ref("AWS::Partition"),
                ":bedrock:",
                ref("AWS::Region"),
                ":",
                ref("AWS::AccountId"),
                ":inference-profile/global.anthropic.claude-haiku-4-5-20251001-v1:0");
        assertThat(profile.resources()).containsExactly(profileArn);

        Statement model = invoke.stream()
                .filter(s -> !s.condition().isEmpty())
                .findFirst()
                .orElseThrow();
        // A global profile is also authorized against the Region-less model ARN.
        assertThat(model.resources())
                .containsExactlyInAnyOrder(
                        joined(
                                "arn:",
                                ref("AWS::Partition"),
                                ":bedrock:*::foundation-model/anthropic.claude-haiku-4-5-20251001-v1:0"),
                        joined(
                                "arn:",
                                ref("AWS::Partition"),
                                ":bedrock:::foundation-model/anthropic.claude-haiku-4-5-20251001-v1:0"));
        assertThat(model.condition())
                .isEqualTo(Map.of("StringEquals", Map.of("bedrock:InferenceProfileArn", profileArn)));
    }

    @Test
    void workerAppliesOnlyTheConfiguredGuardrail() {
        assertThat(Cfn.allowing(template, workerRole, "bedrock:ApplyGuardrail"))
                .singleElement()
                .satisfies(s -> assertThat(s.resources())
                        .containsExactly(joined(
                                "arn:",
                                ref("AWS::Partition"),
                                ":bedrock:",
                                ref("AWS::Region"),
                                ":",
                                ref("AWS::AccountId"),
                                ":guardrail/" + Synthesized.GUARDRAIL.id())));
    }

    @Test
    void gatewayTaskMayOnlySendJobsToTheWorkQueue() {
        Synthesized.Result gateway = Synthesized.alternative();
        String taskRole = Cfn.logicalId(
                gateway.stack().gateway().orElseThrow().taskDefinition().getTaskRole());
        String queue = Cfn.logicalId(gateway.stack().workQueue().queue());

        assertThat(properties(Cfn.resource(gateway.template(), taskRole))).doesNotContainKey("ManagedPolicyArns");
        assertThat(Cfn.statementsOf(gateway.template(), taskRole))
                .singleElement()
                .satisfies(s -> {
                    assertThat(s.effect()).isEqualTo("Allow");
                    assertThat(s.actions()).containsExactly("sqs:SendMessage");
                    assertThat(s.resources()).containsExactly(getAtt(queue, "Arn"));
                    assertThat(s.condition()).isEmpty();
                });
    }

    @Test
    void noRolePublishesMetricsDirectly() {
        // The worker's metrics and the gateway's heartbeat are Embedded Metric Format log lines.
        for (Template each : List.of(template, Synthesized.alternative().template())) {
            for (String role : Cfn.resources(each, "AWS::IAM::Role").keySet()) {
                assertThat(Cfn.actionsOf(each, role)).noneMatch(action -> action.startsWith("cloudwatch:"));
            }
        }
    }

    @Test
    void gatewayExecutionRoleReadsOnlyTheBotTokenSecret() {
        Synthesized.Result gateway = Synthesized.alternative();
        String executionRole = Cfn.logicalId(
                gateway.stack().gateway().orElseThrow().taskDefinition().getExecutionRole());
        String secretId = Cfn.logicalId(gateway.stack().secrets().botToken());
        assertThat(Cfn.allowing(gateway.template(), executionRole, "secretsmanager:GetSecretValue"))
                .singleElement()
                .satisfies(s -> assertThat(s.resources()).containsExactly(ref(secretId)));
    }

    private static Object joined(Object... parts) {
        return Map.of("Fn::Join", List.of("", List.of(parts)));
    }

    @Test
    void theWorkerMayReadTheAdminWebhookSecretOnlyWhenOneIsNamed() {
        Synthesized.Result adopting = Synthesized.adopting();
        String role = Cfn.logicalId(adopting.stack().worker().role());
        assertThat(Cfn.allowing(adopting.template(), role, "secretsmanager:GetSecretValue"))
                .anySatisfy(s -> assertThat(s.resources()).contains(Synthesized.ADMIN_WEBHOOK_SECRET));
        assertThat(Cfn.allowing(template, workerRole, "secretsmanager:GetSecretValue"))
                .noneSatisfy(s -> assertThat(s.resources()).contains(Synthesized.ADMIN_WEBHOOK_SECRET));
        Map<String, Object> variables =
                Cfn.map(Cfn.map(Cfn.properties(Cfn.resource(adopting.template(), Contracts.WORKER_LOGICAL_ID))
                                .get("Environment"))
                        .get("Variables"));
        assertThat(variables).containsEntry("ADMIN_WEBHOOK_SECRET_ID", Synthesized.ADMIN_WEBHOOK_SECRET);
    }
}
