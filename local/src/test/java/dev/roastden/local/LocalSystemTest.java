package dev.roastden.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.roastden.core.json.Json;
import dev.roastden.handler.RequestLog;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The local system answers over real HTTP, with the committed test-only key, and queues to its own SQS. */
class LocalSystemTest {
    private static LocalSystem system;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws IOException {
        system = LocalSystem.start(LocalConfig.forTests(), RequestLog.silent());
    }

    @AfterAll
    static void stop() {
        system.close();
    }

    @Test
    void aSignedPingGetsPong() throws Exception {
        HttpResponse<String> response =
                post("/interactions", sample("interactions/ping.json"), SampleSignatures.ping());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type")).contains("application/json");
        assertThat(response.body()).isEqualTo("{\"type\":1}");
    }

    @Test
    void aTamperedPingGets401() throws Exception {
        byte[] body = sample("interactions/ping.json");
        body[body.length - 3] ^= 1;
        HttpResponse<String> response = post("/interactions", body, SampleSignatures.ping());
        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void aSampleEventIsDeferredThroughTheLambdaStyleRoute() throws Exception {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + system.port() + "/invoke/interactions"))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(sample("apigw/remember.json")))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode event = Json.mapper().readTree(response.body());
        assertThat(event.path("statusCode").asInt()).isEqualTo(200);
        assertThat(Json.mapper()
                        .readTree(event.path("body").asText())
                        .path("type")
                        .asInt())
                .isEqualTo(5);
        String token = Json.mapper()
                .readTree(Json.mapper()
                        .readTree(sample("apigw/remember.json"))
                        .path("body")
                        .asText())
                .path("token")
                .asText();
        var known = system.discord().orElseThrow().interaction(token).orElseThrow();
        assertThat(known.answered())
                .as("the emulated Discord knows what it sent and what was answered")
                .isTrue();
        assertThat(known.responseType()).hasValue(5);
        assertThat(known.problems()).isEmpty();
    }

    @Test
    void aBadlySignedEventIsNotAnInteractionDiscordSent() throws Exception {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + system.port() + "/invoke/interactions"))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(sample("apigw/bad-signature.json")))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(Json.mapper().readTree(response.body()).path("statusCode").asInt())
                .isEqualTo(401);
        String token = Json.mapper()
                .readTree(Json.mapper()
                        .readTree(sample("apigw/bad-signature.json"))
                        .path("body")
                        .asText())
                .path("token")
                .asText();
        assertThat(token).isNotEmpty();
        assertThat(system.discord().orElseThrow().interaction(token)).isEmpty();
    }

    @Test
    void healthAnswers() throws Exception {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + system.port() + "/health"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
    }

    private static HttpResponse<String> post(String path, byte[] body, String signature) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + system.port() + path))
                        .header("X-Signature-Ed25519", signature)
                        .header("X-Signature-Timestamp", SampleSignatures.TIMESTAMP)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static byte[] sample(String name) throws IOException {
        try (InputStream in = LocalSystemTest.class.getClassLoader().getResourceAsStream(name)) {
            return in.readAllBytes();
        }
    }
}
