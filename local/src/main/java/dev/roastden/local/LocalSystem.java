package dev.roastden.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.roastden.core.persona.PersonaCatalog;
import dev.roastden.core.signature.SignatureVerifier;
import dev.roastden.emulators.discord.DiscordEmulator;
import dev.roastden.emulators.dynamodb.LocalDynamoDb;
import dev.roastden.emulators.http.HttpExchanges;
import dev.roastden.emulators.sqs.LocalSqs;
import dev.roastden.events.SignEvent;
import dev.roastden.handler.HandlerConfig;
import dev.roastden.handler.HandlerWiring;
import dev.roastden.handler.HttpApiEvents;
import dev.roastden.handler.HttpRequest;
import dev.roastden.handler.HttpResponse;
import dev.roastden.handler.InteractionEndpoint;
import dev.roastden.handler.InteractionsHandler;
import dev.roastden.handler.RequestLog;
import dev.roastden.local.model.OfflinePersonaModel;
import dev.roastden.local.model.OpenAiCompatibleModel;
import dev.roastden.worker.DeferredWorkerHandler;
import dev.roastden.worker.WorkerConfig;
import dev.roastden.worker.WorkerWiring;
import dev.roastden.worker.memory.MemoryTable;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Roast Den in one JVM: the real interactions endpoint over HTTP on loopback, SQS (ElasticMQ) and DynamoDB Local
 * in-process, the real worker fed by a poller exactly as Lambda would feed it, an emulator of Discord's REST API,
 * and the playground page.
 *
 * <ul>
 *   <li>{@code POST /interactions}: what Discord calls (signed raw body and {@code X-Signature-*} headers);
 *   <li>{@code POST /invoke/interactions}: an API Gateway event in, the Lambda's response event out, like
 *       {@code sam local invoke} with the files in {@code events/apigw/};
 *   <li>{@code GET /}: the playground; {@code GET /health}.
 * </ul>
 */
public final class LocalSystem implements AutoCloseable {
    /** The work queue's name. */
    public static final String QUEUE_NAME = "roastden-work";
    /** The memory table's name. */
    public static final String TABLE_NAME = "roastden-memory";
    /** The Lambda-style route carries an API Gateway event, base64 body included. */
    static final int MAX_EVENT_BYTES = 4 * InteractionEndpoint.MAX_BODY_BYTES;

    private final List<AutoCloseable> resources;
    private final HttpServer server;
    private final String publicKeyHex;
    private final String queueUrl;
    private final SqsClient sqsClient;
    private final Optional<DiscordEmulator> discord;
    private final String modelDescription;
    private final List<Integer> ports;

    private LocalSystem(
            List<AutoCloseable> resources,
            HttpServer server,
            String publicKeyHex,
            String queueUrl,
            SqsClient sqsClient,
            Optional<DiscordEmulator> discord,
            String modelDescription,
            List<Integer> ports) {
        this.resources = resources;
        this.ports = List.copyOf(ports);
        this.server = server;
        this.publicKeyHex = publicKeyHex;
        this.queueUrl = queueUrl;
        this.sqsClient = sqsClient;
        this.discord = discord;
        this.modelDescription = modelDescription;
    }

    /** Starts everything. */
    public static LocalSystem start(LocalConfig config, RequestLog log) throws IOException {
        List<AutoCloseable> resources = new ArrayList<>();
        try {
            return start(config, log, resources);
        } catch (IOException | RuntimeException e) {
            closeAll(resources);
            throw e;
        }
    }

    private static LocalSystem start(LocalConfig config, RequestLog log, List<AutoCloseable> resources)
            throws IOException {
        LocalHttp.allowLargeHeaders();
        Ports.requireFree(config);
        Optional<LocalConfig.RealDiscord> real = config.realDiscord();
        String publicKey = real.map(LocalConfig.RealDiscord::publicKey).orElseGet(LocalSystem::testOnlyPublicKey);
        String applicationId = real.map(LocalConfig.RealDiscord::applicationId).orElse(SampleMembers.APPLICATION_ID);

        LocalSqs sqs = track(resources, LocalSqs.start(config.sqsPort()));
        LocalDynamoDb dynamo = track(
                resources, config.dataFolder().map(LocalDynamoDb::startInFolder).orElseGet(LocalDynamoDb::start));
        Optional<DiscordEmulator> discord = real.isPresent()
                ? Optional.empty()
                : Optional.of(track(
                        resources,
                        DiscordEmulator.start(config.discordPort(), Clock.systemUTC(), config.dataFolder())));
        // The bot's replies are written by the same user the playground's messages mention.
        discord.ifPresent(d -> d.botUserId(LocalMentions.BOT.id()));
        URI discordApi =
                discord.map(DiscordEmulator::apiBase).orElse(URI.create(WorkerConfig.DEFAULT_DISCORD_API_BASE));

        // The queue: the handler's own SQS client and wiring, pointed at the in-process server.
        SqsClient sqsClient = track(
                resources,
                HandlerWiring.sqsClient(
                        new HandlerConfig(publicKey, "unused", "us-east-1", Optional.of(sqs.endpoint()))));
        SqsClient setupSqs = track(resources, SetupClients.sqs(sqs.endpoint()));
        String queueUrl = setupSqs.createQueue(b -> b.queueName(QUEUE_NAME)
                        .attributes(Map.of(
                                software.amazon.awssdk.services.sqs.model.QueueAttributeName.VISIBILITY_TIMEOUT,
                                "120")))
                .queueUrl();
        // ElasticMQ keeps messages in memory: with a data folder, the journal keeps every accepted job and puts
        // back on the queue the ones an earlier run did not finish (a kill -9 included).
        Optional<JobJournal> journal = config.dataFolder().map(f -> track(resources, JobJournal.open(f)));
        journal.ifPresent(j -> j.unfinished()
                .forEach(body -> setupSqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody(body))));
        java.util.function.UnaryOperator<dev.roastden.core.job.JobQueue> journaling =
                q -> journal.map(j -> j.journaling(q)).orElse(q);

