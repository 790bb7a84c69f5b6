package dev.roastden.emulators.discord;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The emulated Discord with a data folder: a second emulator started on the folder knows what the first one held
 * (interactions, originals with their edits, follow-ups, channel messages), with the same message ids, keeps no
 * credential on disk, and skips a torn last line.
 */
class DiscordJournalTest {
    private static final String UA = "DiscordBot (https://example.test, 1.0)";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path folder;

    @Test
    void aRestartedEmulatorKnowsEveryInteractionAndMessageWithTheSameIds() throws Exception {
        JsonNode original;
        JsonNode followUp;
        JsonNode channelMessage;
        try (DiscordEmulator first = DiscordEmulator.start(0, Clock.systemUTC(), Optional.of(folder))) {
            first.receiveInteraction(command("1001", "tok-a"));
            first.interactionAnswered("tok-a", 200, "{\"type\":5}");
            first.receiveInteraction(command("1002", "tok-b"));
            first.interactionAnswered("tok-b", 200, "{\"type\":5}");
            assertThat(send(first, "PATCH", "/webhooks/10/tok-a/messages/@original", "{\"content\":\"roasted\"}")
                            .statusCode())
                    .isEqualTo(200);
            assertThat(send(first, "POST", "/webhooks/10/tok-a", "{\"content\":\"and more\"}")
                            .statusCode())
                    .isEqualTo(200);
            assertThat(send(first, "POST", "/channels/20/messages", "{\"content\":\"hello channel\"}")
                            .statusCode())
                    .isEqualTo(200);
            original = first.originalMessage("tok-a").orElseThrow();
            followUp = first.followUps("tok-a").get(0);
            channelMessage = first.channelMessages("20").get(0);
        }
        // A kill can tear the line being written: it is skipped, the rest still applies.
        Files.writeString(folder.resolve(DiscordJournal.FILE), "{\"e\":\"answ", StandardOpenOption.APPEND);

        try (DiscordEmulator second = DiscordEmulator.start(0, Clock.systemUTC(), Optional.of(folder))) {
            JsonNode again = second.originalMessage("tok-a").orElseThrow();
            assertThat(again.path("id").asText()).isEqualTo(original.path("id").asText());
            assertThat(again.path("content").asText()).isEqualTo("roasted");
            assertThat(again.path("flags").asInt() & DiscordEmulator.LOADING).isZero();
            assertThat(second.originalEdits("tok-a")).isEqualTo(1);
            assertThat(second.followUps("tok-a")).singleElement().satisfies(m -> assertThat(
                            m.path("id").asText())
                    .isEqualTo(followUp.path("id").asText()));
            assertThat(second.channelMessages("20")).singleElement().satisfies(m -> assertThat(
                            m.path("id").asText())
                    .isEqualTo(channelMessage.path("id").asText()));
            assertThat(second.originalMessage("tok-b")
                                    .orElseThrow()
                                    .path("flags")
                                    .asInt()
                            & DiscordEmulator.LOADING)
                    .as("still thinking: the worker has not answered it yet")
                    .isNotZero();
            // A late edit after the restart finds its interaction.
            assertThat(send(second, "PATCH", "/webhooks/10/tok-b/messages/@original", "{\"content\":\"late\"}")
                            .statusCode())
                    .isEqualTo(200);
            assertThat(second.originalMessage("tok-b")
                            .orElseThrow()
                            .path("content")
                            .asText())
                    .isEqualTo("late");
        }
        try (DiscordEmulator third = DiscordEmulator.start(0, Clock.systemUTC(), Optional.of(folder))) {
            assertThat(third.originalMessage("tok-b")
                            .orElseThrow()
                            .path("content")
                            .asText())
                    .isEqualTo("late");
            assertThat(third.interactions())
                    .extracting(ReceivedInteraction::token)
                    .containsExactly("tok-a", "tok-b");
        }
        assertThat(Files.readString(folder.resolve(DiscordJournal.FILE), StandardCharsets.UTF_8))
                .as("no credential is written")
                .doesNotContain("bot-secret");
    }

    private static ObjectNode command(String id, String token) {
        ObjectNode root = JSON.createObjectNode();
        root.put("id", id);
        root.put("application_id", "10");
        root.put("token", token);
        root.put("type", 2);
        root.put("version", 1);
        root.put("guild_id", "50");
        root.put("channel_id", "20");
        root.putObject("member").putObject("user").put("id", "30").put("username", "sam");
        root.putObject("data").put("id", "77").put("name", "roast").put("type", 1);
        return root;
    }

    private HttpResponse<String> send(DiscordEmulator discord, String method, String path, String body)
            throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(discord.apiBase() + path))
                        .header("User-Agent", UA)
                        .header("Authorization", "Bot bot-secret")
                        .header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
