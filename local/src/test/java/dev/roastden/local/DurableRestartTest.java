package dev.roastden.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.roastden.core.json.Json;
import dev.roastden.events.SignEvent;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local system with persistence, killed with SIGKILL while jobs are in flight and started again on the same
 * data folder, in a child JVM running {@link LocalMain}: every roast it accepted ends with exactly one reply. The
 * model is an OpenAI-compatible stub that answers the first {@link #ANSWERED_BEFORE_KILL} calls and holds the rest
 * open, so at the kill some replies exist (they must survive in the emulated Discord's journal) and the other jobs
 * are on the queue or mid-claim (they must come back from the queue journal); after the restart it answers all.
 */
class DurableRestartTest {
    private static final int ROASTS = 100;
    private static final int ANSWERED_BEFORE_KILL = 20;
    private static final String RILEY = "100000000000000006";
    private static final Pattern PORT = Pattern.compile("Interactions endpoint\\s+POST http://127\\.0\\.0\\.1:(\\d+)/");
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @TempDir
    Path data;

    private final AtomicInteger modelCalls = new AtomicInteger();
    private final AtomicBoolean answerAll = new AtomicBoolean();
    private final CountDownLatch heldOpen = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    private final ExecutorService modelThreads = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "stub-model");
        thread.setDaemon(true);
        return thread;
    });
    private HttpServer model;
    private final List<Process> children = new ArrayList<>();

    @AfterEach
    void stop() {
        children.forEach(Process::destroyForcibly);
        release.countDown();
        if (model != null) {
            model.stop(0);
        }
        modelThreads.shutdownNow();
    }

    @Test
    void aKilledSystemRepliesToEveryAcceptedRoastExactlyOnceAfterARestart() throws Exception {
        startModel();
        Child first = startChild();
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < ROASTS; i++) {
            // A different member each time: the per-member rate limit would otherwise answer most with a notice.
            String token = "durable-" + i + "-" + System.nanoTime();
            HttpResponse<String> sent = roast(first.port(), token, Long.toString(300_000_000_000_000_000L + i));
            assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);
            assertThat(Json.mapper().readTree(sent.body()).path("type").asInt())
                    .as("accepted (deferred)")
                    .isEqualTo(5);
            tokens.add(token);
        }
        // Some replies are made, and a job is in flight at the model, when the process is killed.
        await("replies before the kill", () -> replied(first.port(), tokens) >= ANSWERED_BEFORE_KILL);
        assertThat(heldOpen.await(120, TimeUnit.SECONDS)).isTrue();
        first.process().destroyForcibly();
        assertThat(first.process().waitFor(60, TimeUnit.SECONDS)).isTrue();

        int unfinished = unfinishedInJournal();
        assertThat(unfinished)
                .as("jobs accepted and not finished at the kill")
                .isGreaterThanOrEqualTo(ROASTS - ANSWERED_BEFORE_KILL - 5);

        answerAll.set(true);
        Child second = startChild();
        await("every reply after the restart", () -> replied(second.port(), tokens) == ROASTS);
        for (String token : tokens) {
            JsonNode original = get(second.port(), "/playground/api/original?token=" + token);
            assertThat(original.path("found").asBoolean()).isTrue();
            assertThat(original.path("loading").asBoolean()).isFalse();
            assertThat(original.path("edits").asInt()).as("edits of " + token).isEqualTo(1);
            assertThat(original.path("follow_ups").asInt()).isZero();
            assertThat(original.path("message").path("content").asText()
                            + original.path("message").path("embeds"))
                    .contains("Stub roast");
        }
        System.out.println("[durable] " + unfinished + " of " + ROASTS + " jobs were unfinished at the kill; " + ROASTS
                + " of " + ROASTS + " replied exactly once after the restart");
    }

    private int replied(int port, List<String> tokens) throws Exception {
        int done = 0;
        for (String token : tokens) {
            JsonNode original = get(port, "/playground/api/original?token=" + token);
            if (original.path("found").asBoolean() && !original.path("loading").asBoolean()) {
                done++;
            }
        }
        return done;
    }

    /** Accepted minus done in the queue journal, read as the system left it. */
    private int unfinishedInJournal() throws IOException {
        Map<String, Boolean> pending = new LinkedHashMap<>();
        for (String line : Files.readAllLines(data.resolve(JobJournal.FILE))) {
            JsonNode entry;
            try {
                entry = Json.mapper().readTree(line);
            } catch (IOException torn) {
                continue;
            }
            if (entry.has("accepted")) {
                pending.put(entry.path("accepted").asText(), true);
            } else if (entry.has("done")) {
                pending.remove(entry.path("done").asText());
            }
        }
        return pending.size();
    }

    /** A /roast as Discord would post it, signed with the committed test-only key. */
    private static HttpResponse<String> roast(int port, String token, String member) throws Exception {
        String body = "{\"type\":2,\"id\":\"" + dev.roastden.core.job.Snowflake.at(Instant.now(), 7)
                + "\",\"application_id\":\"" + SampleMembers.APPLICATION_ID
                + "\",\"token\":\"" + token + "\",\"version\":1,\"guild_id\":\"" + SampleMembers.GUILD_ID
                + "\",\"channel_id\":\"" + SampleMembers.CHANNEL_ID + "\",\"locale\":\"en-US\",\"member\":{"
                + "\"permissions\":\"0\",\"user\":{\"id\":\"" + member + "\",\"username\":\"m\"}},\"data\":{"
                + "\"id\":\"1\",\"name\":\"roast\",\"type\":1,\"options\":[{\"name\":\"target\",\"type\":6,"
                + "\"value\":\"" + RILEY
                + "\"},{\"name\":\"persona\",\"type\":3,\"value\":\"bex\"}],\"resolved\":{\"users\":{\"" + RILEY
                + "\":{\"id\":\"" + RILEY + "\",\"username\":\"riley\",\"global_name\":\"Riley\"}}}}}";
        String timestamp = Long.toString(Instant.now().getEpochSecond());
        return HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/interactions"))
                        .timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/json")
                        .header(
                                "X-Signature-Ed25519",
                                SignEvent.sign(
                                        LocalSystem.testOnlySeed(), timestamp, body.getBytes(StandardCharsets.UTF_8)))
                        .header("X-Signature-Timestamp", timestamp)
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private record Child(Process process, int port) {}

    private Child startChild() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(
                        java, "-cp", System.getProperty("java.class.path"), LocalMain.class.getName())
                .redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.keySet()
                .removeIf(name -> name.startsWith("AWS_")
                        || name.startsWith("DISCORD_")
                        || name.startsWith("OPENAI_")
                        || name.startsWith("ROASTDEN_"));
        env.putAll(Map.of(
                "ROASTDEN_DATA",
                data.toString(),
                LocalConfig.PORT_VARIABLE,
                "0",
                LocalConfig.SQS_PORT_VARIABLE,
                "0",
                LocalConfig.DISCORD_PORT_VARIABLE,
                "0",
                "ROASTDEN_MODEL",
                "openai",
                "OPENAI_BASE_URL",
                "http://127.0.0.1:" + model.getAddress().getPort() + "/v1",
                "OPENAI_MODEL",
                "stub",
                "CLAIM_LEASE_SECONDS",
                "10"));
        Process process = builder.start();
        children.add(process);
        CompletableFuture<Integer> port = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader out =
                    new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    System.out.println("[child] " + line);
                    Matcher matcher = PORT.matcher(line);
                    if (matcher.find()) {
                        port.complete(Integer.parseInt(matcher.group(1)));
                    }
                }
            } catch (IOException ended) {
                // The process was killed.
            }
            port.completeExceptionally(new AssertionError("The local system exited before it was ready"));
        });
        reader.setDaemon(true);
        reader.start();
        return new Child(process, port.get(180, TimeUnit.SECONDS));
    }

    /** An OpenAI-compatible endpoint: answers the first calls, then holds calls open until told to answer all. */
    private void startModel() throws IOException {
        model = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        model.setExecutor(modelThreads);
        model.createContext("/v1/chat/completions", this::complete);
        model.start();
    }

    private void complete(HttpExchange exchange) throws IOException {
        exchange.getRequestBody().readAllBytes();
        int call = modelCalls.incrementAndGet();
        if (call > ANSWERED_BEFORE_KILL && !answerAll.get()) {
            heldOpen.countDown();
            try {
                // The first process is killed while this call waits; its connection goes with it.
                release.await(5, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
            return;
        }
        ObjectNode body = Json.mapper().createObjectNode();
        body.putArray("choices").addObject().putObject("message").put("content", "Stub roast number " + call);
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        try (var out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private interface Check {
        boolean met() throws Exception;
    }

    /** Polls until {@code check} holds; fails after a generous deadline (the machine may be loaded). */
    private static void await(String what, Check check) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(4));
        while (Instant.now().isBefore(deadline)) {
            if (check.met()) {
                return;
            }
            LockSupport.parkNanos(Duration.ofMillis(250).toNanos());
        }
        throw new AssertionError("Timed out waiting for " + what);
    }

    private static JsonNode get(int port, String path) throws Exception {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .timeout(Duration.ofSeconds(30))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        return Json.mapper().readTree(response.body());
    }
}
