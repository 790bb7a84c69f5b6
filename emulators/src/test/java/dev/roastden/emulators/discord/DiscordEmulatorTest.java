package dev.roastden.emulators.discord;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.roastden.emulators.time.MutableClock;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DiscordEmulatorTest {
    private static final String UA = "DiscordBot (https://example.test, 1.0)";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();
    private DiscordEmulator discord;

    @BeforeEach
    void start() {
        discord = DiscordEmulator.start();
    }

    @AfterEach
    void stop() {
        discord.close();
    }

    @Test
    void aValidEditOfTheOriginalResponseIsAppliedAndAnsweredWithASpecConformingMessage() throws Exception {
        discord.registerInteraction("10", "tok", "20");
        assertThat(discord.originalMessage("tok").orElseThrow().path("flags").asInt())
                .isEqualTo(DiscordEmulator.LOADING);

        HttpResponse<String> response = send(
                "PATCH",
                "/webhooks/10/tok/messages/@original",
                "{\"content\":\"hi <@30> <@40>\",\"embeds\":[],\"allowed_mentions\":{\"parse\":[],\"users\":[\"30\"]}}",
                null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(discord.problems()).isEmpty();
        JsonNode message = JSON.readTree(response.body());
        DiscordSpec spec = DiscordSpec.get();
        DiscordSpec.Match match =
                spec.match("PATCH", "/webhooks/10/tok/messages/@original").orElseThrow();
        assertThat(spec.validateResponse(match, message)).isEmpty();
        assertThat(message.path("content").asText()).isEqualTo("hi <@30> <@40>");
        assertThat(discord.originalMessage("tok").orElseThrow().path("pinged_user_ids"))
                .extracting(JsonNode::asText)
                .containsExactly("30");
        HttpResponse<String> get = send("GET", "/webhooks/10/tok/messages/@original", null, null);
        assertThat(JSON.readTree(get.body()).path("content").asText()).isEqualTo("hi <@30> <@40>");
    }

    @Test
    void bodiesThatBreakTheOfficialSpecAreRejectedLikeDiscordDoes() throws Exception {
        String tooLong = "x".repeat(2001);
        HttpResponse<String> response = send(
                "PATCH",
                "/webhooks/10/tok/messages/@original",
                "{\"content\":\"" + tooLong + "\",\"allowedMentions\":{}}",
                null);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).path("code").asInt()).isEqualTo(50035);
        assertThat(discord.problems())
                .anySatisfy(p -> assertThat(p).contains("content"))
                .anySatisfy(p -> assertThat(p).contains("allowedMentions"));
    }

    @Test
    void aMissingDiscordBotUserAgentIsAProblem() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(discord.apiBase() + "/webhooks/1/t/messages/@original"))
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"content\":\"x\"}"))
                .header("Content-Type", "application/json")
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(discord.problems()).singleElement().satisfies(p -> assertThat(p)
                .contains("User-Agent"));
    }

    @Test
    void scriptedFaultsAnswerInOrderThenTheRealWork() throws Exception {
        discord.failNext(
                DiscordEmulator.patchOriginal(), Fault.rateLimited(0.25), Fault.serverError(), Fault.unknownWebhook());
        String body = "{\"content\":\"x\"}";

        HttpResponse<String> limited = send("PATCH", "/webhooks/1/t/messages/@original", body, null);
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).contains("1");
        assertThat(JSON.readTree(limited.body()).path("retry_after").asDouble()).isEqualTo(0.25);
        assertThat(send("PATCH", "/webhooks/1/t/messages/@original", body, null).statusCode())
                .isEqualTo(500);
        HttpResponse<String> gone = send("PATCH", "/webhooks/1/t/messages/@original", body, null);
        assertThat(gone.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(gone.body()).path("code").asInt()).isEqualTo(10015);
        assertThat(send("PATCH", "/webhooks/1/t/messages/@original", body, null).statusCode())
                .isEqualTo(200);
    }

    @Test
    void expiredTokensAndDeletedMessagesAnswer404WithTheirCodes() throws Exception {
        discord.registerInteraction("1", "old", "2");
        discord.registerInteraction("1", "deleted", "2");
        discord.expireInteraction("old");
        discord.deleteOriginal("deleted");
        String body = "{\"content\":\"x\"}";
        assertThat(JSON.readTree(send("PATCH", "/webhooks/1/old/messages/@original", body, null)
                                .body())
                        .path("code")
                        .asInt())
                .isEqualTo(10015);
        assertThat(JSON.readTree(send("PATCH", "/webhooks/1/deleted/messages/@original", body, null)
                                .body())
                        .path("code")
                        .asInt())
                .isEqualTo(10008);
        discord.strictTokens(true);
        assertThat(send("PATCH", "/webhooks/1/unknown/messages/@original", body, null)
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void commandRegistrationNeedsTheBotTokenAndBulkOverwritesGlobalAndGuildCommands() throws Exception {
        discord.requireBotToken("secret");
        String commands = "[{\"name\":\"roast\",\"description\":\"Roast someone\",\"type\":1,"
                + "\"options\":[{\"type\":6,\"name\":\"target\",\"description\":\"Who\",\"required\":true}]},"
                + "{\"name\":\"ask\",\"description\":\"Ask\",\"type\":1}]";

        assertThat(send("PUT", "/applications/1/commands", commands, "wrong").statusCode())
                .isEqualTo(401);
        HttpResponse<String> put = send("PUT", "/applications/1/commands", commands, "secret");
        assertThat(put.statusCode()).isEqualTo(200);
        JsonNode registered = JSON.readTree(put.body());
        assertThat(registered).hasSize(2);
        DiscordSpec.Match match =
                DiscordSpec.get().match("PUT", "/applications/1/commands").orElseThrow();
        assertThat(DiscordSpec.get().validateResponse(match, registered)).isEmpty();
        String roastId = registered.get(0).path("id").asText();

        HttpResponse<String> again = send("PUT", "/applications/1/commands", commands, "secret");
        assertThat(JSON.readTree(again.body()).get(0).path("id").asText()).isEqualTo(roastId);
        assertThat(send("PUT", "/applications/1/guilds/5/commands", "[]", "secret")
                        .statusCode())
                .isEqualTo(200);
        assertThat(send("DELETE", "/applications/1/commands/" + roastId, null, "secret")
                        .statusCode())
                .isEqualTo(204);
        assertThat(JSON.readTree(
                        send("GET", "/applications/1/commands", null, "secret").body()))
                .hasSize(1);
        assertThat(discord.commands("1")).hasSize(1);
        assertThat(discord.guildCommands("1", "5")).isEmpty();
        assertThat(discord.problems()).isEmpty();
    }

    @Test
    void channelMessagesAndTypingNeedTheBotToken() throws Exception {
        String body = "{\"content\":\"<@7> ahoy\",\"allowed_mentions\":{\"parse\":[],\"users\":[\"7\"],"
                + "\"replied_user\":true},\"message_reference\":{\"message_id\":\"99\",\"fail_if_not_exists\":false}}";
        assertThat(send("POST", "/channels/5/messages", body, null).statusCode())
                .isEqualTo(401);
        assertThat(send("POST", "/channels/5/typing", null, "t").statusCode()).isEqualTo(204);
        assertThat(send("POST", "/channels/5/messages", body, "t").statusCode()).isEqualTo(200);
        assertThat(discord.channelMessages("5")).singleElement().satisfies(m -> assertThat(
                        m.path("message_reference").path("message_id").asText())
                .isEqualTo("99"));
    }

    @Test
    void typingIsRecordedAsTheSpecsTriggerTypingOperation() throws Exception {
        assertThat(send("POST", "/channels/5/typing", null, "t").statusCode()).isEqualTo(204);

        assertThat(discord.requests(DiscordEmulator.TRIGGER_TYPING))
                .singleElement()
                .satisfies(r -> {
                    assertThat(r.params()).containsEntry("channel_id", "5");
                    assertThat(r.succeeded()).isTrue();
                });
        assertThat(discord.problems()).isEmpty();
    }

    @Test
    void anEnforcedNonceReturnsTheFirstMessageWithinTwoMinutesAndCreatesANewOneAfter() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
        try (DiscordEmulator timed = DiscordEmulator.start(0, clock)) {
            String body = "{\"content\":\"ahoy\",\"nonce\":\"99\",\"enforce_nonce\":true}";
            JsonNode first = JSON.readTree(
                    send(timed, "POST", "/channels/5/messages", body, "t").body());
            clock.advance(Duration.ofSeconds(119));
            JsonNode again = JSON.readTree(
                    send(timed, "POST", "/channels/5/messages", body, "t").body());
            JsonNode otherBot = JSON.readTree(
                    send(timed, "POST", "/channels/5/messages", body, "u").body());
            String loose = "{\"content\":\"ahoy\",\"nonce\":\"99\"}";
            JsonNode notEnforced = JSON.readTree(
                    send(timed, "POST", "/channels/5/messages", loose, "t").body());

            assertThat(again.path("id").asText()).isEqualTo(first.path("id").asText());
            assertThat(first.path("nonce").asText()).isEqualTo("99");
            assertThat(otherBot.path("id").asText())
                    .isNotEqualTo(first.path("id").asText());
            assertThat(notEnforced.path("id").asText())
                    .isNotEqualTo(first.path("id").asText());
            assertThat(timed.channelMessages("5")).hasSize(3);

            clock.advance(Duration.ofSeconds(1));
            JsonNode later = JSON.readTree(
                    send(timed, "POST", "/channels/5/messages", body, "t").body());
            assertThat(later.path("id").asText()).isNotEqualTo(first.path("id").asText());
            assertThat(timed.channelMessages("5")).hasSize(4);
            assertThat(timed.problems()).isEmpty();
        }
    }

    @Test
    void listingMessagesAfterAnIdGivesTheNextOnesNewestFirstByTheConfiguredBot() throws Exception {
        discord.botUserId("42");
        for (String text : new String[] {"one", "two", "three", "four"}) {
            send("POST", "/channels/5/messages", "{\"content\":\"" + text + "\"}", "t");
        }
        String firstId = discord.channelMessages("5").get(0).path("id").asText();

        JsonNode after = JSON.readTree(send("GET", "/channels/5/messages?after=" + firstId + "&limit=2", null, "t")
                .body());
        JsonNode all =
                JSON.readTree(send("GET", "/channels/5/messages", null, "t").body());

        assertThat(after).extracting(m -> m.path("content").asText()).containsExactly("three", "two");
        assertThat(after).allSatisfy(m -> assertThat(m.path("author").path("id").asText())
                .isEqualTo("42"));
        assertThat(all).extracting(m -> m.path("content").asText()).containsExactly("four", "three", "two", "one");
        assertThat(send("GET", "/channels/5/messages", null, null).statusCode()).isEqualTo(401);
        assertThat(discord.problems()).isEmpty();

        assertThat(send("GET", "/channels/5/messages?limit=500", null, "t").statusCode())
                .isEqualTo(400);
        assertThat(send("GET", "/channels/5/messages?after=x", null, "t").statusCode())
                .isEqualTo(400);
        assertThat(discord.problems()).hasSize(2);
    }

    private HttpResponse<String> send(String method, String path, String body, String botToken)
            throws IOException, InterruptedException {
        return send(discord, method, path, body, botToken);
    }

    private HttpResponse<String> send(DiscordEmulator target, String method, String path, String body, String botToken)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target.apiBase() + path))
                .header("User-Agent", UA)
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (botToken != null) {
            request.header("Authorization", "Bot " + botToken);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
