package dev.roastden.gateway.health;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * {@code GET /health} on the JDK's HTTP server: 200 with the report while healthy, 503 with the reason otherwise.
 * Every other path is 404, every other method 405.
 */
public final class HealthServer implements AutoCloseable {
    public static final String PATH = "/health";

    private final HttpServer server;
    private final ExecutorService executor;

    private HealthServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /**
     * Starts serving on {@code port} (0 picks a free one) on every interface. Its thread is not a daemon: the task
     * keeps running, and reporting, whatever happens to the Discord connection.
     */
    public static HealthServer start(int port, Supplier<HealthReport> health) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(port), 16);
            ExecutorService executor = Executors.newSingleThreadExecutor(r -> new Thread(r, "health-server"));
            server.createContext("/", exchange -> handle(exchange, health));
            server.setExecutor(executor);
            server.start();
            return new HealthServer(server, executor);
        } catch (IOException e) {
            throw new UncheckedIOException("The health endpoint could not listen on port " + port, e);
        }
    }

    /** The port it listens on. */
    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private static void handle(HttpExchange exchange, Supplier<HealthReport> health) throws IOException {
        try (exchange) {
            if (!PATH.equals(exchange.getRequestURI().getPath())) {
                send(exchange, 404, "{\"status\":\"not_found\"}");
                return;
            }
            if (!"GET".equals(exchange.getRequestMethod())) {
                exchange.getResponseHeaders().set("Allow", "GET");
                send(exchange, 405, "{\"status\":\"method_not_allowed\"}");
                return;
            }
            HealthReport report = health.get();
            send(exchange, report.httpStatus(), report.toJson());
        }
    }

    private static void send(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
