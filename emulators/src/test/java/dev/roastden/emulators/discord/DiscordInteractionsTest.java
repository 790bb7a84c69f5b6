package dev.roastden.emulators.discord;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The emulator as the Discord side of interactions: it knows what it sent, turns the app's in-line answer into the
 * original response (a message, "thinking…", the component's own message, a modal), checks the answer against the
 * callback schema and Discord's rules, and takes multipart messages with files that its CDN then serves.
 */
class DiscordInteractionsTest {
    private static final String UA = "DiscordBot (https://example.test, 1.0)";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String APP = "10";
    private static final String CHANNEL = "20";
    private static final String SAM = "30";
    private static final String RILEY = "40";

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
    void everyReceivedInteractionIsKnownWithWhatTheAppAnswered() throws Exception {
        discord.receiveInteraction(command("1001", "tok-a", SAM));
        assertThat(discord.interaction("tok-a").orElseThrow().answered()).isFalse();

        discord.interactionAnswered("tok-a", 200, "{\"type\":5,\"data\":{\"flags\":64}}");

        ReceivedInteraction known = discord.interaction("tok-a").orElseThrow();
        assertThat(known.id()).isEqualTo("1001");
        assertThat(known.type()).isEqualTo(2);
        assertThat(known.userId()).contains(SAM);
        assertThat(known.channelId()).isEqualTo(CHANNEL);
        assertThat(known.responseType()).hasValue(5);
        assertThat(known.problems()).isEmpty();
        JsonNode original = discord.originalMessage("tok-a").orElseThrow();
        assertThat(original.path("flags").asInt()).isEqualTo(DiscordEmulator.LOADING | DiscordEmulator.EPHEMERAL);
        assertThat(original.path("interaction_metadata").path("user").path("id").asText())
                .isEqualTo(SAM);
        assertThat(discord.interactions())
                .extracting(ReceivedInteraction::token)
                .containsExactly("tok-a");
    }

    @Test
    void aPatchThatRacesTheAnswerWaitsForItAndKeepsTheReplyPrivate() throws Exception {
        discord.receiveInteraction(command("1002", "tok-b", SAM));
        CompletableFuture<HttpResponse<String>> patch =
                sendAsync("PATCH", "/webhooks/10/tok-b/messages/@original", "{\"content\":\"done\"}");

        discord.interactionAnswered("tok-b", 200, "{\"type\":5,\"data\":{\"flags\":64}}");

        assertThat(patch.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        JsonNode original = discord.originalMessage("tok-b").orElseThrow();
        assertThat(original.path("content").asText()).isEqualTo("done");
        assertThat(original.path("flags").asInt()).isEqualTo(DiscordEmulator.EPHEMERAL);
        assertThat(discord.problems()).isEmpty();
    }

    @Test
    void aMessageAnswerBecomesTheOriginalWithItsButtons() throws Exception {
        discord.receiveInteraction(command("1003", "tok-c", SAM));
        discord.interactionAnswered("tok-c", 200, consentMessage(4));

        assertThat(discord.interaction("tok-c").orElseThrow().problems()).isEmpty();
        HttpResponse<String> get = send("GET", "/webhooks/10/tok-c/messages/@original", null);
        JsonNode message = JSON.readTree(get.body());
        DiscordSpec.Match match = DiscordSpec.get()
                .match("GET", "/webhooks/10/tok-c/messages/@original")
                .orElseThrow();
        assertThat(DiscordSpec.get().validateResponse(match, message)).isEmpty();
        JsonNode button = message.path("components").get(0).path("components").get(1);
        assertThat(button.path("custom_id").asText()).isEqualTo("rd1:pd:riley:40:1");
        assertThat(button.path("label").asText()).isEqualTo("Decline");
        assertThat(button.path("style").asInt()).isEqualTo(4);
        assertThat(button.path("id").asInt()).isPositive();
        assertThat(discord.messagesIn(CHANNEL))
                .extracting(m -> m.path("id").asText())
                .containsExactly(message.path("id").asText());
    }

    @Test
    void aDeferredUpdateMakesTheComponentsMessageTheOriginalSoItsEditChangesThatMessage() throws Exception {
        discord.receiveInteraction(command("1004", "tok-d", SAM));
        discord.interactionAnswered("tok-d", 200, "{\"type\":5}");
        send("PATCH", "/webhooks/10/tok-d/messages/@original", consentMessage(-1));
        JsonNode consent = discord.originalMessage("tok-d").orElseThrow();

        discord.receiveInteraction(click("1005", "tok-e", RILEY, "rd1:pa:riley:40:1", consent));
        discord.interactionAnswered("tok-e", 200, "{\"type\":6}");
        HttpResponse<String> edit = send(
                "PATCH",
                "/webhooks/10/tok-e/messages/@original",
                "{\"content\":\"Riley accepted.\",\"components\":[]}");

        assertThat(edit.statusCode()).isEqualTo(200);
        assertThat(discord.interaction("tok-e").orElseThrow().problems()).isEmpty();
        assertThat(discord.originalMessage("tok-e").orElseThrow().path("id").asText())
                .isEqualTo(consent.path("id").asText());
        JsonNode edited = discord.message(consent.path("id").asText()).orElseThrow();
        ObjectNode asSent = (ObjectNode) edited.deepCopy();
        asSent.remove("pinged_user_ids");
        assertThat(DiscordSpec.get().validateSchema("MessageResponse", asSent)).isEmpty();
        assertThat(edited.path("content").asText()).isEqualTo("Riley accepted.");
        assertThat(edited.path("components")).isEmpty();
        assertThat(discord.messagesIn(CHANNEL)).hasSize(1);
    }

    @Test
    void aModalIsKeptForTheClientAndItsSubmitIsLinkedToWhatOpenedIt() throws Exception {
        discord.receiveInteraction(command("1006", "tok-f", SAM));
        discord.interactionAnswered(
                "tok-f",
                200,
                "{\"type\":9,\"data\":{\"custom_id\":\"rd1:pc:40\",\"title\":\"New persona of a member\","
                        + "\"components\":[{\"type\":1,\"components\":[{\"type\":4,\"custom_id\":\"name\","
                        + "\"label\":\"Name\",\"style\":1,\"required\":true,\"max_length\":80}]}]}}");

        ReceivedInteraction opened = discord.interaction("tok-f").orElseThrow();
        assertThat(opened.problems()).isEmpty();
        assertThat(opened.modal().orElseThrow().path("custom_id").asText()).isEqualTo("rd1:pc:40");
        assertThat(discord.originalMessage("tok-f")).isEmpty();
        assertThat(send("PATCH", "/webhooks/10/tok-f/messages/@original", "{\"content\":\"x\"}")
                        .statusCode())
                .isEqualTo(404);

        ObjectNode submit = base("1007", "tok-g", SAM, 5);
        submit.putObject("data").put("custom_id", "rd1:pc:40");
        discord.receiveInteraction(submit);
        discord.interactionAnswered("tok-g", 200, "{\"type\":5}");
        JsonNode meta = discord.originalMessage("tok-g").orElseThrow().path("interaction_metadata");
        assertThat(meta.path("type").asInt()).isEqualTo(5);
        assertThat(meta.path("triggering_interaction_metadata").path("id").asText())
                .isEqualTo("1006");
    }

    @Test
    void answersThatBreakDiscordsRulesAreProblemsAndAFailedInteractionHasNoWebhook() throws Exception {
        discord.receiveInteraction(command("1008", "tok-h", SAM));
        discord.interactionAnswered("tok-h", 200, "{\"type\":6}");
        discord.receiveInteraction(command("1009", "tok-i", SAM));
        discord.interactionAnswered("tok-i", 200, "{\"type\":5,\"data\":{\"flags\":4}}");
        discord.receiveInteraction(command("1010", "tok-j", SAM));
        discord.interactionAnswered("tok-j", 500, "{}");

        assertThat(discord.interaction("tok-h").orElseThrow().problems())
                .anySatisfy(p -> assertThat(p).contains("only answers a component"));
        assertThat(discord.interaction("tok-i").orElseThrow().problems())
                .anySatisfy(p -> assertThat(p).contains("only carry the EPHEMERAL flag"));
        HttpResponse<String> late = send("PATCH", "/webhooks/10/tok-j/messages/@original", "{\"content\":\"x\"}");
        assertThat(late.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(late.body()).path("code").asInt()).isEqualTo(10015);
    }

    @Test
    void aMultipartEditWithAFileIsStoredAndTheCdnServesIt() throws Exception {
        discord.receiveInteraction(command("1011", "tok-k", SAM));
        discord.interactionAnswered("tok-k", 200, "{\"type\":5,\"data\":{\"flags\":64}}");
        byte[] file = "{\"name\":\"Riley\"}".getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> response = multipart(
                "PATCH",
                "/webhooks/10/tok-k/messages/@original",
                "{\"content\":\"Here it is\",\"attachments\":[{\"id\":0,\"description\":\"Riley's persona\"}]}",
                Map.of("files[0]", new Upload("riley persona.json", "application/json", file)));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(discord.problems()).isEmpty();
        JsonNode attachment = JSON.readTree(response.body()).path("attachments").get(0);
        assertThat(attachment.path("filename").asText()).isEqualTo("riley_persona.json");
        assertThat(attachment.path("size").asInt()).isEqualTo(file.length);
        assertThat(attachment.path("description").asText()).isEqualTo("Riley's persona");
        assertThat(attachment.path("url").asText())
                .startsWith(discord.cdnOrigin() + "/attachments/" + CHANNEL + "/")
                .endsWith("/riley_persona.json");
        HttpResponse<byte[]> served = http.send(
                HttpRequest.newBuilder(URI.create(attachment.path("url").asText()))
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.body()).isEqualTo(file);
        assertThat(served.headers().firstValue("content-type")).contains("application/json");
    }

    @Test
    void multipartBodiesAreValidatedLikeJsonOnes() throws Exception {
        discord.registerInteraction(APP, "tok-l", CHANNEL);
        Upload file = new Upload("a.txt", "text/plain", new byte[] {1, 2});

        HttpResponse<String> tooLong = multipart(
                "PATCH",
                "/webhooks/10/tok-l/messages/@original",
                "{\"content\":\"" + "x".repeat(2001) + "\"}",
                Map.of("files[0]", file));
        HttpResponse<String> missingFile = multipart(
                "PATCH",
                "/webhooks/10/tok-l/messages/@original",
                "{\"attachments\":[{\"id\":\"1\"}]}",
                Map.of("files[0]", file));
        HttpResponse<String> strangePart =
                multipart("PATCH", "/webhooks/10/tok-l/messages/@original", "{}", Map.of("file", file));

        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(tooLong.body()).path("code").asInt()).isEqualTo(50035);
        assertThat(missingFile.statusCode()).isEqualTo(400);
        assertThat(strangePart.statusCode()).isEqualTo(400);
        assertThat(discord.problems())
                .anySatisfy(p -> assertThat(p).contains("content"))
                .anySatisfy(p -> assertThat(p).contains("files[1]"))
                .anySatisfy(p -> assertThat(p).contains("unknown form field 'file'"));
        assertThat(discord.originalMessage("tok-l").orElseThrow().path("attachments"))
                .isEmpty();
    }

    @Test
    void anUploadIsServedAtItsCdnUrlWithTheAttachmentFieldsDiscordResolves() throws Exception {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G'};
        JsonNode attachment = discord.upload(CHANNEL, "card.png", Optional.empty(), png);

        assertThat(DiscordSpec.get().validateSchema("MessageAttachmentResponse", attachment))
                .isEmpty();
        assertThat(attachment.path("content_type").asText()).isEqualTo("image/png");
        assertThat(attachment.path("size").asInt()).isEqualTo(4);
        assertThat(attachment.path("proxy_url").asText()).isNotEmpty();
        HttpResponse<byte[]> served = http.send(
                HttpRequest.newBuilder(URI.create(attachment.path("url").asText()))
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(served.body()).isEqualTo(png);
        HttpResponse<byte[]> missing = http.send(
                HttpRequest.newBuilder(URI.create(discord.cdnOrigin() + "/attachments/1/2/nothing.png"))
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(missing.statusCode()).isEqualTo(404);
    }

    // ---------------------------------------------------------------------------------------------------------------

    private record Upload(String filename, String contentType, byte[] bytes) {}

    private static ObjectNode base(String id, String token, String user, int type) {
        ObjectNode root = JSON.createObjectNode();
        root.put("id", id);
        root.put("application_id", APP);
        root.put("token", token);
        root.put("type", type);
        root.put("version", 1);
        root.put("guild_id", "50");
        root.put("channel_id", CHANNEL);
        ObjectNode member = root.putObject("member");
        member.putObject("user").put("id", user).put("username", "user" + user);
        return root;
    }

    private static ObjectNode command(String id, String token, String user) {
        ObjectNode root = base(id, token, user, 2);
        root.putObject("data").put("id", "77").put("name", "persona").put("type", 1);
        return root;
    }

    private static ObjectNode click(String id, String token, String user, String customId, JsonNode message) {
        ObjectNode root = base(id, token, user, 3);
        root.putObject("data").put("custom_id", customId).put("component_type", 2);
        root.set("message", message);
        return root;
    }

    /** A consent request with Accept and Decline; as a type-4 answer, or (type -1) as a bare edit body. */
    private static String consentMessage(int type) {
        String body = "{\"content\":\"<@40>, Sam made a persona of you. Do you accept?\","
                + "\"allowed_mentions\":{\"parse\":[],\"users\":[\"40\"]},"
                + "\"components\":[{\"type\":1,\"components\":["
                + "{\"type\":2,\"style\":3,\"label\":\"Accept\",\"custom_id\":\"rd1:pa:riley:40:1\"},"
                + "{\"type\":2,\"style\":4,\"label\":\"Decline\",\"custom_id\":\"rd1:pd:riley:40:1\"}]}]}";
        return type < 0 ? body : "{\"type\":" + type + ",\"data\":" + body + "}";
    }

    private HttpResponse<String> send(String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(discord.apiBase() + path))
                .header("User-Agent", UA)
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private CompletableFuture<HttpResponse<String>> sendAsync(String method, String path, String body) {
        return http.sendAsync(
                HttpRequest.newBuilder(URI.create(discord.apiBase() + path))
                        .header("User-Agent", UA)
                        .header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> multipart(String method, String path, String payloadJson, Map<String, Upload> files)
            throws Exception {
        String boundary = "roastden-test-boundary";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"payload_json\"\r\n"
                        + "Content-Type: application/json\r\n\r\n" + payloadJson + "\r\n")
                .getBytes(StandardCharsets.UTF_8));
        for (Map.Entry<String, Upload> file : files.entrySet()) {
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + file.getKey()
                            + "\"; filename=\"" + file.getValue().filename() + "\"\r\nContent-Type: "
                            + file.getValue().contentType() + "\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            body.write(file.getValue().bytes());
            body.write("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return http.send(
                HttpRequest.newBuilder(URI.create(discord.apiBase() + path))
                        .header("User-Agent", UA)
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .method(method, HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
