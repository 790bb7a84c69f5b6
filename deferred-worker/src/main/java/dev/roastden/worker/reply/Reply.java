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
 * @param buttons buttons shown under the message, in order (rendered as action rows of at most five)
 * @param file a file sent with it, if any (uploaded as {@code files[0]} of a multipart body)
 */
public record Reply(
        Kind kind,
        Optional<String> speaker,
        Optional<String> avatarUrl,
        String text,
        List<String> pingUserIds,
        List<Button> buttons,
        Optional<ReplyFile> file) {

    /** Most buttons one message can carry: five action rows of five. */
    public static final int MAX_BUTTONS = 25;

    public Reply {
        pingUserIds = List.copyOf(pingUserIds);
        buttons = List.copyOf(buttons);
        if (buttons.size() > MAX_BUTTONS) {
            throw new IllegalArgumentException("A message carries at most " + MAX_BUTTONS + " buttons");
        }
    }

    /** A reply without buttons or a file. */
    public Reply(
            Kind kind, Optional<String> speaker, Optional<String> avatarUrl, String text, List<String> pingUserIds) {
        this(kind, speaker, avatarUrl, text, pingUserIds, List.of(), Optional.empty());
    }

    /** A reply without a file. */
    public Reply(
            Kind kind,
            Optional<String> speaker,
            Optional<String> avatarUrl,
            String text,
            List<String> pingUserIds,
            List<Button> buttons) {
        this(kind, speaker, avatarUrl, text, pingUserIds, buttons, Optional.empty());
    }

    /** This reply with {@code attached} sent along. */
    public Reply withFile(ReplyFile attached) {
        return new Reply(kind, speaker, avatarUrl, text, pingUserIds, buttons, Optional.of(attached));
    }

    /**
     * A button under a reply. Its custom_id comes back as user input when pressed.
     *
     * @param customId a {@link dev.roastden.core.component.CustomId} in its wire form
     * @param label at most 80 characters
     * @param emoji a unicode emoji shown before the label
     */
    public record Button(String customId, String label, Style style, Optional<String> emoji, boolean disabled) {
        /** Discord's limit on a button label. */
        public static final int MAX_LABEL = 80;

        public Button {
            if (customId.isEmpty() || customId.length() > dev.roastden.core.component.CustomId.MAX_LENGTH) {
                throw new IllegalArgumentException("A button's custom_id is 1-100 characters");
            }
            if (label.length() > MAX_LABEL) {
                throw new IllegalArgumentException("A button's label is at most " + MAX_LABEL + " characters");
            }
        }

        /** Discord's button styles (link and premium buttons carry no custom_id, so they are not here). */
        public enum Style {
            PRIMARY(1),
            SECONDARY(2),
            SUCCESS(3),
            DANGER(4);

            private final int wire;

            Style(int wire) {
                this.wire = wire;
            }

            public int wire() {
                return wire;
            }
        }
    }

    /** What sort of message a reply is. */
    public enum Kind {
        /** The persona's words. */
        ANSWER,
        /** A confirmation or explanation from the bot (memory ids, counts, refusals). */
        NOTICE,
        /** A short, friendly error: the job could not be done. */
        ERROR,
        /**
         * A refusal only the invoker may see (it names who opted out, or why a persona may not speak): delivered as a
         * private follow-up, with the public "thinking…" removed, when the command's reply was deferred publicly.
         */
        PRIVATE_NOTICE
    }

    public static Reply notice(String text) {
        return new Reply(Kind.NOTICE, Optional.empty(), Optional.empty(), text, List.of());
    }

    /** A notice for the invoker's eyes only, whatever the command's deferral (see {@link Kind#PRIVATE_NOTICE}). */
    public static Reply privately(String text) {
        return new Reply(Kind.PRIVATE_NOTICE, Optional.empty(), Optional.empty(), text, List.of());
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
        if (!buttons.isEmpty()) {
            var saved = node.putArray("buttons");
            for (Button button : buttons) {
                ObjectNode b = saved.addObject();
                b.put("custom_id", button.customId());
                b.put("label", button.label());
                b.put("style", button.style().name());
                button.emoji().ifPresent(e -> b.put("emoji", e));
                b.put("disabled", button.disabled());
            }
        }
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
            List<Button> buttons = new ArrayList<>();
            for (JsonNode b : node.path("buttons")) {
                buttons.add(new Button(
                        b.path("custom_id").asText(),
                        b.path("label").asText(""),
                        Button.Style.valueOf(b.path("style").asText("SECONDARY")),
                        Json.nonBlank(b, "emoji"),
                        b.path("disabled").asBoolean(false)));
            }
            return new Reply(
                    Kind.valueOf(node.path("kind").asText("NOTICE")),
                    Json.nonBlank(node, "speaker"),
                    Json.nonBlank(node, "avatar_url"),
                    node.path("text").asText(""),
                    pings,
                    buttons,
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