        // The worker: its own wiring, with DynamoDB Local, the Discord emulator and the chosen model.
        ModelChoice model = config.model();
        WorkerConfig workerConfig = new WorkerConfig(
                TABLE_NAME,
                Optional.empty(),
                applicationId,
                discordApi,
                model.bedrockModelId().orElse(WorkerConfig.DEFAULT_MODEL_ID),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.ofNullable(System.getenv("AWS_REGION")).orElse("us-east-1"),
                700,
                Duration.ofSeconds(Long.parseLong(Optional.ofNullable(System.getenv("CLAIM_LEASE_SECONDS"))
                        .orElse("120"))),
                4,
                Duration.ofSeconds(WorkerPoller.RETRY_VISIBILITY_SECONDS),
                Duration.ofSeconds(WorkerConfig.DEFAULT_MODEL_BUDGET_SECONDS));
        String botToken = real.map(LocalConfig.RealDiscord::botToken).orElse("local-playground-bot-token");
        WorkerWiring.Builder worker = WorkerWiring.builder(workerConfig)
                .dynamoEndpoint(dynamo.endpoint())
                .botToken(() -> botToken);
        List<URI> attachmentOrigins = new ArrayList<>();
        discord.ifPresent(d -> attachmentOrigins.add(d.cdnOrigin()));
        attachmentOrigins.addAll(config.attachmentOrigins());
        // The worker fetches attachments over HTTPS from Discord's CDN only; locally also from these.
        worker.attachmentOrigins(attachmentOrigins);
        switch (model.kind()) {
            case OFFLINE ->
                worker.model(new OfflinePersonaModel())
                        .credentials(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")));
            case OPENAI ->
                worker.model(new OpenAiCompatibleModel(
                                HttpClient.newHttpClient(),
                                model.openAiBaseUrl().orElseThrow(),
                                model.openAiModel().orElseThrow(),
                                model.openAiKey()))
                        .credentials(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")));
            case BEDROCK -> {
                // Real AWS credentials reach Bedrock; DynamoDB Local accepts any signature.
            }
        }
        WorkerWiring wiring = track(resources, worker.build());
        try (DynamoDbClient setupDynamo = SetupClients.dynamo(dynamo.endpoint())) {
            MemoryTable.createIfMissing(setupDynamo, TABLE_NAME);
        }
        // Long polling outlasts the handler client's short, Discord-clock timeouts: the poller gets its own client.
        SqsClient pollingClient = track(
                resources,
                SqsClient.builder()
                        .endpointOverride(sqs.endpoint())
                        .region(software.amazon.awssdk.regions.Region.US_EAST_1)
                        .credentialsProvider(
                                StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                        .httpClient(software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient.builder()
                                .socketTimeout(Duration.ofSeconds(30))
                                .build())
                        .build());
        // The handler reads the servers' rosters from the same table, with its own small client, as on Lambda.
        InteractionEndpoint endpoint = HandlerWiring.create(
                new HandlerConfig(
                        publicKey,
                        queueUrl,
                        "us-east-1",
                        Optional.of(sqs.endpoint()),
                        Optional.of(TABLE_NAME),
                        Optional.of(dynamo.endpoint())),
                log,
                journaling);
        WorkerPoller poller = track(
                resources,
                new WorkerPoller(
                        pollingClient,
                        queueUrl,
                        new DeferredWorkerHandler(wiring),
                        body -> journal.ifPresent(j -> j.finished(body))));

        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", config.port()), 0);
        } catch (java.net.BindException taken) {
            throw new Ports.PortInUseException("Port " + config.port() + " is in use (set by "
                    + LocalConfig.PORT_VARIABLE + "): stop what uses it, or set " + LocalConfig.PORT_VARIABLE
                    + " to another port.");
        }
        ExecutorService executor = HttpExchanges.daemonPool(8, "roastden-local-http");
        server.setExecutor(executor);
        InteractionsHandler lambda = new InteractionsHandler(endpoint);
        DiscordSide discordSide = new DiscordSide(SignatureVerifier.fromHex(publicKey), discord);
        server.createContext("/interactions", exchange -> {
            if (!"POST".equals(exchange.getRequestMethod())) {
                respond(exchange, HttpResponse.error(405, "POST only"));
                return;
            }
            Optional<byte[]> body = LocalHttp.body(exchange, InteractionEndpoint.MAX_BODY_BYTES);
            if (body.isEmpty()) {
                respond(
                        exchange,
                        HttpResponse.error(413, "The body is over " + InteractionEndpoint.MAX_BODY_BYTES + " bytes"));
                return;
            }
            respond(exchange, discordSide.deliver(new HttpRequest(headers(exchange), body.get()), endpoint::handle));
        });
        server.createContext("/invoke/interactions", exchange -> {
            Optional<byte[]> event = LocalHttp.body(exchange, MAX_EVENT_BYTES);
            if (event.isEmpty()) {
                respond(exchange, HttpResponse.error(413, "The event is over " + MAX_EVENT_BYTES + " bytes"));
                return;
            }
            Optional<String> token = readEvent(event.get()).flatMap(discordSide::received);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            lambda.handleRequest(new ByteArrayInputStream(event.get()), out, null);
            byte[] answer = out.toByteArray();
            token.ifPresent(t -> {
                JsonNode result = parse(answer);
                discordSide.answered(
                        t,
                        result.path("statusCode").asInt(500),
                        result.path("body").asText(""));
            });
            send(exchange, 200, answer);
        });
        server.createContext(
                "/health", exchange -> send(exchange, 200, "{\"status\":\"ok\"}".getBytes(StandardCharsets.UTF_8)));
        if (discord.isPresent()) {
            URI self = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/interactions");
            new Playground(
                            discord.get(),
                            PersonaCatalog.fromClasspath(),
                            testOnlySeed(),
                            self,
                            model.describe(),
                            Clock.systemUTC(),
                            new LocalMentions(
                                    PersonaCatalog.fromClasspath(),
                                    journaling.apply(new dev.roastden.handler.SqsJobQueue(sqsClient, queueUrl)),
                                    Clock.systemUTC()))
                    .register(server);
        }
        server.start();
        resources.add(() -> {
            server.stop(0);
            executor.shutdownNow();
        });
        poller.start();
        List<Integer> ports = new ArrayList<>(List.of(server.getAddress().getPort(), sqs.port(), dynamo.port()));
        discord.ifPresent(d -> ports.add(d.apiBase().getPort()));
        return new LocalSystem(resources, server, publicKey, queueUrl, sqsClient, discord, model.describe(), ports);
    }

    private static Optional<HttpRequest> readEvent(byte[] event) {
        try {
            return HttpApiEvents.read(new ByteArrayInputStream(event));
        } catch (IOException | RuntimeException notAnEvent) {
            return Optional.empty();
        }
    }

    private static JsonNode parse(byte[] json) {
        try {
            return dev.roastden.core.json.Json.mapper().readTree(json);
        } catch (IOException e) {
            return dev.roastden.core.json.Json.mapper().createObjectNode();
        }
    }

    private static <T extends AutoCloseable> T track(List<AutoCloseable> resources, T resource) {
        resources.add(resource);
        return resource;
    }

    /** The committed test-only public key that signs the files in {@code events/}. */
    static String testOnlyPublicKey() {
        return resource("test-only-key/ed25519-public.hex").trim();
    }

    /** The committed test-only private key seed: it signs playground requests and protects nothing. */
    static byte[] testOnlySeed() {
        return SignEvent.seed(resource("test-only-key/ed25519-private.hex"));
    }

    private static String resource(String name) {
        try (InputStream in = LocalSystem.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("The events module's " + name + " is not on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String publicKeyHex() {
        return publicKeyHex;
    }

    public String queueUrl() {
        return queueUrl;
    }

    public SqsClient sqsClient() {
        return sqsClient;
    }

    /** The emulated Discord, absent in real Discord mode. */
    public Optional<DiscordEmulator> discord() {
        return discord;
    }

    public String modelDescription() {
        return modelDescription;
    }

    /** Every port the system listens on: the endpoint and playground, SQS, DynamoDB Local, the Discord emulator. */
    public List<Integer> ports() {
        return ports;
    }

    private static Map<String, String> headers(HttpExchange exchange) {
        Map<String, String> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, String.join(",", values)));
        return headers;
    }

    private static void respond(HttpExchange exchange, HttpResponse response) throws IOException {
        send(exchange, response.statusCode(), response.bodyBytes());
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().put("Content-Type", List.of("application/json"));
        exchange.sendResponseHeaders(status, body.length);
        try (var out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        closeAll(resources);
    }

    private static void closeAll(List<AutoCloseable> resources) {
        for (int i = resources.size() - 1; i >= 0; i--) {
            try {
                resources.get(i).close();
            } catch (Exception e) {
                System.err.println("{\"level\":\"WARN\",\"message\":\"shutdown step failed\",\"error\":\""
                        + e.getClass().getSimpleName() + "\"}");
            }
        }
        resources.clear();
    }
}
