package dev.roastden.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.roastden.core.json.Json;
import dev.roastden.emulators.discord.DiscordEmulator;
import dev.roastden.emulators.discord.ReceivedInteraction;
import dev.roastden.events.SignEvent;
import dev.roastden.handler.RequestLog;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Server personas through the playground's API, each step the signed interaction Discord would send to the real
 * endpoint: the create form (a modal, and its MODAL_SUBMIT), consent buttons (MESSAGE_COMPONENT on the message they
 * sit on), a card imported from a file on the emulated CDN, and opting out. Also: a request signed outside the
 * playground is known to the emulated Discord, so its reply shows.
 */
class PersonaPlaygroundFlowTest {
    private static final String FORDIE = "100000000000000001";
    private static final String SAM = "100000000000000005";
    private static final String RILEY = "100000000000000006";
    private static final String ALEX = "100000000000000007";
    private static final Pattern PERSONA_ID = Pattern.compile("`([a-z0-9][a-z0-9-]*)`");
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static LocalSystem system;
    private static DiscordEmulator discord;

    @BeforeAll
    static void start() throws Exception {
        system = LocalSystem.start(LocalConfig.forTests(), RequestLog.silent());
        discord = system.discord().orElseThrow();
    }

    @AfterAll
    static void stop() {
        system.close();
    }

