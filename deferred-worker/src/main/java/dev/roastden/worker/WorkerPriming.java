package dev.roastden.worker;

import dev.roastden.core.component.CustomId;
import dev.roastden.core.interaction.DiscordUser;
import dev.roastden.core.job.DeferredJob;
import dev.roastden.core.job.DeferredJobCodec;
import dev.roastden.core.job.MalformedJobException;
import dev.roastden.core.json.MalformedJsonException;
import dev.roastden.core.model.ModelRequest;
import dev.roastden.core.persona.Persona;
import dev.roastden.core.persona.PersonaStatus;
import dev.roastden.core.persona.Roster;
import dev.roastden.core.persona.RosterEntry;
import dev.roastden.core.prompt.PromptBuilder;
import dev.roastden.core.prompt.PromptInput;
import dev.roastden.worker.reply.MessageRenderer;
import dev.roastden.worker.reply.Reply;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.crac.Context;
import org.crac.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.warmup.http.CannedResponseHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.model.GuardrailContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.GuardrailContentSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * SnapStart priming, run in {@code beforeCheckpoint}: exercises Jackson, the job codec, persona loading, prompt
 * building, rosters, custom_ids, reply rendering (buttons included) and the SDK clients' marshalling and signing — the SDK through throwaway clients on a
 * canned-response HTTP client, so there is no network call and no credential fetch. It creates nothing that must be
 * unique per instance (no ids, seeds or connections survive it): the Discord HTTP client is created on first use.
 */
public final class WorkerPriming implements Resource {
    private static final Logger LOG = LoggerFactory.getLogger(WorkerPriming.class);

    private final WorkerWiring wiring;

    public WorkerPriming(WorkerWiring wiring) {
        this.wiring = wiring;
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        prime();
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        // Nothing to refresh: credentials are resolved per call by the SDK and the Discord client is created lazily.
    }

    /** Runs every warm-up step; failures are logged, never thrown (priming must not break the snapshot). */
    public void prime() {
        long started = System.nanoTime();
        try {
            primeCore();
            primeSdk();
            HttpRequest.newBuilder(URI.create("https://discord.com/api/v10/webhooks/0/x/messages/@original"))
                    .header("User-Agent", WorkerConfig.USER_AGENT)
                    .method("PATCH", HttpRequest.BodyPublishers.ofString("{}", StandardCharsets.UTF_8))
                    .build();
        } catch (RuntimeException | MalformedJobException | MalformedJsonException e) {
            LOG.warn("Priming step failed (the snapshot is still usable): {}", e.toString());
        }
        LOG.info("Primed in {} ms", (System.nanoTime() - started) / 1_000_000);
    }

    private void primeCore() throws MalformedJobException, MalformedJsonException {
        DiscordUser user = new DiscordUser("100000000000000000", "Primer", false, "0");
        DeferredJob job = new DeferredJob(
                DeferredJob.Kind.COMMAND,
                "1000000000000000000",
                "1",
                Optional.of("priming-token"),
                "roast",
                Optional.empty(),
                Map.of("target", user.id(), "persona", "x", "topic", "warming up"),
                user,
                Map.of(user.id(), user),
                Optional.of("1"),
                Optional.of("1"),
                "en-US",
                Instant.EPOCH,
                Optional.empty());
        DeferredJobCodec.read(DeferredJobCodec.write(job));
        List<Persona> all = wiring.personas().all();
        for (Persona persona : all) {
            PromptInput input = new PromptInput(
                    PromptInput.Task.ROAST, persona, all, user, Optional.of(user), "warming up", List.of(), List.of());
            ModelRequest request = new ModelRequest(PromptBuilder.build(input), input, 10);
            wiring.bedrockModel().ifPresent(m -> m.converseRequest(request));
            Reply reply = new Reply(
                    Reply.Kind.ANSWER, Optional.of(persona.name()), persona.avatarUrl(), "warm", List.of(user.id()));
            MessageRenderer.render(Reply.fromJson(reply.toJson()));
        }
        // The paths of server personas, consent and the memories list: roster JSON, custom_ids, buttons.
        Roster roster = Roster.fromJson(Roster.EMPTY
                .with(RosterEntry.of(all.isEmpty() ? primer() : all.get(0), PersonaStatus.PENDING))
                .toJson());
        roster.cast(wiring.personas());
        String page = CustomId.of(CustomId.MEMORIES_PAGE, "1", CustomId.NONE, user.id())
                .format();
        CustomId.parse(page);
        Reply list = new Reply(
                Reply.Kind.NOTICE,
                Optional.empty(),
                Optional.empty(),
                "list",
                List.of(),
                List.of(new Reply.Button(page, "Older", Reply.Button.Style.SECONDARY, Optional.of("▶️"), false)));
        MessageRenderer.render(Reply.fromJson(list.toJson()));
        wiring.commands().routes();
    }

