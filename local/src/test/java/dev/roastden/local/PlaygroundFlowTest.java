package dev.roastden.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.roastden.core.json.Json;
import dev.roastden.handler.RequestLog;
import java.io.IOException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole local system through the playground's API: signed requests to the real endpoint, the real queue and
 * worker, DynamoDB Local, the offline generator and the Discord emulator.
 */
class PlaygroundFlowTest {
    private static final String FORDIE = "100000000000000001";
    private static final String SAM = "100000000000000005";
    private static final String RILEY = "100000000000000006";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static LocalSystem system;

    @BeforeAll
    static void start() throws IOException {
        system = LocalSystem.start(LocalConfig.forTests(), RequestLog.silent());
    }

    @AfterAll
    static void stop() {
        system.close();
    }

    @Test
    void setupListsMembersPersonasCommandsAndTheModel() throws Exception {
        JsonNode setup = get("/playground/api/setup");
        assertThat(setup.path("members")).hasSize(SampleMembers.all().size());
        assertThat(setup.path("personas").get(0).path("id").asText()).isEqualTo("ford");
        assertThat(setup.path("commands"))
                .hasSize(dev.roastden.core.command.CommandCatalog.commands().size());
        assertThat(setup.path("model").asText()).contains("offline");
    }

    @Test
    void personaAutocompleteGoesThroughTheEndpoint() throws Exception {
        ObjectNode request = request(SAM, "roast", Map.of("target", RILEY, "persona", "ma"));
        request.put("focused", "persona");
        JsonNode result = post("/playground/api/autocomplete", request);
        assertThat(result.path("response").path("type").asInt()).isEqualTo(8);
        assertThat(result.path("response")
                        .path("data")
                        .path("choices")
                        .get(0)
                        .path("value")
                        .asText())
                .isEqualTo("mags");
    }

    @Test
    void aRoastIsDeferredThenEditedIntoTheOfflineReply() throws Exception {
        JsonNode sent =
                post("/playground/api/command", request(SAM, "roast", Map.of("target", RILEY, "persona", "bex")));
        assertThat(sent.path("response").path("type").asInt()).isEqualTo(5);
        JsonNode reply = awaitReply(sent.path("token").asText());
        assertThat(text(reply)).contains("Bex").contains("offline");
    }

    @Test
    void rememberChangesLaterRoastsAndForgetMeRemovesIt() throws Exception {
        JsonNode remembered = post(
                "/playground/api/command",
                request(
                        FORDIE,
                        "remember",
                        Map.of("fact", "@Riley got lost in an IKEA for three hours", "persona", "ford")));
        assertThat(remembered.path("response").path("data").path("flags").asInt())
                .isEqualTo(64);
        assertThat(text(awaitReply(remembered.path("token").asText()))).containsIgnoringCase("remember");

        JsonNode roast =
                post("/playground/api/command", request(SAM, "roast", Map.of("target", RILEY, "persona", "ford")));
        assertThat(text(awaitReply(roast.path("token").asText()))).contains("IKEA");

        ObjectNode forget = request(RILEY, "forget", Map.of());
        forget.put("subcommand", "me");
        JsonNode forgotten = post("/playground/api/command", forget);
        assertThat(forgotten.path("response").path("data").path("flags").asInt())
                .isEqualTo(64);
        assertThat(text(awaitReply(forgotten.path("token").asText()))).contains("Deleted everything stored about you");

        JsonNode again =
                post("/playground/api/command", request(SAM, "roast", Map.of("target", RILEY, "persona", "ford")));
        assertThat(text(awaitReply(again.path("token").asText()))).doesNotContain("IKEA");
    }

    @Test
    void aMentionInTheChannelGetsAPersonaReply() throws Exception {
        ObjectNode message = Json.mapper().createObjectNode();
        message.put("member", SAM);
        message.put("content", "@RoastDen juniper, roast @Riley please");
        JsonNode posted = post("/playground/api/channel", message);
        assertThat(posted.path("note").asText()).contains("Juniper");
        Instant deadline = Instant.now().plusSeconds(30);
        JsonNode messages = Json.mapper().createArrayNode();
        while (Instant.now().isBefore(deadline) && messages.isEmpty()) {
            messages = get("/playground/api/channel").path("messages");
            LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
        }
        assertThat(messages).hasSize(1);
        JsonNode reply = messages.get(0);
        assertThat(text(reply)).contains("Juniper").contains("offline");
        assertThat(text(reply))
                .as("the reply is aimed at the mentioned target, not at the author")
                .contains("Riley, you asked for it")
                .contains("<@" + RILEY + ">");
        assertThat(reply.path("message_reference").path("message_id").asText()).isNotEmpty();
        assertThat(reply.path("author").path("id").asText()).isEqualTo(LocalMentions.BOT.id());
        assertThat(reply.path("pinged_user_ids"))
                .as("only the target is pinged")
                .extracting(JsonNode::asText)
                .containsExactly(RILEY);
    }

    private static ObjectNode request(String member, String command, Map<String, String> options) {
        return PlaygroundApi.request(member, command, options);
    }

    private static String text(JsonNode message) {
        return PlaygroundApi.text(message);
    }

    private static JsonNode awaitReply(String token) throws Exception {
        return PlaygroundApi.awaitReply(system.port(), token);
    }

    private static JsonNode get(String path) throws Exception {
        return PlaygroundApi.get(system.port(), path);
    }

    private static JsonNode post(String path, JsonNode body) throws Exception {
        return PlaygroundApi.post(system.port(), path, body);
    }
}
