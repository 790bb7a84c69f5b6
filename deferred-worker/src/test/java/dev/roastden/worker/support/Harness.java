package dev.roastden.worker.support;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.roastden.core.job.DeferredJob;
import dev.roastden.core.job.DeferredJobCodec;
import dev.roastden.emulators.bedrock.BedrockEmulator;
import dev.roastden.emulators.discord.DiscordEmulator;
import dev.roastden.emulators.time.MutableClock;
import dev.roastden.worker.DeferredWorkerHandler;
import dev.roastden.worker.WorkerConfig;
import dev.roastden.worker.WorkerWiring;
import dev.roastden.worker.memory.MemoryTable;
import dev.roastden.worker.observability.CountingWorkerMetrics;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;

/**
 * The worker wired to real parts: DynamoDB Local (a fresh table), the Bedrock emulator behind the real
 * {@code BedrockRuntimeClient}, the Discord emulator behind {@code java.net.http}. Time and sleeping are injected, so
 * nothing waits.
 */
public final class Harness implements AutoCloseable {
    private static final AtomicInteger TABLES = new AtomicInteger();

    /** The guardrail version a harness made by {@link #withGuardrail} is configured with. */
    public static final String GUARDRAIL_VERSION = "7";

    public final DiscordEmulator discord;
    public final BedrockEmulator bedrock;
    public final MutableClock clock;
    public final RecordingSleeper sleeper = new RecordingSleeper();
    public final CountingWorkerMetrics metrics = new CountingWorkerMetrics();
    public final String table;
    public final WorkerWiring wiring;
    public final DeferredWorkerHandler handler;
    public final Jobs jobs;

    private Harness(Instant start, URI dynamoEndpoint, Consumer<WorkerWiring.Builder> customise) {
        this(start, dynamoEndpoint, Optional.empty(), customise);
    }

