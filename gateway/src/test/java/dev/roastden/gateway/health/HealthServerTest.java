package dev.roastden.gateway.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.roastden.core.json.Json;
import dev.roastden.emulators.time.MutableClock;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The endpoint over real HTTP, with the verdict driven by an injected clock. */
class HealthServerTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-20T18:00:00Z"));
    private final GatewayHealth health = new GatewayHealth(clock, Duration.ofSeconds(120));
    private final HttpClient http = HttpClient.newHttpClient();
    private HealthServer server;

    @BeforeEach
    void start() {
        server = HealthServer.start(0, health::report);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void connectedAndFreshAnswers200() throws Exception {
        health.connected();
        clock.advance(Duration.ofSeconds(30));

        HttpResponse<String> response = get("/health");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/json");
        assertThat(json(response).path("status").asText()).isEqualTo("ok");
    }

    @Test
    void staleAnswers503WithTheReason() throws Exception {
        health.connected();
        clock.advance(Duration.ofSeconds(180));

        HttpResponse<String> response = get("/health");

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(json(response).path("reason").asText()).startsWith("No heartbeat from the Discord gateway");
    }

    @Test
    void disconnectedAnswers503() throws Exception {
        health.connected();
        health.disconnected("DISCONNECTED");

        HttpResponse<String> response = get("/health");

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(json(response).path("connection").asText()).isEqualTo("DISCONNECTED");
    }

    @Test
    void otherPathsAndMethodsAreRefused() throws Exception {
        assertThat(get("/").statusCode()).isEqualTo(404);
        HttpResponse<String> post = http.send(
                HttpRequest.newBuilder(uri("/health"))
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(post.headers().firstValue("Allow")).contains("GET");
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return Json.mapper().readTree(response.body());
    }
}