    /** A persona for priming when the catalog is empty. */
    private static Persona primer() {
        return new Persona(
                "primer",
                "Primer",
                Optional.empty(),
                "",
                "",
                List.of(),
                List.of(),
                List.of(),
                "",
                List.of(),
                List.of(),
                List.of(),
                Optional.empty(),
                List.of());
    }

    private void primeSdk() {
        StaticCredentialsProvider fake = StaticCredentialsProvider.create(AwsBasicCredentials.create("prime", "prime"));
        Region region = Region.of(wiring.config().region());
        URI local = URI.create("http://127.0.0.1:1");
        try (CannedResponseHttpClient http = CannedResponseHttpClient.builder()
                        .statusCode(200)
                        .responseBody("{}".getBytes(StandardCharsets.UTF_8))
                        .build();
                DynamoDbClient dynamo = DynamoDbClient.builder()
                        .httpClient(http)
                        .region(region)
                        .credentialsProvider(fake)
                        .endpointOverride(local)
                        .build();
                BedrockRuntimeClient bedrock = BedrockRuntimeClient.builder()
                        .httpClient(http)
                        .region(region)
                        .credentialsProvider(fake)
                        .endpointOverride(local)
                        .build();
                SecretsManagerClient secrets = SecretsManagerClient.builder()
                        .httpClient(http)
                        .region(region)
                        .credentialsProvider(fake)
                        .endpointOverride(local)
                        .build()) {
            Map<String, AttributeValue> key =
                    Map.of("pk", AttributeValue.fromS("I#0"), "sk", AttributeValue.fromS("I"));
            quietly(() -> dynamo.updateItem(b -> b.tableName("prime")
                    .key(key)
                    .updateExpression("SET #a = :a")
                    .expressionAttributeNames(Map.of("#a", "a"))
                    .expressionAttributeValues(Map.of(":a", AttributeValue.fromS("a")))));
            quietly(() -> dynamo.putItem(b -> b.tableName("prime").item(key)));
            quietly(() -> dynamo.getItem(b -> b.tableName("prime").key(key)));
            quietly(() -> dynamo.batchGetItem(b -> b.requestItems(
                    Map.of("prime", KeysAndAttributes.builder().keys(key).build()))));
            quietly(() -> dynamo.transactWriteItems(b -> b.transactItems(TransactWriteItem.builder()
                    .put(Put.builder()
                            .tableName("prime")
                            .item(key)
                            .conditionExpression("attribute_not_exists(pk)")
                            .build())
                    .build())));
            quietly(() -> dynamo.query(b -> b.tableName("prime")
                    .keyConditionExpression("pk = :p")
                    .expressionAttributeValues(Map.of(":p", AttributeValue.fromS("p")))));
            quietly(() -> bedrock.converse(b -> b.modelId(wiring.config().modelId())
                    .messages(m -> m.role("user").content(c -> c.text("hi")))));
            if (wiring.config().guardrailId().isPresent()) {
                quietly(() -> bedrock.applyGuardrail(b -> b.guardrailIdentifier("prime")
                        .guardrailVersion("1")
                        .source(GuardrailContentSource.INPUT)
                        .content(GuardrailContentBlock.fromText(t -> t.text("hi")))));
            }
            quietly(() -> secrets.getSecretValue(b -> b.secretId("prime")));
        }
    }

    private static void quietly(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException expected) {
            // A canned "{}" is not a valid answer to every call; the code paths are warm all the same.
        }
    }
}