    private Harness(
            Instant start, URI dynamoEndpoint, Optional<String> guardrailId, Consumer<WorkerWiring.Builder> customise) {
        this.clock = new MutableClock(start);
        this.discord = DiscordEmulator.start(0, clock);
        this.bedrock = BedrockEmulator.start(0, clock);
        this.table = "memory-" + TABLES.incrementAndGet() + "-"
                + UUID.randomUUID().toString().substring(0, 8);
        WorkerConfig config = config(table, discord.apiBase(), guardrailId);
        WorkerWiring.Builder builder = WorkerWiring.builder(config)
                .dynamoEndpoint(dynamoEndpoint)
                .bedrockEndpoint(bedrock.endpoint())
                .credentials(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .dynamoRetryStrategy(noWaitRetries())
                .clock(clock)
                .sleeper(sleeper)
                .metrics(metrics);
        customise.accept(builder);
        this.wiring = builder.build();
        MemoryTable.createIfMissing(wiring.dynamo(), table);
        this.handler = new DeferredWorkerHandler(wiring);
        this.jobs = new Jobs(clock);
    }

    /** A harness at the current time, on the shared DynamoDB Local. */
    public static Harness start() {
        return start(b -> {});
    }

    public static Harness start(Consumer<WorkerWiring.Builder> customise) {
        return new Harness(
                Instant.now().truncatedTo(ChronoUnit.MILLIS),
                SharedDynamoDb.get().endpoint(),
                customise);
    }

    /** The bot token of a harness made by {@link #withBot}. */
    public static final String BOT_TOKEN = "bot-token-value";

    /**
     * A harness that can also post mention replies: a bot token the emulated Discord requires, the bot's user id,
     * and a typing indicator that only repeats when told to.
     */
    public static Harness withBot(Consumer<WorkerWiring.Builder> customise) {
        Harness h = start(b -> {
            b.botToken(() -> BOT_TOKEN).repeater(new ManualRepeater());
            customise.accept(b);
        });
        h.discord.requireBotToken(BOT_TOKEN);
        h.discord.botUserId(Jobs.BOT_USER);
        return h;
    }

    /** A harness whose worker screens with the Bedrock guardrail {@code guardrailId} (version {@link #GUARDRAIL_VERSION}). */
    public static Harness withGuardrail(String guardrailId) {
        return new Harness(
                Instant.now().truncatedTo(ChronoUnit.MILLIS),
                SharedDynamoDb.get().endpoint(),
                Optional.of(guardrailId),
                b -> {});
    }

    /** A harness whose DynamoDB traffic goes to {@code dynamoEndpoint} (a fault proxy, say). */
    public static Harness start(Instant start, URI dynamoEndpoint, Consumer<WorkerWiring.Builder> customise) {
        return new Harness(start, dynamoEndpoint, customise);
    }

    public static WorkerConfig config(String table, URI discordApiBase) {
        return config(table, discordApiBase, Optional.empty());
    }

    /** The worker's settings, with a guardrail when {@code guardrailId} is present. */
    public static WorkerConfig config(String table, URI discordApiBase, Optional<String> guardrailId) {
        return new WorkerConfig(
                table,
                Optional.of("roastden/bot-token"),
                Jobs.APP,
                discordApiBase,
                WorkerConfig.DEFAULT_MODEL_ID,
                guardrailId,
                guardrailId.map(id -> GUARDRAIL_VERSION),
                "us-east-1",
                700,
                Duration.ofSeconds(120),
                4,
                Duration.ofSeconds(WorkerConfig.DEFAULT_RETRY_DELAY_SECONDS),
                Duration.ofSeconds(WorkerConfig.DEFAULT_MODEL_BUDGET_SECONDS));
    }

    /** SDK retries that do not sleep. */
    public static RetryStrategy noWaitRetries() {
        return AwsRetryStrategy.standardRetryStrategy().toBuilder()
                .backoffStrategy(BackoffStrategy.retryImmediately())
                .throttlingBackoffStrategy(BackoffStrategy.retryImmediately())
                .circuitBreakerEnabled(false)
                .build();
    }

    /** Delivers the jobs in one SQS event, first delivery. */
    public SQSBatchResponse deliver(DeferredJob... jobs) {
        return deliver(1, jobs);
    }

    /** Delivers the jobs in one SQS event with this receive count. */
    public SQSBatchResponse deliver(int receiveCount, DeferredJob... jobs) {
        List<SQSEvent.SQSMessage> records = new ArrayList<>();
        for (DeferredJob job : jobs) {
            records.add(message(job, receiveCount));
        }
        SQSEvent event = new SQSEvent();
        event.setRecords(records);
        return handler.handleRequest(event, null);
    }

    /** Delivers the job as the Lambda runtime does, with its context (and so its remaining time). */
    public SQSBatchResponse deliver(
            com.amazonaws.services.lambda.runtime.Context context, int receiveCount, DeferredJob job) {
        SQSEvent event = new SQSEvent();
        event.setRecords(List.of(message(job, receiveCount)));
        return handler.handleRequest(event, context);
    }

    /** An SQS message carrying the job, as Lambda's event source mapping delivers it. */
    public static SQSEvent.SQSMessage message(DeferredJob job, int receiveCount) {
        SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
        message.setMessageId("msg-" + job.interactionId());
        message.setReceiptHandle("rh-" + UUID.randomUUID());
        message.setBody(DeferredJobCodec.write(job));
        message.setAttributes(Map.of("ApproximateReceiveCount", Integer.toString(receiveCount)));
        message.setEventSource("aws:sqs");
        return message;
    }

    /** The successful PATCHes of the job's original response. */
    public List<dev.roastden.emulators.discord.RecordedRequest> patches(DeferredJob job) {
        return discord.requests(DiscordEmulator.PATCH_ORIGINAL).stream()
                .filter(r -> r.token().equals(job.token()))
                .toList();
    }

    /** The content the job's original response shows now. */
    /**
     * What the invoker sees of the job's interaction: the original response, or, when a private notice replaced a
     * public "thinking…", the private follow-ups.
     */
    public String shown(DeferredJob job) {
        return discord.originalMessage(job.token().orElseThrow())
                .map(m -> m.path("content").asText("") + m.path("embeds").toString())
                .orElseGet(() -> String.join("\n", privateFollowUps(job)));
    }

    /** The private follow-ups of the job's interaction (ephemeral flag set), content and embeds, in order. */
    public List<String> privateFollowUps(DeferredJob job) {
        return discord.followUps(job.token().orElseThrow()).stream()
                .filter(m -> (m.path("flags").asInt(0) & 64) != 0)
                .map(m -> m.path("content").asText("") + m.path("embeds").toString())
                .toList();
    }

    @Override
    public void close() {
        wiring.close();
        discord.close();
        bedrock.close();
    }
}
