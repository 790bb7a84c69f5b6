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
 * @param select a select menu shown under it, if any (its own action row)
 * @param followUp a public message posted as a follow-up before this one replaces the original response (a pick in
 *     a private persona picker: the roast goes to the channel, the picker says it is done)
 */
public record Reply(
        Kind kind,
        Optional<String> speaker,
        Optional<String> avatarUrl,
        String text,
        List<String> pingUserIds,
        List<Button> buttons,
        Optional<ReplyFile> file,
        Optional<Select> select,
        Optional<Reply> followUp) {

    /** Most buttons one message can carry: five action rows of five. */
    public static final int MAX_BUTTONS = 25;

    public Reply {
        pingUserIds = List.copyOf(pingUserIds);
        buttons = List.copyOf(buttons);
        if (buttons.size() > MAX_BUTTONS) {
            throw new IllegalArgumentException("A message carries at most " + MAX_BUTTONS + " buttons");
        }
    }

    /** A reply without a select menu or a follow-up. */
    public Reply(
            Kind kind,
            Optional<String> speaker,
            Optional<String> avatarUrl,
            String text,
            List<String> pingUserIds,
            List<Button> buttons,
            Optional<ReplyFile> file) {
        this(kind, speaker, avatarUrl, text, pingUserIds, buttons, file, Optional.empty(), Optional.empty());
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
        return new Reply(kind, speaker, avatarUrl, text, pingUserIds, buttons, Optional.of(attached), select, followUp);
    }

    /** This reply with a select menu under it. */
    public Reply withSelect(Select menu) {
        return new Reply(kind, speaker, avatarUrl, text, pingUserIds, buttons, file, Optional.of(menu), followUp);
    }

    /** This reply, replacing the original response once {@code message} is posted as a public follow-up. */
    public Reply withFollowUp(Reply message) {
        return new Reply(kind, speaker, avatarUrl, text, pingUserIds, buttons, file, select, Optional.of(message));
    }

    /**
     * A string select menu. Its custom_id and the picked value come back as user input.
     *
     * @param customId a {@link dev.roastden.core.component.CustomId} in its wire form
     * @param placeholder shown before anything is picked (at most 150 characters)
     * @param options 1-25 choices
     */
    public record Select(String customId, String placeholder, List<Choice> options) {
        /** Discord's limit on the options of a select menu. */
        public static final int MAX_OPTIONS = 25;

        public Select {
            options = List.copyOf(options);
            if (customId.isEmpty() || customId.length() > dev.roastden.core.component.CustomId.MAX_LENGTH) {
                throw new IllegalArgumentException("A select menu's custom_id is 1-100 characters");
            }
            if (options.isEmpty() || options.size() > MAX_OPTIONS) {
                throw new IllegalArgumentException("A select menu has 1-" + MAX_OPTIONS + " options");
            }
        }

        /**
         * One choice.
         *
         * @param label shown (at most 100 characters)
         * @param value sent back when picked (at most 100 characters)
         * @param description a second line, if any (at most 100 characters)
         */
        public record Choice(String label, String value, Optional<String> description) {}
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
        select.ifPresent(menu -> {
            ObjectNode saved = node.putObject("select");
            saved.put("custom_id", menu.customId());
            saved.put("placeholder", menu.placeholder());
            var options = saved.putArray("options");
            for (Select.Choice choice : menu.options()) {
                ObjectNode o = options.addObject().put("label", choice.label()).put("value", choice.value());
                choice.description().ifPresent(d -> o.put("description", d));
            }
        });
        followUp.ifPresent(f -> {
            try {
                node.set("follow_up", Json.mapper().readTree(f.toJson()));
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
        });
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

    private static Select select(JsonNode node) {
        List<Select.Choice> choices = new ArrayList<>();
        for (JsonNode o : node.path("options")) {
            choices.add(new Select.Choice(
                    o.path("label").asText(), o.path("value").asText(), Json.nonBlank(o, "description")));
        }
        return new Select(
                node.path("custom_id").asText(), node.path("placeholder").asText(""), choices);
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
                                    Base64.getDecoder().decode(f.path("base64").asText("")))),
                    Json.object(node, "select").map(Reply::select),
                    Json.object(node, "follow_up").map(f -> fromJson(f.toString())));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
