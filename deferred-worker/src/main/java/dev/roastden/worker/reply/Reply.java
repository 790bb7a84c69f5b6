package dev.roastden.worker.reply;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.roastden.core.json.Json;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * What the worker says back, before it is rendered for Discord. Saved with the interaction claim, so a retry delivers
 * the same words instead of asking the model again.
 *
 * @param kind what sort of message it is
 * @param speaker the persona name shown on it, if a persona speaks
 * @param avatarUrl the persona's avatar, shown when the reply goes into an embed
 * @param text the words
 * @param pingUserIds the only users the message may ping (their mentions are put in front)
 * @param file a file sent with it, if any
 */
public record Reply(
        Kind kind,
        Optional<String> speaker,
        Optional<String> avatarUrl,
        String text,
        List<String> pingUserIds,
        Optional<ReplyFile> file) {

    public Reply {
        pingUserIds = List.copyOf(pingUserIds);
    }

    /** A reply without a file. */
    public Reply(
            Kind kind, Optional<String> speaker, Optional<String> avatarUrl, String text, List<String> pingUserIds) {
        this(kind, speaker, avatarUrl, text, pingUserIds, Optional.empty());
    }

    /** This reply with {@code attached} sent along. */
    public Reply withFile(ReplyFile attached) {
        return new Reply(kind, speaker, avatarUrl, text, pingUserIds, Optional.of(attached));
    }

    /** What sort of message a reply is. */
    public enum Kind {
        /** The persona's words. */
        ANSWER,
        /** A confirmation or explanation from the bot (memory ids, counts, refusals). */
        NOTICE,
        /** A short, friendly error: the job could not be done. */
        ERROR
    }

    public static Reply notice(String text) {
        return new Reply(Kind.NOTICE, Optional.empty(), Optional.empty(), text, List.of());
    }

    public static Reply error(String text) {
        return new Reply(Kind.ERROR, Optional.empty(), Optional.empty(), text, List.of());
    }

    /** The reply as JSON, for saving. */
    public String toJson() {
        ObjectNode node = Json.mapper().createObjectNode();
        node.put("kind", kind.name());
        speaker.ifPresent(s -> node.put("speaker", s));
        avatarUrl.ifPresent(a -> node.put("avatar_url", a));
        node.put("text", text);
        var pings = node.putArray("ping");
        pingUserIds.forEach(pings::add);
        file.ifPresent(f -> {
            ObjectNode saved = node.putObject("file");
            saved.put("filename", f.filename());
            saved.put("media_type", f.mediaType());
            saved.put("base64", Base64.getEncoder().encodeToString(f.bytes()));
        });
        try {
            return Json.mapper().writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a saved reply. */
    public static Reply fromJson(String json) {
        try {
            JsonNode node = Json.mapper().readTree(json);
            List<String> pings = new ArrayList<>();
            node.path("ping").forEach(p -> pings.add(p.asText()));
            return new Reply(
                    Kind.valueOf(node.path("kind").asText("NOTICE")),
                    Json.nonBlank(node, "speaker"),
                    Json.nonBlank(node, "avatar_url"),
                    node.path("text").asText(""),
                    pings,
                    Json.object(node, "file")
                            .map(f -> new ReplyFile(
                                    f.path("filename").asText("file"),
                                    f.path("media_type").asText("application/octet-stream"),
                                    Base64.getDecoder().decode(f.path("base64").asText("")))));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
