package dev.roastden.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.roastden.core.json.Json;
import dev.roastden.emulators.time.MutableClock;
import dev.roastden.gateway.health.GatewayHealth;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The task in this JVM without what it needs to connect: it must stay up and say why it is unhealthy, and on shutdown
 * answer 503 before it stops listening.
 */
class GatewayMainTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-20T18:00:00Z"));
    private final ByteArrayOutputStream metrics = new ByteArrayOutputStream();
    private final List<LogRecord> logged = new ArrayList<>();
    private final Logger mainLogger = Logger.getLogger(GatewayMain.class.getName());
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            synchronized (logged) {
                logged.add(record);
            }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };

    @BeforeEach
    void captureLogs() {
        mainLogger.addHandler(capture);
    }

    @AfterEach
    void releaseLogs() {
        mainLogger.removeHandler(capture);
    }

    @Test
    void withoutATokenHealthAnswers503AndSaysWhy() throws Exception {
        try (GatewayMain.Running gateway = GatewayMain.start(
                Map.of("HEALTH_PORT", "0", "WORK_QUEUE_URL", "http://127.0.0.1:9/000000000000/work"),
                clock,
                new PrintStream(metrics, true, StandardCharsets.UTF_8))) {

            HttpResponse<String> response = health(gateway.healthPort());

            assertThat(response.statusCode()).isEqualTo(503);
            JsonNode body = Json.mapper().readTree(response.body());
            assertThat(body.path("status").asText()).isEqualTo("unavailable");
            assertThat(body.path("reason").asText())
                    .startsWith("No Discord bot token")
                    .contains("DISCORD_BOT_TOKEN")
                    .contains("BOT_TOKEN_SECRET_ID");
            assertThat(messages())
                    .anySatisfy(m -> assertThat(m).startsWith("Not connecting to Discord: No Discord bot token"));
            assertThat(gateway.health().healthy()).isFalse();
        }
    }

    @Test
    void everyProblemIsReportedAndTheTokenNeverIs() throws Exception {
        String token = "test-only.not-a-real-token.x";
        try (GatewayMain.Running gateway = GatewayMain.start(
                Map.of("HEALTH_PORT", "0", "DISCORD_BOT_TOKEN", token, "GATEWAY_DEFAULT_PERSONA", "nobody"),
                clock,
                new PrintStream(metrics, true, StandardCharsets.UTF_8))) {

            HttpResponse<String> response = health(gateway.healthPort());

            assertThat(response.statusCode()).isEqualTo(503);
            assertThat(response.body())
                    .contains("WORK_QUEUE_URL is not set")
                    .contains("GATEWAY_DEFAULT_PERSONA names no persona")
                    .doesNotContain(token);
            assertThat(messages()).noneSatisfy(m -> assertThat(m).contains(token));
        }
    }

    @Test
    void closingAnswers503FirstAndThenStopsListening() throws Exception {
        GatewayMain.Running gateway = GatewayMain.start(
                Map.of("HEALTH_PORT", "0", "WORK_QUEUE_URL", "http://127.0.0.1:9/000000000000/work"),
                clock,
                new PrintStream(metrics, true, StandardCharsets.UTF_8));
        int port = gateway.healthPort();
        List<HttpResponse<String>> whileStopping = new ArrayList<>();
        // The stopping announcement is logged on the closing thread, after health switches and before the server
        // stops: asking /health at that moment sees what a load balancer sees during the drain.
        Handler probe = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getMessage().startsWith("Stopping:")) {
                    try {
                        whileStopping.add(health(port));
                    } catch (Exception e) {
                        throw new AssertionError("/health did not answer while stopping", e);
                    }
                }
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        mainLogger.addHandler(probe);
        try {
            gateway.close();
        } finally {
            mainLogger.removeHandler(probe);
        }

        assertThat(whileStopping).hasSize(1);
        assertThat(whileStopping.get(0).statusCode()).isEqualTo(503);
        assertThat(Json.mapper()
                        .readTree(whileStopping.get(0).body())
                        .path("reason")
                        .asText())
                .isEqualTo(GatewayHealth.STOPPING_REASON);
        assertThat(gateway.health().healthy()).isFalse();
        assertThatThrownBy(() -> new Socket("127.0.0.1", port).close()).isInstanceOf(ConnectException.class);
    }

    private List<String> messages() {
        synchronized (logged) {
            return logged.stream().map(LogRecord::getMessage).toList();
        }
    }

    private static HttpResponse<String> health(int port) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }
}
