package dev.roastden.infra.worker;

import dev.roastden.infra.Contracts;
import dev.roastden.infra.Nag;
import dev.roastden.infra.lambda.SnapStartJavaFunction;
import dev.roastden.infra.lambda.SnapStartJavaFunctionProps;
import dev.roastden.infra.lambda.SnapStartKeepAlive;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.eventsources.SqsEventSource;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.constructs.Construct;

/**
 * The deferred worker: takes jobs from the work queue, claims each interaction once, builds the
 * persona's prompt from its memories, calls Claude on Bedrock and edits Discord's deferred reply.
 *
 * <p>It runs as a SnapStart alias fed by the queue through an event source mapping on that alias,
 * with partial batch responses ({@code ReportBatchItemFailures}) so that one failed job is retried
 * alone, and a maximum concurrency that caps the Bedrock request rate. It may use the memory table,
 * read the bot token, invoke the one configured model (or inference profile) and apply the
 * configured guardrail — nothing else.
 */
public final class DeferredWorker extends Construct {

    /** A long Claude answer plus Discord delivery; the work queue's visibility timeout is six times this. */
    public static final Duration TIMEOUT = Duration.seconds(90);

    /** How long one attempt owns an interaction: the timeout plus a margin. */
    public static final Duration CLAIM_LEASE =
            Duration.seconds(TIMEOUT.toSeconds().longValue() + 30);

    /** Model calls are network-bound; 1024 MB gives enough CPU for JSON and TLS around them. */
    public static final int MEMORY_MB = 1024;

    private final SnapStartJavaFunction function;

    public DeferredWorker(Construct scope, String id, DeferredWorkerProps props) {
        super(scope, id);

        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("MEMORY_TABLE_NAME", props.memory().table().getTableName());
        environment.put("BOT_TOKEN_SECRET_ID", props.secrets().botToken().getSecretArn());
        environment.put("DISCORD_APPLICATION_ID", props.secrets().discordApplicationId());
        environment.put("BEDROCK_MODEL_ID", props.model().modelId());
        // Only when configured: a server past its soft budget limit is answered by the cheaper model, whose usage
        // the worker counts at the configured price.
        props.fallbackModel().ifPresent(fallback -> {
            environment.put("FALLBACK_MODEL_ID", fallback.model().modelId());
            environment.put("MODEL_PRICES", fallback.priceEntry());
        });
        props.guardrail().ifPresent(guardrail -> {
            environment.put("BEDROCK_GUARDRAIL_ID", guardrail.id());
            environment.put("BEDROCK_GUARDRAIL_VERSION", guardrail.version());
        });
        // A failing job is retried only after the queue's visibility timeout (six times the function
        // timeout), while Discord's interaction token lasts 15 minutes. The worker turns a retryable
        // failure into a friendly error message on delivery MAX_RECEIVES, one short of the dead-letter
        // queue, so that the message is still editable and one spare delivery remains.
        environment.put("MAX_RECEIVES", Integer.toString(props.workQueue().maxReceiveCount() - 1));
        // When a retry comes back: a visibility timeout later. An attempt whose retry would arrive too
        // late to edit the response answers with the friendly error at once.
        environment.put(
                "RETRY_DELAY_SECONDS",
                Long.toString(props.workQueue().visibilityTimeout().toSeconds().longValue()));
        // One attempt owns an interaction for longer than the function can run.
        environment.put(
                "CLAIM_LEASE_SECONDS", Long.toString(CLAIM_LEASE.toSeconds().longValue()));
        props.adminWebhookSecretArn().ifPresent(arn -> environment.put("ADMIN_WEBHOOK_SECRET_ID", arn));
        // Per-request custom metrics cost $0.30 each a month; off, the worker publishes only failures.
        environment.put("DETAILED_METRICS", Boolean.toString(props.detailedMetrics()));
        environment.put("POWERTOOLS_SERVICE_NAME", Contracts.WORKER_SERVICE_NAME);
        environment.put("POWERTOOLS_METRICS_NAMESPACE", Contracts.METRICS_NAMESPACE);
        // The runtime's Log4Shell patch costs cold-start time. The worker logs through Log4j2
        // 2.24+ (Powertools logging), which is not affected by CVE-2021-44228.
        environment.put("AWS_LAMBDA_DISABLE_CVE_2021_44228_PROTECTION", "true");

        function = new SnapStartJavaFunction(
                this,
                "Lambda",
                new SnapStartJavaFunctionProps(
                        Contracts.WORKER_LOGICAL_ID,
                        props.jar(),
                        Contracts.WORKER_ENTRY_POINT,
                        "Roast Den: answers queued commands and mentions in character through Claude on Bedrock",
                        MEMORY_MB,
                        TIMEOUT,
                        environment,
                        RetentionDays.ONE_MONTH));

        function.alias()
                .addEventSource(SqsEventSource.Builder.create(props.workQueue().queue())
                        .batchSize(props.batchSize())
                        .maxConcurrency(props.maxConcurrency())
                        .reportBatchItemFailures(true)
                        .build());

        // An empty batch: the worker returns no failures and touches nothing.
        props.keepAlive()
                .ifPresent(rate -> new SnapStartKeepAlive(
                        this,
                        "SnapStartKeepAlive",
                        function.alias(),
                        rate,
                        Map.of("Records", List.of()),
                        "Keeps the deferred worker's SnapStart version active (empty SQS batch)"));

        props.memory().grantWorkerAccess(function.role());
        props.secrets().grantTokenRead(function.role());
        grantModel(function.role(), props.model());
        props.fallbackModel().ifPresent(fallback -> grantModel(function.role(), fallback.model()));
        props.adminWebhookSecretArn().ifPresent(arn -> function.role()
                .addToPrincipalPolicy(PolicyStatement.Builder.create()
                        .actions(List.of("secretsmanager:GetSecretValue"))
                        .resources(List.of(arn))
                        .build()));
        props.guardrail().ifPresent(guardrail -> grantGuardrail(function.role(), guardrail));

        Nag.acceptOnly(
                function.role(),
                "AwsSolutions-IAM5",
                "X-Ray's PutTraceSegments and PutTelemetryRecords do not support resource-level permissions;"
                        + " AWS requires Resource \"*\" for active tracing.",
                "Resource::*");
        if (props.model().isInferenceProfile()) {
            Nag.acceptOnly(
                    function.role(),
                    "AwsSolutions-IAM5",
                    "A cross-Region inference profile routes each request to the foundation model in one of"
                            + " several Regions chosen by Bedrock, and invoking through it requires permission on the"
                            + " model in each of them. The statement names the one model id, leaves only the Region"
                            + " open, and is conditioned on the request coming through this account's profile.",
                    foundationModelFinding(props.model()));
        }
        props.fallbackModel()
                .map(FallbackModel::model)
                .filter(BedrockModel::isInferenceProfile)
                .ifPresent(fallback -> Nag.acceptOnly(
                        function.role(),
                        "AwsSolutions-IAM5",
                        "The fallback model's inference profile routes to its foundation model in several Regions,"
                                + " as for the main model; the statement names the one model id and is conditioned"
                                + " on this account's profile.",
                        foundationModelFinding(fallback)));
    }

