package dev.roastden.worker.discord;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import dev.roastden.core.json.Json;
import dev.roastden.worker.reply.MessageRenderer;
import dev.roastden.worker.reply.Reply;
import dev.roastden.worker.reply.ReplyFile;
import dev.roastden.worker.time.Sleeper;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A reply with a file goes to Discord as multipart/form-data: {@code payload_json} naming the file in {@code
 * attachments} (id 0), then {@code files[0]}. The Discord emulator on this branch does not take multipart yet, so a
 * small local server captures the request and the test reads the parts back byte for byte.
 */
class MultipartUploadTest {
    private HttpServer server;
    private final List<Captured> captured = new CopyOnWriteArrayList<>();
    private DiscordRest discord;

    record Captured(String method, String path, String contentType, byte[] body) {}

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            captured.add(new Captured(
                    exchange.getRequestMethod(),
                    exchange.getRequestURI().getRawPath(),
                    exchange.getRequestHeaders().getFirst("Content-Type"),
                    body));
            byte[] answer = "{\"id\":\"1\",\"attachments\":[{\"id\":\"9\",\"filename\":\"ford.roastden.json\"}]}"
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        });
        server.start();
        discord = new DiscordRest(
                URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/api/v10"),
                "DiscordBot (https://roastden.dev, test)",
                Clock.systemUTC(),
                Sleeper.SYSTEM,
                Duration.ofSeconds(30));
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void aReplyWithAFileIsSentAsPayloadJsonAndFiles0() throws IOException {
        byte[] file = "{\n  \"id\": \"ford\"\n}\r\n--not-the-boundary\r\n".getBytes(StandardCharsets.UTF_8);
        Reply reply = Reply.notice("Here is Captain Ford.")
                .withFile(new ReplyFile("ford.roastden.json", "application/json", file));

        Delivery delivery = discord.editOriginal(
                "1000000000000000001",
                "tok",
                MessageRenderer.render(reply),
                reply.file(),
                Clock.systemUTC().instant().plusSeconds(60));

        assertThat(delivery.delivered()).isTrue();
        assertThat(MessageRenderer.shows(delivery.message().orElseThrow(), reply))
                .isFalse(); // content differs
        Captured request = captured.get(0);
        assertThat(request.method()).isEqualTo("PATCH");
        assertThat(request.path()).isEqualTo("/api/v10/webhooks/1000000000000000001/tok/messages/@original");
        assertThat(request.contentType()).startsWith("multipart/form-data; boundary=");
        String boundary = request.contentType().substring("multipart/form-data; boundary=".length());
        Map<String, Part> parts = parse(request.body(), boundary);

        assertThat(parts).containsOnlyKeys("payload_json", "files[0]");
        Part payload = parts.get("payload_json");
        assertThat(payload.headers()).contains("Content-Type: application/json");
        JsonNode json = Json.mapper().readTree(payload.body());
        assertThat(json.path("content").asText()).isEqualTo("Here is Captain Ford.");
        assertThat(json.path("attachments")).hasSize(1);
        assertThat(json.path("attachments").get(0).path("id").asInt(-1)).isEqualTo(0);
        assertThat(json.path("attachments").get(0).path("filename").asText()).isEqualTo("ford.roastden.json");
        assertThat(json.path("allowed_mentions").path("parse")).isEmpty();

        Part upload = parts.get("files[0]");
        assertThat(upload.headers())
                .contains("Content-Disposition: form-data; name=\"files[0]\"; filename=\"ford.roastden.json\"")
                .contains("Content-Type: application/json");
        assertThat(upload.body()).isEqualTo(file);
    }

    @Test
    void aReplyWithoutAFileStaysJson() throws IOException {
        Reply reply = Reply.notice("No file.");
        discord.editOriginal(
                "1000000000000000001",
                "tok",
                MessageRenderer.render(reply),
                reply.file(),
                Clock.systemUTC().instant().plusSeconds(60));
        assertThat(captured.get(0).contentType()).isEqualTo("application/json");
        assertThat(Json.mapper().readTree(captured.get(0).body()).has("attachments"))
                .isFalse();
    }

    @Test
    void theSavedReplyKeepsTheFileSoARetrySendsTheSameBytes() {
        byte[] bytes = {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2, (byte) 0xFF};
        Reply reply = Reply.notice("x").withFile(new ReplyFile("a.png", "image/png", bytes));
        Reply again = Reply.fromJson(reply.toJson());
        assertThat(again).isEqualTo(reply);
        assertThat(again.file().orElseThrow().bytes()).isEqualTo(bytes);
        assertThat(Reply.fromJson(Reply.notice("y").toJson()).file()).isEmpty();
    }

    @Test
    void aShownMessageCountsOnlyWithTheFileAttached() {
        Reply reply =
                Reply.notice("Here.").withFile(new ReplyFile("x.card.json", "application/json", new byte[] {'{'}));
        ObjectNode shown = MessageRenderer.render(reply);
        shown.putArray("attachments").addObject().put("id", "5").put("filename", "x.card.json");
        ObjectNode missing = MessageRenderer.render(reply);
        missing.putArray("attachments");
        assertThat(MessageRenderer.shows(shown, reply)).isTrue();
        assertThat(MessageRenderer.shows(missing, reply)).isFalse();
    }

    record Part(String headers, byte[] body) {}

    /** A strict reading of a multipart body: every part delimited by CRLF--boundary, headers then a blank line. */
    static Map<String, Part> parse(byte[] body, String boundary) {
        String text = new String(body, StandardCharsets.ISO_8859_1);
        String delimiter = "--" + boundary;
        assertThat(text).startsWith(delimiter + "\r\n").endsWith("\r\n" + delimiter + "--\r\n");
        List<String> raw =
                new ArrayList<>(List.of(text.substring(delimiter.length() + 2, text.length() - delimiter.length() - 6)
                        .split("\r\n" + java.util.regex.Pattern.quote(delimiter) + "\r\n", -1)));
        Map<String, Part> parts = new LinkedHashMap<>();
        for (String part : raw) {
            int split = part.indexOf("\r\n\r\n");
            String headers = part.substring(0, split);
            String name = headers.replaceAll("(?s).*?; name=\"([^\"]+)\".*", "$1");
            parts.put(name, new Part(headers, part.substring(split + 4).getBytes(StandardCharsets.ISO_8859_1)));
        }
        return parts;
    }
}
