package dev.roastden.infra;

import static dev.roastden.infra.Cfn.ref;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.roastden.infra.queue.WorkQueue;
import dev.roastden.infra.queue.WorkQueueProps;
import dev.roastden.infra.secrets.BotSecrets;
import dev.roastden.infra.secrets.BotSecretsProps;
import dev.roastden.infra.storage.MemoryTable;
import dev.roastden.infra.storage.MemoryTableProps;
import dev.roastden.infra.worker.BedrockModel;
import dev.roastden.infra.worker.DeferredWorker;
import dev.roastden.infra.worker.DeferredWorkerProps;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Template;

class BedrockModelTest {

    @Test
    void recognisesCrossRegionInferenceProfiles() {
        BedrockModel us = new BedrockModel("us.anthropic.claude-haiku-4-5-20251001-v1:0");
        assertThat(us.isInferenceProfile()).isTrue();
        assertThat(us.profilePrefix()).contains("us");
        assertThat(us.foundationModelId()).isEqualTo("anthropic.claude-haiku-4-5-20251001-v1:0");

        BedrockModel global = new BedrockModel("global.anthropic.claude-haiku-4-5-20251001-v1:0");
        assertThat(global.profilePrefix()).contains("global");
    }

    @Test
    void foundationModelIdsAreNotProfiles() {
        BedrockModel model = new BedrockModel("anthropic.claude-haiku-4-5-20251001-v1:0");
        assertThat(model.isInferenceProfile()).isFalse();
        assertThat(model.foundationModelId()).isEqualTo(model.modelId());
    }

    @Test
    void rejectsArnsAndGarbage() {
        assertThatThrownBy(() -> new BedrockModel("arn:aws:bedrock:us-east-1::foundation-model/x"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BedrockModel("claude haiku")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void foundationModelIsGrantedInTheStackRegionOnlyWithoutWildcards() throws Exception {
        Path artifacts = Synthesized.placeholderArtifacts();
        App app = new App();
        Stack stack = new Stack(app, "WorkerOnly");
        WorkQueue queue = new WorkQueue(stack, "Work", new WorkQueueProps(Duration.seconds(90), 3));
        MemoryTable memory = new MemoryTable(
                stack, "Memory", new MemoryTableProps(RemovalPolicy.DESTROY, false, java.util.Optional.empty()));
        BotSecrets secrets = new BotSecrets(stack, "Secrets", BotSecretsProps.fromParameters());
        DeferredWorker worker = new DeferredWorker(
                stack,
                "Worker",
                new DeferredWorkerProps(
                        artifacts.resolve(Contracts.WORKER_JAR),
                        queue,
                        memory,
                        secrets,
                        new BedrockModel("anthropic.claude-haiku-4-5-20251001-v1:0"),
                        Optional.empty()));

        Template template = Template.fromStack(stack);
        List<Cfn.Statement> invoke = Cfn.allowing(template, Cfn.logicalId(worker.role()), "bedrock:InvokeModel");
        assertThat(invoke).singleElement().satisfies(s -> {
            assertThat(s.condition()).isEmpty();
            assertThat(s.resources())
                    .containsExactly(Map.of(
                            "Fn::Join",
                            List.of(
                                    "",
                                    List.of(
                                            "arn:",
                                            ref("AWS::Partition"),
                                            ":bedrock:",
                                            ref("AWS::Region"),
                                            "::foundation-model/anthropic.claude-haiku-4-5-20251001-v1:0"))));
        });
        assertThat(Cfn.actionsOf(template, Cfn.logicalId(worker.role()))).doesNotContain("bedrock:ApplyGuardrail");
    }
}