    private void grantModel(Role role, BedrockModel model) {
        Stack stack = Stack.of(this);
        if (model.isInferenceProfile()) {
            String profileArn = inferenceProfileArn(stack, model);
            role.addToPrincipalPolicy(PolicyStatement.Builder.create()
                    .actions(List.of("bedrock:InvokeModel"))
                    .resources(List.of(profileArn))
                    .build());
            List<String> foundationModels = new ArrayList<>();
            foundationModels.add(
                    "arn:" + stack.getPartition() + ":bedrock:*::foundation-model/" + model.foundationModelId());
            if (model.profilePrefix().orElseThrow().equals("global")) {
                // A global profile's requests are authorized against the Region-less model ARN as well.
                foundationModels.add(
                        "arn:" + stack.getPartition() + ":bedrock:::foundation-model/" + model.foundationModelId());
            }
            role.addToPrincipalPolicy(PolicyStatement.Builder.create()
                    .actions(List.of("bedrock:InvokeModel"))
                    .resources(foundationModels)
                    .conditions(Map.of("StringEquals", Map.of("bedrock:InferenceProfileArn", profileArn)))
                    .build());
        } else {
            role.addToPrincipalPolicy(PolicyStatement.Builder.create()
                    .actions(List.of("bedrock:InvokeModel"))
                    .resources(List.of("arn:" + stack.getPartition() + ":bedrock:" + stack.getRegion()
                            + "::foundation-model/" + model.modelId()))
                    .build());
        }
    }

    private void grantGuardrail(Role role, Guardrail guardrail) {
        Stack stack = Stack.of(this);
        role.addToPrincipalPolicy(PolicyStatement.Builder.create()
                .actions(List.of("bedrock:ApplyGuardrail"))
                .resources(List.of("arn:" + stack.getPartition() + ":bedrock:" + stack.getRegion() + ":"
                        + stack.getAccount() + ":guardrail/" + guardrail.id()))
                .build());
    }

    private static String inferenceProfileArn(Stack stack, BedrockModel model) {
        return "arn:" + stack.getPartition() + ":bedrock:" + stack.getRegion() + ":" + stack.getAccount()
                + ":inference-profile/" + model.modelId();
    }

    /** How cdk-nag spells the foundation-model resource in its IAM5 finding. */
    private static String foundationModelFinding(BedrockModel model) {
        return "Resource::arn:<AWS::Partition>:bedrock:*::foundation-model/" + model.foundationModelId();
    }

    /** The function; invoke it through {@link #alias()}. */
    public Function function() {
        return function.function();
    }

    /** The alias the SQS event source invokes. */
    public Alias alias() {
        return function.alias();
    }

    /** The execution role. */
    public Role role() {
        return function.role();
    }
}
