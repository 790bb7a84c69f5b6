package dev.roastden.handler.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.roastden.core.job.DeferredJob;
import dev.roastden.core.job.DeferredJobCodec;
import dev.roastden.core.job.MalformedJobException;
import dev.roastden.core.job.Snowflake;
import dev.roastden.core.json.Json;
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
 * <p>Each run signs a {@code /roast} sample with a fresh interaction id, so the job it queues can be told apart
 * from every other run's. The probe JVM gets only the classes of the shaded jar plus the probe class itself,
 * copied alone into a directory, so nothing else on the test class path can change what it loads.
 */
public final class ColdStart implements AutoCloseable {
    private static final String SAMPLE_ID = "\"id\": \"1310000000000000001\"";
    private static final String PROBE_CLASS = ColdStartProbe.class.getName();

    private final LocalSqs sqs;
    private final SqsClient client;
    private final String queueUrl;
    private final byte[] seed;
    private final String publicKeyHex;
    private final String roastBody;
    private final Path workDir;
    private final Path probeClasses;

    /** One fresh-JVM run: what the probe printed and what arrived on the queue. */
    public record Result(
            String interactionId,
            long initMs,
            long firstResponseMs,
            long answerMs,
            long primeMs,
            long cpuMs,
            long wallMs,
            int statusCode,
            String body,
            List<String> queued) {

        /** The jobs that arrived on the queue for this run. */
        public List<DeferredJob> jobs() {
            List<DeferredJob> jobs = new ArrayList<>();
            for (String message : queued) {
                try {
                    jobs.add(DeferredJobCodec.read(message));
                } catch (MalformedJobException e) {
                    throw new IllegalStateException("The queue holds a message that is not a job: " + message, e);
                }
            }
            return jobs;
        }

        /** Whether the probe answered type 5 and exactly this run's /roast job is on the queue. */
        public boolean behaved() {
            List<DeferredJob> jobs = jobs();
            return statusCode == 200
                    && body.equals("{\"type\":5}")
                    && jobs.size() == 1
                    && jobs.get(0).interactionId().equals(interactionId)
                    && jobs.get(0).command().equals("roast");
        }
    }

    private ColdStart(LocalSqs sqs, SqsClient client, String queueUrl, Path workDir) throws IOException {
        this.sqs = sqs;
        this.client = client;
        this.queueUrl = queueUrl;
        this.workDir = workDir;
        this.seed = hexResource(SignEvent.TEST_ONLY_KEY);
        this.publicKeyHex = hexText(resource("test-only-key/ed25519-public.hex"));
        this.roastBody = resource("interactions/roast.json");
        if (!roastBody.contains(SAMPLE_ID)) {
            throw new IllegalStateException("The roast sample no longer carries the id this harness replaces");
        }
        this.probeClasses = copyProbeClass(workDir.resolve("probe-classes"));
    }

    /** Starts ElasticMQ on a loopback port and creates the work queue. */
    public static ColdStart start() throws IOException {
        LocalSqs sqs = LocalSqs.start();
        SqsClient client = SqsClient.builder()
                .endpointOverride(sqs.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
        String queueUrl = client.createQueue(b -> b.queueName("roastden-work")).queueUrl();
        return new ColdStart(sqs, client, queueUrl, Files.createTempDirectory("roastden-cold-start"));
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
    public Result run(Path javaExecutable, Path jar, List<String> jvmFlags, boolean prime, int sequence)
            throws IOException, InterruptedException, GeneralSecurityException {
        String interactionId = Snowflake.at(Instant.now(), sequence);
        String body = roastBody.replace(SAMPLE_ID, "\"id\": \"" + interactionId + "\"");
        Path event = workDir.resolve("roast-" + interactionId + ".json");
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
        return new Result(
                interactionId,
                timings.get("init_ms"),
                timings.get("first_response_ms"),
                timings.get("answer_ms"),
                timings.get("prime_ms"),
                timings.get("cpu_ms"),
                (answeredAt - spawned) / 1_000_000,
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
        try (var files = Files.walk(workDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
