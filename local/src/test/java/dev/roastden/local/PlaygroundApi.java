package dev.roastden.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.roastden.core.json.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

/** The playground's HTTP API as the flow tests drive it: commands as a member, and the emulated replies. */
final class PlaygroundApi {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private PlaygroundApi() {}

    /** A {@code /playground/api/command} body: {@code member} runs {@code command} with {@code options}. */
    static ObjectNode request(String member, String command, Map<String, String> options) {
        ObjectNode request = Json.mapper().createObjectNode();
        request.put("member", member);
        request.put("command", command);
        ObjectNode optionNode = request.putObject("options");
        options.forEach(optionNode::put);
        return request;
    }

    /** A message's content and its embeds' author, title and description, one per line. */
    static String text(JsonNode message) {
        StringBuilder text = new StringBuilder(message.path("content").asText(""));
        message.path("embeds").forEach(e -> text.append('\n')
                .append(e.path("author").path("name").asText(""))
                .append('\n')
                .append(e.path("title").asText(""))
                .append('\n')
                .append(e.path("description").asText("")));
        return text.toString();
    }

    /**
     * Re-reads the emulated original message until the worker has edited it, or, for a private refusal (the public
     * "thinking…" deleted and an ephemeral follow-up sent), returns that follow-up; fails after 30 seconds.
     */
    static JsonNode awaitReply(int port, String token) throws Exception {
        Instant deadline = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(deadline)) {
            JsonNode original = get(port, "/playground/api/original?token=" + token);
            if (original.path("found").asBoolean() && !original.path("loading").asBoolean()) {
                return original.path("message");
            }
            JsonNode followUps = original.path("follow_ups");
            if (!original.path("found").asBoolean() && !followUps.isEmpty()) {
                return followUps.get(followUps.size() - 1);
            }
            LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
        }
        throw new AssertionError("The worker never edited the reply for " + token);
    }

    static JsonNode get(int port, String path) throws Exception {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        return Json.mapper().readTree(response.body());
    }

    /** POSTs {@code body} as JSON and expects a 200. */
    static JsonNode post(int port, String path, JsonNode body) throws Exception {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Json.mapper().readTree(response.body());
    }
}
