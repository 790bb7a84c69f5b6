package dev.roastden.emulators.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * An HTTP proxy in front of another emulator (DynamoDB Local, say) that can fail chosen requests: either instead of
 * forwarding them, or after forwarding them so the work is done but the caller only sees an error — the case that
 * makes retries dangerous.
 */
public final class FaultInjectingProxy implements AutoCloseable {
    private static final Set<String> HOP_HEADERS =
            Set.of("connection", "content-length", "expect", "host", "upgrade", "keep-alive", "transfer-encoding");

    private final HttpServer server;
    private final ExecutorService executor;
    private final URI target;
    private final HttpClient client;
    private final AtomicInteger forwarded = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private volatile Function<ProxiedRequest, Optional<ProxyFault>> injector = r -> Optional.empty();

    /**
     * A request passing through.
     *
     * @param headers the headers, names lower-cased
     */
    public record ProxiedRequest(String method, String path, Map<String, String> headers, String body) {
        /** A header by case-insensitive name, or empty text. */
        public String header(String name) {
            return headers.getOrDefault(name.toLowerCase(Locale.ROOT), "");
        }
    }

    /**
     * A failure to answer instead of the real response.
     *
     * @param afterForwarding whether the request still reaches the target first
     * @param headers extra response headers
     */
    public record ProxyFault(
            int status, String contentType, String body, Map<String, String> headers, boolean afterForwarding) {

        /** DynamoDB's 500 InternalServerError, before or after the write happened. */
        public static ProxyFault dynamoDbInternalError(boolean afterForwarding) {
            return dynamoDb(500, "InternalServerError", "Internal server error", afterForwarding);
        }

        /** DynamoDB's 400 ProvisionedThroughputExceededException (throttling). */
        public static ProxyFault dynamoDbThrottled() {
            return dynamoDb(
                    400,
                    "ProvisionedThroughputExceededException",
                    "The level of configured provisioned throughput for the table was exceeded.",
                    false);
        }

        private static ProxyFault dynamoDb(int status, String type, String message, boolean after) {
            String body =
                    "{\"__type\":\"com.amazonaws.dynamodb.v20120810#" + type + "\",\"message\":\"" + message + "\"}";
            return new ProxyFault(status, "application/x-amz-json-1.0", body, Map.of(), after);
        }
    }

    private FaultInjectingProxy(HttpServer server, ExecutorService executor, URI target) {
        this.server = server;
        this.executor = executor;
        this.target = target;
        this.client = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    /** Starts a proxy on a free loopback port that forwards to {@code target}. */
    public static FaultInjectingProxy start(URI target) {
        try {
            HttpServer server = HttpExchanges.loopbackServer(0);
            ExecutorService executor = HttpExchanges.daemonPool(8, "fault-proxy");
            FaultInjectingProxy proxy = new FaultInjectingProxy(server, executor, target);
            server.createContext("/", proxy::handle);
            server.setExecutor(executor);
            server.start();
            return proxy;
        } catch (IOException e) {
            throw new UncheckedIOException("The proxy did not start", e);
        }
    }

    /** The proxy's endpoint. */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Decides per request whether and how to fail it. */
    public void setFaultInjector(Function<ProxiedRequest, Optional<ProxyFault>> injector) {
        this.injector = injector;
    }

    /** Requests that reached the target. */
    public int forwarded() {
        return forwarded.get();
    }

    /** Requests answered with a fault. */
    public int failed() {
        return failed.get();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try {
            String body = HttpExchanges.body(exchange);
            Map<String, String> headers = HttpExchanges.headers(exchange);
            ProxiedRequest request = new ProxiedRequest(
                    exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(), headers, body);
            Optional<ProxyFault> fault = injector.apply(request);
            if (fault.isPresent() && !fault.get().afterForwarding()) {
                sendFault(exchange, fault.get());
                return;
            }
            HttpResponse<String> response = forward(exchange, headers, body);
            if (fault.isPresent()) {
                sendFault(exchange, fault.get());
                return;
            }
            for (Map.Entry<String, List<String>> header :
                    response.headers().map().entrySet()) {
                String name = header.getKey().toLowerCase(Locale.ROOT);
                if (!HOP_HEADERS.contains(name) && !name.startsWith(":") && !name.equals("date")) {
                    exchange.getResponseHeaders().put(header.getKey(), header.getValue());
                }
            }
            String contentType = response.headers().firstValue("content-type").orElse(null);
            HttpExchanges.send(exchange, response.statusCode(), contentType, response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            HttpExchanges.send(exchange, 502, "text/plain", "interrupted");
        } catch (IOException | RuntimeException e) {
            HttpExchanges.send(exchange, 502, "text/plain", "proxy error: " + e);
        }
    }

    private HttpResponse<String> forward(HttpExchange exchange, Map<String, String> headers, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(target.resolve(exchange.getRequestURI()))
                .timeout(Duration.ofSeconds(30))
                .method(
                        exchange.getRequestMethod(),
                        body.isEmpty()
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        headers.forEach((name, value) -> {
            if (!HOP_HEADERS.contains(name)) {
                builder.header(name, value);
            }
        });
        HttpResponse<String> response =
                client.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        forwarded.incrementAndGet();
        return response;
    }

    private void sendFault(HttpExchange exchange, ProxyFault fault) throws IOException {
        failed.incrementAndGet();
        fault.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
        HttpExchanges.send(exchange, fault.status(), fault.contentType(), fault.body());
    }
}
