package dev.roastden.infra;

import dev.roastden.infra.api.InteractionsEndpoint;
import dev.roastden.infra.api.InteractionsEndpointProps;
import dev.roastden.infra.gateway.GatewayService;
import dev.roastden.infra.gateway.GatewayServiceProps;
import dev.roastden.infra.handler.InteractionsHandler;
import dev.roastden.infra.handler.InteractionsHandlerProps;
import dev.roastden.infra.monitoring.Monitoring;
import dev.roastden.infra.monitoring.MonitoringProps;
import dev.roastden.infra.queue.WorkQueue;
import dev.roastden.infra.queue.WorkQueueProps;
import dev.roastden.infra.secrets.BotSecrets;
import dev.roastden.infra.secrets.BotSecretsProps;
import dev.roastden.infra.storage.MemoryTable;
import dev.roastden.infra.storage.MemoryTableProps;
import dev.roastden.infra.worker.DeferredWorker;
import dev.roastden.infra.worker.DeferredWorkerProps;
import dev.roastden.infra.worker.ModelRegionRule;
import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import io.github.cdklabs.cdknag.NagPackProps;
import java.util.Optional;
import software.amazon.awscdk.Aspects;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.constructs.Construct;

/**
 * The whole Roast Den system: Discord → HTTP API → handler (SnapStart alias) → SQS → worker
 * (SnapStart alias) → Bedrock, DynamoDB and Discord; optionally the gateway task for mentions;
 * and the dashboard and alarms. cdk-nag's AwsSolutions checks run on every synthesis.
 */
public final class RoastDenStack extends Stack {

    /** Deliveries of a job before it goes to the dead-letter queue. */
    public static final int MAX_RECEIVE_COUNT = 3;

    private final WorkQueue workQueue;
    private final MemoryTable memory;
    private final BotSecrets secrets;
    private final InteractionsHandler handler;
    private final DeferredWorker worker;
    private final InteractionsEndpoint endpoint;
    private final Optional<GatewayService> gateway;
    private final Monitoring monitoring;
    private final ModelRegionRule modelRegion;

    /** Stack description shown in the CloudFormation console. */
    public static final String DESCRIPTION = "Roast Den: AI personas of a Discord friend group";

    public RoastDenStack(Construct scope, String id, RoastDenStackProps props) {
        this(scope, id, StackProps.builder().description(DESCRIPTION).build(), props);
    }

    public RoastDenStack(Construct scope, String id, StackProps stackProps, RoastDenStackProps props) {
        super(scope, id, stackProps);

        secrets = new BotSecrets(
                this, "BotSecrets", new BotSecretsProps(props.discordPublicKey(), props.discordApplicationId()));
        memory = new MemoryTable(
                this,
                "Memory",
                props.options().memoryTableName().map(MemoryTableProps::adopt).orElseGet(MemoryTableProps::retained));
        workQueue = new WorkQueue(this, "Work", new WorkQueueProps(DeferredWorker.TIMEOUT, MAX_RECEIVE_COUNT));

        handler = new InteractionsHandler(
                this,
                "InteractionsHandler",
                new InteractionsHandlerProps(props.handlerJar(), workQueue, memory, secrets.discordPublicKey()));
        endpoint = new InteractionsEndpoint(this, "Endpoint", new InteractionsEndpointProps(handler.alias()));

        worker = new DeferredWorker(
                this,
                "DeferredWorker",
                new DeferredWorkerProps(
                                props.workerJar(), workQueue, memory, secrets, props.bedrockModel(), props.guardrail())
                        .withDetailedMetrics(props.options().detailedMetrics())
                        .withAdminWebhookSecretArn(props.options().adminWebhookSecretArn())
                        .withFallbackModel(props.options().fallbackModel()));
        modelRegion = new ModelRegionRule(
                this, "ModelRegion", props.bedrockModel(), props.options().bedrockSourceRegions());

        gateway = props.gatewayBuildContext()
                .map(context -> new GatewayService(
                        this,
                        "Gateway",
                        new GatewayServiceProps(context, Contracts.GATEWAY_DOCKERFILE, workQueue, secrets)
                                .withCapacity(
                                        props.options().gatewaySpot(),
                                        props.options().gatewayPublicIpv4())));

        if (props.localEndpoints()) {
            handler.function().addEnvironment("SQS_ENDPOINT", "");
            handler.function().addEnvironment("DYNAMODB_ENDPOINT", "");
            worker.function().addEnvironment("DISCORD_API_BASE", "");
        }

        monitoring = new Monitoring(
                this,
                "Monitoring",
                new MonitoringProps(
                        handler.function(),
                        worker.function(),
                        workQueue.queue(),
                        workQueue.deadLetterQueue(),
                        gateway.isPresent(),
                        props.alarmEmail(),
                        props.options().dashboard()));

        output(
                "InteractionsEndpointUrl",
                endpoint.interactionsUrl(),
                "Paste into Discord Developer Portal > General Information > Interactions Endpoint URL");
        output(
                "BotTokenSecretArn",
                secrets.botToken().getSecretArn(),
                "Store the bot token here: aws secretsmanager put-secret-value --secret-id <this>");
        output(
                "MemoryTableName",
                memory.table().getTableName(),
                "The personas' memory (kept when the stack is deleted)");
        output("WorkQueueUrl", workQueue.queue().getQueueUrl(), "Jobs for the deferred worker");
        output("DeadLetterQueueUrl", workQueue.deadLetterQueue().getQueueUrl(), "Jobs that failed every delivery");
        output("AlarmTopicArn", monitoring.alarmTopic().getTopicArn(), "Subscribe here to receive alarms");

        Aspects.of(this)
                .add(new AwsSolutionsChecks(NagPackProps.builder().verbose(true).build()));
    }

    private void output(String id, String value, String description) {
        CfnOutput.Builder.create(this, id).value(value).description(description).build();
    }

    public WorkQueue workQueue() {
        return workQueue;
    }

    public MemoryTable memory() {
        return memory;
    }

    public BotSecrets secrets() {
        return secrets;
    }

    public InteractionsHandler handler() {
        return handler;
    }

    public DeferredWorker worker() {
        return worker;
    }

    public InteractionsEndpoint endpoint() {
        return endpoint;
    }

    public Optional<GatewayService> gateway() {
        return gateway;
    }

    public Monitoring monitoring() {
        return monitoring;
    }

    public ModelRegionRule modelRegion() {
        return modelRegion;
    }
}
