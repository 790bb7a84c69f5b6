package dev.roastden.local;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.roastden.emulators.sqs.LocalSqs;
import dev.roastden.handler.HandlerConfig;
import dev.roastden.handler.HandlerWiring;
import dev.roastden.handler.HttpRequest;
import dev.roastden.handler.HttpResponse;
import dev.roastden.handler.InteractionEndpoint;
import dev.roastden.handler.InteractionsHandler;
import dev.roastden.handler.RequestLog;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Roast Den in one JVM: the real interactions endpoint over HTTP on loopback, with the work queue in-process.
 *
 * <ul>
 *   <li>{@code POST /interactions}: what Discord calls (signed raw body and {@code X-Signature-*} headers);
 *   <li>{@code POST /invoke/interactions}: an API Gateway event in, the Lambda's response event out, like
 *       {@code sam local invoke} with the files in {@code events/apigw/};
 *   <li>{@code GET /health}.
 * </ul>
 */
public final class LocalSystem implements AutoCloseable {
    /** The work queue's name. */
    public static final String QUEUE_NAME = "roastden-work";

    private final LocalSqs sqs;
    private final SqsClient sqsClient;
    private final String queueUrl;
    private final String publicKeyHex;
    private final HttpServer server;
    private final ExecutorService executor;

    private LocalSystem(
            LocalSqs sqs,
            SqsClient sqsClient,
            String queueUrl,
            String publicKeyHex,
            HttpServer server,
            ExecutorService executor) {
        this.sqs = sqs;
        this.sqsClient = sqsClient;
        this.queueUrl = queueUrl;
        this.publicKeyHex = publicKeyHex;
        this.server = server;
        this.executor = executor;
    }

    /** Starts everything; ports of 0 pick free ones. */
    public static LocalSystem start(LocalConfig config, RequestLog log) throws IOException {
        String publicKey = config.discordPublicKey().orElseGet(LocalSystem::testOnlyPublicKey);
        LocalSqs sqs = LocalSqs.start(config.sqsPort());
        HandlerConfig handlerConfig = new HandlerConfig(publicKey, "pending", "us-east-1", Optional.of(sqs.endpoint()));
        SqsClient sqsClient = HandlerWiring.sqsClient(handlerConfig);
        String queueUrl = sqsClient.createQueue(b -> b.queueName(QUEUE_NAME)).queueUrl();
        InteractionEndpoint endpoint = HandlerWiring.create(
                new HandlerConfig(publicKey, queueUrl, "us-east-1", Optional.of(sqs.endpoint())), log);
        InteractionsHandler lambda = new InteractionsHandler(endpoint);

        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", config.port()), 0);
        ExecutorService executor = Executors.newFixedThreadPool(8);
        server.setExecutor(executor);
        server.createContext("/interactions", exchange -> {
            if (!"POST".equals(exchange.getRequestMethod())) {
                respond(exchange, HttpResponse.error(405, "POST only"));
                return;
            }
            respond(exchange, endpoint.handle(new HttpRequest(headers(exchange), readBody(exchange))));
        });
        server.createContext("/invoke/interactions", exchange -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            lambda.handleRequest(new ByteArrayInputStream(readBody(exchange)), out, null);
            send(exchange, 200, out.toByteArray());
        });
        server.createContext(
                "/health", exchange -> send(exchange, 200, "{\"status\":\"ok\"}".getBytes(StandardCharsets.UTF_8)));
        server.start();
        return new LocalSystem(sqs, sqsClient, queueUrl, publicKey, server, executor);
    }

    /** The committed test-only public key that signs the files in {@code events/}. */
    static String testOnlyPublicKey() {
        try (InputStream in =
                LocalSystem.class.getClassLoader().getResourceAsStream("test-only-key/ed25519-public.hex")) {
            if (in == null) {
                throw new IllegalStateException("The events module's test-only key is not on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
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

    private static Map<String, String> headers(HttpExchange exchange) {
        Map<String, String> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, String.join(",", values)));
        return headers;
    }

    private static byte[] readBody(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            return in.readAllBytes();
        }
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
        server.stop(0);
        executor.shutdownNow();
        sqsClient.close();
        sqs.close();
    }
}
