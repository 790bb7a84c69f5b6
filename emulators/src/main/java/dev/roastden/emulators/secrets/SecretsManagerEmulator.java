package dev.roastden.emulators.secrets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.roastden.emulators.http.HttpExchanges;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Secrets Manager's {@code GetSecretValue} (AWS JSON 1.1) served in this JVM, for a real {@code SecretsManagerClient}
 * pointed at {@link #endpoint()}. Counts reads so tests can check caching.
 */
public final class SecretsManagerEmulator implements AutoCloseable {
    private final ObjectMapper mapper = new ObjectMapper();
    private final HttpServer server;
    private final ExecutorService executor;
    private final Map<String, String> secrets = new ConcurrentHashMap<>();
    private final AtomicInteger reads = new AtomicInteger();

    private SecretsManagerEmulator(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /** Starts on a free loopback port. */
    public static SecretsManagerEmulator start() {
        try {
            HttpServer server = HttpExchanges.loopbackServer(0);
            ExecutorService executor = HttpExchanges.daemonPool(2, "secrets-emulator");
            SecretsManagerEmulator emulator = new SecretsManagerEmulator(server, executor);
            server.createContext("/", emulator::handle);
            server.setExecutor(executor);
            server.start();
            return emulator;
        } catch (IOException e) {
            throw new UncheckedIOException("The Secrets Manager emulator did not start", e);
        }
    }

    /** The endpoint to configure as the SDK's {@code endpointOverride}. */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Stores a secret string under a name. */
    public void put(String secretId, String value) {
        secrets.put(secretId, value);
    }

    /** How many {@code GetSecretValue} calls were answered (successfully or not). */
    public int reads() {
        return reads.get();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
        String body = HttpExchanges.body(exchange);
        if (!"secretsmanager.GetSecretValue".equals(target)) {
            fail(exchange, 400, "UnknownOperationException", "Only GetSecretValue is emulated");
            return;
        }
        reads.incrementAndGet();
        JsonNode request = mapper.readTree(body);
        String id = request.path("SecretId").asText("");
        String value = secrets.get(id);
        if (value == null) {
            fail(exchange, 400, "ResourceNotFoundException", "Secrets Manager can't find the specified secret.");
            return;
        }
        ObjectNode response = mapper.createObjectNode();
        response.put("ARN", "arn:aws:secretsmanager:us-east-1:000000000000:secret:" + id);
        response.put("Name", id);
        response.put("SecretString", value);
        response.put(
                "VersionId",
                UUID.nameUUIDFromBytes(value.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                        .toString());
        response.putArray("VersionStages").add("AWSCURRENT");
        response.put("CreatedDate", 1.7e9);
        HttpExchanges.send(exchange, 200, "application/x-amz-json-1.1", mapper.writeValueAsString(response));
    }

    private void fail(HttpExchange exchange, int status, String type, String message) throws IOException {
        ObjectNode error = mapper.createObjectNode();
        error.put("__type", type);
        error.put("message", message);
        exchange.getResponseHeaders().set("x-amzn-ErrorType", type);
        HttpExchanges.send(exchange, status, "application/x-amz-json-1.1", mapper.writeValueAsString(error));
    }
}