    @Test
    void aRequestSignedOutsideThePlaygroundIsKnownToDiscordAndItsReplyShows() throws Exception {
        String token = "curl-" + System.nanoTime();
        String body = "{\"type\":2,\"id\":\"" + dev.roastden.core.job.Snowflake.at(Instant.now(), 7)
                + "\",\"application_id\":\"" + SampleMembers.APPLICATION_ID
                + "\",\"token\":\"" + token + "\",\"version\":1,\"guild_id\":\"" + SampleMembers.GUILD_ID
                + "\",\"channel_id\":\"" + SampleMembers.CHANNEL_ID + "\",\"locale\":\"en-US\",\"member\":{"
                + "\"permissions\":\"0\",\"user\":{\"id\":\"" + SAM + "\",\"username\":\"sam\"}},\"data\":{"
                + "\"id\":\"1\",\"name\":\"roast\",\"type\":1,\"options\":[{\"name\":\"target\",\"type\":6,"
                + "\"value\":\"" + RILEY
                + "\"},{\"name\":\"persona\",\"type\":3,\"value\":\"bex\"}],\"resolved\":{\"users\":{\"" + RILEY
                + "\":{\"id\":\"" + RILEY + "\",\"username\":\"riley\",\"global_name\":\"Riley\"}}}}}";
        String timestamp = Long.toString(Instant.now().getEpochSecond());
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + system.port() + "/interactions"))
                        .header("Content-Type", "application/json")
                        .header(
                                "X-Signature-Ed25519",
                                SignEvent.sign(
                                        LocalSystem.testOnlySeed(), timestamp, body.getBytes(StandardCharsets.UTF_8)))
                        .header("X-Signature-Timestamp", timestamp)
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(text(awaitReply(token))).contains("Bex").contains("offline");
        JsonNode original = get("/playground/api/original?token=" + token);
        assertThat(original.path("interaction").path("response_type").asInt()).isEqualTo(5);
        assertThat(original.path("interaction").path("problems")).isEmpty();
    }

    @Test
    void personaCreateOpensTheFormAndItsSubmitIsTheModalSubmitDiscordSends() throws Exception {
        JsonNode opened = createForm("Sam Prime", RILEY);
        String token = opened.path("token").asText();
        JsonNode shown = get("/playground/api/original?token=" + token);
        assertThat(shown.path("found").asBoolean())
                .as("a modal is not a message")
                .isFalse();
        assertThat(shown.path("modal").path("custom_id").asText()).isEqualTo("rd1:pc:" + RILEY);
        assertThat(shown.path("modal").path("components")).hasSize(5);

        JsonNode submitted = submit(token, SAM, "Sam Prime");

        assertThat(submitted.path("status").asInt()).isEqualTo(200);
        assertThat(submitted.path("response").path("type").asInt()).isEqualTo(5);
        assertThat(submitted.path("response").path("data").path("flags").asInt(0) & 64)
                .as("the member must see the request, so it is public")
                .isZero();
        ReceivedInteraction known =
                discord.interaction(submitted.path("token").asText()).orElseThrow();
        JsonNode payload = known.payload();
        assertThat(payload.path("type").asInt()).isEqualTo(5);
        assertThat(payload.path("data").path("custom_id").asText()).isEqualTo("rd1:pc:" + RILEY);
        JsonNode firstRow = payload.path("data").path("components").get(0);
        assertThat(firstRow.path("type").asInt()).isEqualTo(1);
        assertThat(firstRow.path("components").get(0).path("type").asInt()).isEqualTo(4);
        assertThat(firstRow.path("components").get(0).path("custom_id").asText())
                .isEqualTo("name");
        assertThat(firstRow.path("components").get(0).path("value").asText()).isEqualTo("Sam Prime");
        assertThat(payload.path("data").path("components")).hasSize(5);
        assertThat(known.problems()).isEmpty();
    }

    @Test
    void aConsentButtonPressedBySomeoneElseIsRefusedPrivatelyToThemOnly() throws Exception {
        JsonNode request = botMessage("<@" + RILEY + "> Sam made a persona of you.", "rd1:pa:x-prime:" + RILEY + ":1");

        JsonNode clicked = click(SAM, request.path("id").asText(), "rd1:pa:x-prime:" + RILEY + ":1");

        assertThat(clicked.path("response").path("type").asInt()).isEqualTo(4);
        assertThat(clicked.path("response").path("data").path("flags").asInt()).isEqualTo(64);
        assertThat(clicked.path("response").path("data").path("content").asText())
                .contains("<@" + RILEY + ">");
        ReceivedInteraction known =
                discord.interaction(clicked.path("token").asText()).orElseThrow();
        assertThat(known.payload().path("type").asInt()).isEqualTo(3);
        assertThat(known.payload().path("data").path("component_type").asInt()).isEqualTo(2);
        assertThat(known.payload().path("message").path("id").asText())
                .isEqualTo(request.path("id").asText());
        assertThat(known.payload().path("message").has("pinged_user_ids")).isFalse();
        assertThat(dev.roastden.emulators.discord.DiscordSpec.get()
                        .validateSchema("MessageResponse", known.payload().path("message")))
                .as("the message a button sits on is sent in Discord's message shape")
                .isEmpty();
        JsonNode refusal = feedEntry(e -> e.path("message")
                .path("interaction_metadata")
                .path("id")
                .asText()
                .equals(known.id()));
        assertThat(refusal.path("visible_to").asText()).isEqualTo(SAM);
        assertThat(refusal.path("ephemeral").asBoolean()).isTrue();
    }

    @Test
    void aFileForAnAttachmentOptionIsOnTheEmulatedCdnAndResolvedInTheCommand() throws Exception {
        byte[] png = CardFixtures.pngCard("Lamp Keeper Ottoline");
        JsonNode sent = importCard(ALEX, "ottoline.png", png);

        ReceivedInteraction known =
                discord.interaction(sent.path("token").asText()).orElseThrow();
        JsonNode sub = known.payload().path("data").path("options").get(0);
        assertThat(sub.path("name").asText()).isEqualTo("import");
        JsonNode option = sub.path("options").get(0);
        assertThat(option.path("name").asText()).isEqualTo("file");
        assertThat(option.path("type").asInt()).isEqualTo(11);
        JsonNode attachment = known.payload()
                .path("data")
                .path("resolved")
                .path("attachments")
                .path(option.path("value").asText());
        assertThat(attachment.path("filename").asText()).isEqualTo("ottoline.png");
        assertThat(attachment.path("size").asInt()).isEqualTo(png.length);
        assertThat(attachment.path("content_type").asText()).isEqualTo("image/png");
        assertThat(attachment.path("url").asText()).startsWith(discord.cdnOrigin() + "/attachments/");
        assertThat(attachment.path("proxy_url").asText()).isNotEmpty();
        assertThat(dev.roastden.emulators.discord.DiscordSpec.get().validateSchema("AttachmentResponse", attachment))
                .isEmpty();
        HttpResponse<byte[]> served = HTTP.send(
                HttpRequest.newBuilder(URI.create(attachment.path("url").asText()))
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(served.body()).isEqualTo(png);
        assertThat(sent.path("response").path("type").asInt()).isEqualTo(5);
    }

    // End to end: these need the worker's persona commands.

    @Test
    void aMembersPersonaSpeaksOnlyAfterTheyAccept() throws Exception {
        JsonNode opened = createForm("Riley Prime", RILEY);
        JsonNode submitted = submit(opened.path("token").asText(), SAM, "Riley Prime");
        JsonNode consent = awaitReply(submitted.path("token").asText());
        assertThat(text(consent)).contains("<@" + RILEY + ">");
        assertThat(consent.path("pinged_user_ids")).extracting(JsonNode::asText).containsExactly(RILEY);
        String personaId = personaId(text(consent));
        String accept = button(consent, "rd1:pa:");

        assertThat(text(roast(SAM, FORDIE, personaId)))
                .as("a pending persona does not speak")
                .doesNotContain("offline");

        JsonNode notYours = click(SAM, consent.path("id").asText(), accept);
        assertThat(notYours.path("response").path("data").path("flags").asInt()).isEqualTo(64);

        JsonNode accepted = click(RILEY, consent.path("id").asText(), accept);
        assertThat(accepted.path("response").path("type").asInt()).isEqualTo(6);
        JsonNode edited = awaitMessage(consent.path("id").asText(), m -> text(m).contains("accepted"));
        assertThat(button(edited, "rd1:pw:")).isNotEmpty();

        assertThat(text(roast(SAM, FORDIE, personaId))).contains("Riley Prime").contains("offline");
    }

    @Test
    void anImportedCardRoastsUnderItsName() throws Exception {
        JsonNode imported = importCard(ALEX, "maris.png", CardFixtures.pngCard("Old Salt Maris"));
        JsonNode reply = awaitReply(imported.path("token").asText());
        assertThat(reply.path("flags").asInt() & 64).isEqualTo(64);
        String personaId = personaId(text(reply));

        ObjectNode typed = request(SAM, "roast", Map.of("target", RILEY, "persona", "maris"));
        typed.put("focused", "persona");
        JsonNode choices = post("/playground/api/autocomplete", typed)
                .path("response")
                .path("data")
                .path("choices");
        assertThat(choices).extracting(c -> c.path("value").asText()).contains(personaId);

        assertThat(text(roast(SAM, RILEY, personaId)))
                .contains("Old Salt Maris")
                .contains("offline");
    }

    @Test
    void anOptedOutMemberIsNotRoasted() throws Exception {
        JsonNode out = post("/playground/api/command", request(RILEY, "optout", Map.of()));
        assertThat(out.path("response").path("data").path("flags").asInt()).isEqualTo(64);
        awaitReply(out.path("token").asText());
        try {
            assertThat(text(roast(SAM, RILEY, "ford"))).doesNotContain("offline");
        } finally {
            awaitReply(post("/playground/api/command", request(RILEY, "optin", Map.of()))
                    .path("token")
                    .asText());
        }
        assertThat(text(roast(SAM, RILEY, "ford"))).contains("offline");
    }

    // ---------------------------------------------------------------------------------------------------------------

    private static JsonNode createForm(String name, String member) throws Exception {
        ObjectNode request = request(SAM, "persona", Map.of("name", name, "member", member));
        request.put("subcommand", "create");
        JsonNode opened = post("/playground/api/command", request);
        assertThat(opened.path("response").path("type").asInt()).isEqualTo(9);
        return opened;
    }

    private static JsonNode submit(String openedBy, String member, String name) throws Exception {
        ObjectNode submit = Json.mapper().createObjectNode();
        submit.put("member", member);
        submit.put("opened_by", openedBy);
        ObjectNode values = submit.putObject("values");
        values.put("name", name);
        values.put("summary", "The group's designated driver who never lets anyone forget it.");
        values.put("traits", "punctual\nsmug about it\nsecretly kind");
        values.put("speech", "Short sentences.\n\"I was here at eight.\"");
        values.put("roast_style", "Deadpan, aimed at your lateness.");
        return post("/playground/api/modal", submit);
    }

    private static JsonNode importCard(String member, String filename, byte[] bytes) throws Exception {
        ObjectNode request = request(member, "persona", Map.of());
        request.put("subcommand", "import");
        ObjectNode file = request.putObject("attachments").putObject("file");
        file.put("filename", filename);
        file.put("content_type", "image/png");
        file.put("data", Base64.getEncoder().encodeToString(bytes));
        return post("/playground/api/command", request);
    }

    private static JsonNode roast(String member, String target, String persona) throws Exception {
        JsonNode sent =
                post("/playground/api/command", request(member, "roast", Map.of("target", target, "persona", persona)));
        return awaitReply(sent.path("token").asText());
    }

    private static JsonNode click(String member, String messageId, String customId) throws Exception {
        ObjectNode click = Json.mapper().createObjectNode();
        click.put("member", member);
        click.put("message_id", messageId);
        click.put("custom_id", customId);
        JsonNode result = post("/playground/api/component", click);
        assertThat(result.path("status").asInt()).isEqualTo(200);
        return result;
    }

    /** A message with an Accept button, posted as the bot would through Discord's REST API. */
    private static JsonNode botMessage(String content, String customId) throws Exception {
        String body =
                "{\"content\":\"" + content + "\",\"allowed_mentions\":{\"parse\":[]},\"components\":[{\"type\":1,"
                        + "\"components\":[{\"type\":2,\"style\":3,\"label\":\"Accept\",\"custom_id\":\"" + customId
                        + "\"}]}]}";
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(
                                URI.create(discord.apiBase() + "/channels/" + SampleMembers.CHANNEL_ID + "/messages"))
                        .header("Authorization", "Bot local-playground-bot-token")
                        .header("User-Agent", "DiscordBot (https://roastden.test, 1.0)")
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Json.mapper().readTree(response.body());
    }

    private static String button(JsonNode message, String prefix) {
        for (JsonNode row : message.path("components")) {
            for (JsonNode button : row.path("components")) {
                if (button.path("custom_id").asText().startsWith(prefix)) {
                    return button.path("custom_id").asText();
                }
            }
        }
        throw new AssertionError("No button " + prefix + "… on " + message);
    }

    private static String personaId(String text) {
        Matcher m = PERSONA_ID.matcher(text);
        if (!m.find()) {
            throw new AssertionError("No persona id in: " + text);
        }
        return m.group(1);
    }

    /** Re-reads a message until it satisfies {@code done}; fails after 30 seconds. */
    private static JsonNode awaitMessage(String id, Predicate<JsonNode> done) throws Exception {
        Instant deadline = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(deadline)) {
            JsonNode message = discord.message(id).orElseThrow();
            if (done.test(message)) {
                return message;
            }
            pause();
        }
        throw new AssertionError("Message " + id + " never changed as expected: " + discord.message(id));
    }

    private static JsonNode feedEntry(Predicate<JsonNode> which) throws Exception {
        for (JsonNode entry : get("/playground/api/messages").path("messages")) {
            if (which.test(entry)) {
                return entry;
            }
        }
        throw new AssertionError("No such message in the channel");
    }

    private static void pause() {
        java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
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
