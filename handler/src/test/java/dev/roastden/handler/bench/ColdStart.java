package dev.roastden.handler.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.roastden.core.job.Snowflake;
import dev.roastden.core.json.Json;
import dev.roastden.emulators.dynamodb.LocalDynamoDb;
import dev.roastden.emulators.sqs.LocalSqs;
import dev.roastden.events.SignEvent;
import dev.roastden.handler.ColdStartProbe;
import dev.roastden.handler.HandlerConfig;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Runs {@link ColdStartProbe} in fresh JVMs against the shaded handler jar, with ElasticMQ in this JVM as the work
 * queue: the shared machinery of {@link ColdStartHarness} (timings) and {@code HandlerJarIT} (behaviour).
 *
 * <p>Each run signs a sample ({@code /roast}, or a persona autocomplete) with a fresh interaction id, so the job it
 * queues can be told apart from every other run's. The probe JVM gets only the classes of the shaded jar plus the
 * probe class itself, copied alone into a directory, so nothing else on the test class path can change what it
 * loads. {@link #startWithPersonaTable()} also starts DynamoDB Local with the persona table and a roster for the
 * samples' server, and gives the probe {@code MEMORY_TABLE_NAME} and {@code DYNAMODB_ENDPOINT}: a first autocomplete
 * then reads that roster (its answer offers the stored persona {@value #STORED_PERSONA}).
 */
public final class ColdStart implements AutoCloseable {
    private static final String PROBE_CLASS = ColdStartProbe.class.getName();
    private static final String TABLE = "roastden-memory";
    private static final String SAMPLE_GUILD = "1200000000000000001";
    /** The server persona in the stored roster, which the autocomplete sample ("fo") finds. */
    public static final String STORED_PERSONA = "forge";

    private final LocalSqs sqs;
    private final SqsClient client;
    private final String queueUrl;
    private final byte[] seed;
    private final String publicKeyHex;
    private final Map<FirstRequest, String> bodies = new java.util.EnumMap<>(FirstRequest.class);
    private final Path workDir;
    private final Path probeClasses;
    private final java.util.Optional<LocalDynamoDb> dynamo;

    private ColdStart(
            LocalSqs sqs, SqsClient client, String queueUrl, Path workDir, java.util.Optional<LocalDynamoDb> dynamo)
            throws IOException {
        this.sqs = sqs;
        this.client = client;
        this.queueUrl = queueUrl;
        this.workDir = workDir;
        this.dynamo = dynamo;
        this.seed = hexResource(SignEvent.TEST_ONLY_KEY);
        this.publicKeyHex = hexText(resource("test-only-key/ed25519-public.hex"));
        for (FirstRequest event : FirstRequest.values()) {
            String body = resource(event.sample);
            if (!body.contains(event.idField)) {
                throw new IllegalStateException(event.sample + " no longer carries the id this harness replaces");
            }
            bodies.put(event, body);
        }
        this.probeClasses = copyProbeClass(workDir.resolve("probe-classes"));
    }

    /** Starts ElasticMQ on a loopback port and creates the work queue. */
    public static ColdStart start() throws IOException {
        return start(false);
    }

    /** Also starts DynamoDB Local with the persona table and a roster for the samples' server. */
    public static ColdStart startWithPersonaTable() throws IOException {
        return start(true);
    }

    private static ColdStart start(boolean personaTable) throws IOException {
        java.util.Optional<LocalDynamoDb> dynamo = personaTable
                ? java.util.Optional.of(RosterTable.start(TABLE, SAMPLE_GUILD, STORED_PERSONA))
                : java.util.Optional.empty();
        LocalSqs sqs = LocalSqs.start();
        SqsClient client = SqsClient.builder()
                .endpointOverride(sqs.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
        String queueUrl = client.createQueue(b -> b.queueName("roastden-work")).queueUrl();
        return new ColdStart(sqs, client, queueUrl, Files.createTempDirectory("roastden-cold-start"), dynamo);
    }

    /**
     * Runs the probe once in a fresh JVM.
     *
     * @param javaExecutable the {@code java} executable
     * @param jar the shaded handler jar
     * @param jvmFlags flags for the probe JVM, such as {@code -XX:TieredStopAtLevel=1}
     * @param prime whether the probe runs the SnapStart priming before answering
     * @param sequence distinguishes this run's interaction id from the others'
     */
    public ColdStartResult run(Path javaExecutable, Path jar, List<String> jvmFlags, boolean prime, int sequence)
            throws IOException, InterruptedException, GeneralSecurityException {
        return run(javaExecutable, jar, jvmFlags, prime, sequence, FirstRequest.ROAST);
    }

    /** Runs the probe once in a fresh JVM, answering {@code first}. */
    public ColdStartResult run(
            Path javaExecutable, Path jar, List<String> jvmFlags, boolean prime, int sequence, FirstRequest first)
            throws IOException, InterruptedException, GeneralSecurityException {
        String interactionId = Snowflake.at(Instant.now(), sequence);
        String body = bodies.get(first).replace(first.idField, "\"id\": \"" + interactionId + "\"");
        Path event = workDir.resolve(first.name().toLowerCase(java.util.Locale.ROOT) + "-" + interactionId + ".json");
        Files.writeString(
                event, SignEvent.event(body, SignEvent.SAMPLE_TIMESTAMP, seed, false), StandardCharsets.UTF_8);

        List<String> command = new ArrayList<>();
        command.add(javaExecutable.toString());
        command.addAll(jvmFlags);
        command.add("-cp");
        command.add(jar.toAbsolutePath() + File.pathSeparator + probeClasses);
        command.add(PROBE_CLASS);
        command.add(event.toString());
        if (prime) {
            command.add("--prime");
        }
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        configureEnvironment(builder.environment());

        long spawned = System.nanoTime();
        Process process = builder.start();
        long answeredAt = -1;
        List<String> output = new ArrayList<>();
        try (BufferedReader reader =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (answeredAt < 0 && line.equals("PROBE answered")) {
                    answeredAt = System.nanoTime();
                }
                output.add(line);
            }
        }
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0 || answeredAt < 0) {
            process.destroyForcibly();
            throw new IllegalStateException("The probe failed:\n" + String.join("\n", output));
        }
        Map<String, Long> timings = timings(output);
        JsonNode response = Json.mapper().readTree(probeLine(output, "PROBE response="));
        return new ColdStartResult(
                first,
                interactionId,
                timings.get("init_ms"),
                timings.get("first_response_ms"),
                timings.get("answer_ms"),
                timings.get("prime_ms"),
                timings.get("cpu_ms"),
                (answeredAt - spawned) / 1_000_000,
                timings.getOrDefault("classes", -1L),
                response.path("statusCode").asInt(),
                response.path("body").asText(),
                drainQueue());
    }

    /**
     * The environment Lambda would give the function, pointing at ElasticMQ. Inherited AWS and JVM option
     * variables are dropped so a developer's own settings cannot change what the probe does.
     */
    private void configureEnvironment(Map<String, String> env) {
        env.keySet()
                .removeIf(name -> name.startsWith("AWS_")
                        || name.equals("JAVA_TOOL_OPTIONS")
                        || name.equals("JDK_JAVA_OPTIONS")
                        || name.equals("_JAVA_OPTIONS"));
        env.put(HandlerConfig.PUBLIC_KEY, publicKeyHex);
        env.put(HandlerConfig.QUEUE_URL, queueUrl);
        env.put(HandlerConfig.REGION, "us-east-1");
        env.put(HandlerConfig.SQS_ENDPOINT, sqs.endpoint().toString());
        dynamo.ifPresent(local -> {
            env.put(HandlerConfig.TABLE_NAME, TABLE);
            env.put(HandlerConfig.DYNAMODB_ENDPOINT, local.endpoint().toString());
        });
        env.put("AWS_ACCESS_KEY_ID", "test");
        env.put("AWS_SECRET_ACCESS_KEY", "test");
        env.put("AWS_SESSION_TOKEN", "test");
    }

    /** Every message on the queue now, deleted as read. The probe sent before answering, so none is in flight. */
    private List<String> drainQueue() {
        List<String> bodies = new ArrayList<>();
        while (true) {
            List<Message> messages = client.receiveMessage(
                            b -> b.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(0))
                    .messages();
            if (messages.isEmpty()) {
                return bodies;
            }
            for (Message message : messages) {
                bodies.add(message.body());
                client.deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(message.receiptHandle()));
            }
        }
    }

    private static Map<String, Long> timings(List<String> output) {
        String line = "init_ms=" + probeLine(output, "PROBE init_ms=");
        Map<String, Long> values = new HashMap<>();
        for (String pair : line.split(" ")) {
            String[] keyValue = pair.split("=", 2);
            values.put(keyValue[0], Long.parseLong(keyValue[1]));
        }
        return values;
    }

    /** The rest of the first line that starts with {@code prefix}. */
    private static String probeLine(List<String> output, String prefix) {
        return output.stream()
                .filter(l -> l.startsWith(prefix))
                .findFirst()
                .map(l -> l.substring(prefix.length()))
                .orElseThrow(() -> new IllegalStateException(
                        "The probe printed no '" + prefix + "' line:\n" + String.join("\n", output)));
    }

    private static Path copyProbeClass(Path dir) throws IOException {
        String name = PROBE_CLASS.replace('.', '/') + ".class";
        Path target = dir.resolve(name);
        Files.createDirectories(target.getParent());
        try (InputStream in = ColdStart.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("Cannot find " + name + " on the test class path");
            }
            Files.copy(in, target);
        }
        return dir;
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = ColdStart.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("Missing test resource " + name + " (from the events module)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static byte[] hexResource(String name) throws IOException {
        return HexFormat.of().parseHex(hexText(resource(name)));
    }

    /** The hex in a key file, without its comment lines. */
    private static String hexText(String file) {
        StringBuilder hex = new StringBuilder();
        file.lines()
                .map(String::trim)
                .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                .forEach(hex::append);
        return hex.toString();
    }

    @Override
    public void close() {
        client.close();
        sqs.close();
        dynamo.ifPresent(LocalDynamoDb::close);
        try (var files = Files.walk(workDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
