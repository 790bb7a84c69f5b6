package dev.roastden.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.roastden.core.interaction.DiscordUser;
import dev.roastden.core.json.Json;
import dev.roastden.emulators.discord.DiscordEmulator;
import dev.roastden.emulators.discord.ReceivedInteraction;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a member can do in the playground, each as the signed interaction Discord's client would cause: use a
 * command (with files uploaded to the emulated CDN first, as the client does), type in an autocompleted option,
 * click a button under a message, submit a modal. And what the member sees: the channel's messages as the emulated
 * Discord holds them, a private one only to the member it is for.
 */
final class PlaygroundActions {
    private final DiscordEmulator discord;
    private final PlaygroundInteractions interactions;
    private final SignedPoster poster;
    /** What each interaction was, in words ("Sam used /roast …"), by interaction id. */
    private final Map<String, String> captions = new ConcurrentHashMap<>();

    PlaygroundActions(DiscordEmulator discord, PlaygroundInteractions interactions, SignedPoster poster) {
        this.discord = discord;
        this.interactions = interactions;
        this.poster = poster;
    }

    ObjectNode command(JsonNode request) throws IOException, GeneralSecurityException {
        DiscordUser member = member(request);
        String command = request.path("command").asText();
        Optional<String> subcommand = subcommand(request);
        Map<String, JsonNode> files = new LinkedHashMap<>();
        request.path("attachments")
                .fields()
                .forEachRemaining(file -> files.put(file.getKey(), upload(file.getValue())));
        Map<String, String> options = options(request);
        PlaygroundInteractions.Built built =
                interactions.command(member, command, subcommand, options, Optional.empty(), files);
        captions.put(built.id(), caption(member, command, subcommand, options, files));
        return send(built);
    }

    ObjectNode autocomplete(JsonNode request) throws IOException, GeneralSecurityException {
        PlaygroundInteractions.Built built = interactions.command(
                member(request),
                request.path("command").asText(),
                subcommand(request),
                options(request),
                Optional.of(request.path("focused").asText()),
                Map.of());
        return send(built);
    }

    /** A click on a button of a message the emulated Discord holds; only a button that is there can be clicked. */
    ObjectNode click(JsonNode request) throws IOException, GeneralSecurityException {
        DiscordUser member = member(request);
        String messageId = request.path("message_id").asText();
        String customId = request.path("custom_id").asText();
        JsonNode message = discord.message(messageId)
                .orElseThrow(() -> new IllegalArgumentException("There is no message " + messageId));
        if (!hasButton(message.path("components"), customId)) {
            throw new IllegalArgumentException("That message has no button " + customId);
        }
        PlaygroundInteractions.Built built = interactions.buttonClick(member, customId, asDiscordSends(message));
        captions.put(built.id(), member.displayName() + " clicked a button");
        return send(built);
    }

    /**
     * A command from a message's or a member's menu: on a message the emulated Discord holds ({@code message_id}),
     * on a member's message shown only in the page ({@code author} and {@code content}), or on a member
     * ({@code target}).
     */
    ObjectNode contextCommand(JsonNode request) throws IOException, GeneralSecurityException {
        DiscordUser member = member(request);
        String command = request.path("command").asText();
        PlaygroundInteractions.Built built;
        String about;
        if (request.hasNonNull("target")) {
            DiscordUser target = SampleMembers.find(request.path("target").asText())
                    .orElseThrow(() -> new IllegalArgumentException("Pick one of the sample members"));
            built = interactions.contextCommand(member, command, Optional.empty(), Optional.of(target));
            about = "@" + target.displayName();
        } else if (request.hasNonNull("message_id")) {
            String messageId = request.path("message_id").asText();
            JsonNode message = discord.message(messageId)
                    .orElseThrow(() -> new IllegalArgumentException("There is no message " + messageId));
            built = interactions.contextCommand(
                    member, command, Optional.of(asDiscordSends(message)), Optional.empty());
            about = "a message by Roast Den";
        } else {
            DiscordUser author = SampleMembers.find(request.path("author").asText())
                    .orElseThrow(() -> new IllegalArgumentException("Pick one of the sample members"));
            JsonNode message =
                    interactions.memberMessage(author, request.path("content").asText(""));
            built = interactions.contextCommand(member, command, Optional.of(message), Optional.empty());
            about = "a message by " + author.displayName();
        }
        captions.put(built.id(), member.displayName() + " used “" + command + "” on " + about);
        return send(built);
    }

    /** A pick in a select menu of a message the emulated Discord holds; only a menu and option that are there. */
    ObjectNode pick(JsonNode request) throws IOException, GeneralSecurityException {
        DiscordUser member = member(request);
        String messageId = request.path("message_id").asText();
        String customId = request.path("custom_id").asText();
        String value = request.path("value").asText();
        JsonNode message = discord.message(messageId)
                .orElseThrow(() -> new IllegalArgumentException("There is no message " + messageId));
        if (!hasOption(message.path("components"), customId, value)) {
            throw new IllegalArgumentException("That message has no menu " + customId + " with " + value);
        }
        PlaygroundInteractions.Built built = interactions.selectPick(member, customId, value, asDiscordSends(message));
        captions.put(built.id(), member.displayName() + " picked " + value);
        return send(built);
    }

    private static boolean hasOption(JsonNode components, String customId, String value) {
        for (JsonNode component : components) {
            if (component.path("type").asInt() == PlaygroundInteractions.STRING_SELECT
                    && component.path("custom_id").asText().equals(customId)) {
                for (JsonNode option : component.path("options")) {
                    if (option.path("value").asText().equals(value)) {
                        return true;
                    }
                }
            }
            if (hasOption(component.path("components"), customId, value)) {
                return true;
            }
        }
        return false;
    }

    /** The submit of a modal the app opened for {@code opened_by} (that interaction's token). */
    ObjectNode submitModal(JsonNode request) throws IOException, GeneralSecurityException {
        DiscordUser member = member(request);
        ReceivedInteraction opener = discord.interaction(
                        request.path("opened_by").asText())
                .orElseThrow(() -> new IllegalArgumentException("No interaction opened that form"));
        JsonNode modal = opener.modal().orElseThrow(() -> new IllegalArgumentException("That was not a form"));
        Map<String, String> values = new LinkedHashMap<>();
        // In the modal's order, as Discord sends them; only the inputs the modal has.
        for (JsonNode row : modal.path("components")) {
            for (JsonNode input : row.path("components")) {
                String id = input.path("custom_id").asText();
                values.put(id, request.path("values").path(id).asText(""));
            }
        }
        Optional<JsonNode> message =
                opener.messageId().flatMap(discord::message).map(PlaygroundActions::asDiscordSends);
        PlaygroundInteractions.Built built =
                interactions.modalSubmit(member, modal.path("custom_id").asText(), values, message);
        captions.put(
                built.id(),
                member.displayName() + " submitted “" + modal.path("title").asText() + "”");
        return send(built);
    }

    /** The channel as the emulated Discord holds it, each message with who may see it and what caused it. */
    ObjectNode messages() {
        ObjectNode out = Json.mapper().createObjectNode();
        ArrayNode list = out.putArray("messages");
        for (JsonNode message : discord.messagesIn(SampleMembers.CHANNEL_ID)) {
            ObjectNode item = list.addObject();
            int flags = message.path("flags").asInt(0);
            boolean ephemeral = (flags & DiscordEmulator.EPHEMERAL) != 0;
            JsonNode meta = message.path("interaction_metadata");
            item.put("ephemeral", ephemeral);
            item.put("loading", (flags & DiscordEmulator.LOADING) != 0);
            if (ephemeral && meta.path("user").has("id")) {
                item.put("visible_to", meta.path("user").path("id").asText());
            }
            Optional.ofNullable(captions.get(meta.path("id").asText(""))).ifPresent(c -> item.put("caption", c));
            item.set("message", asDiscordSends(message));
        }
        return out;
    }

    /** The original response of an interaction and what the app answered, for a token. */
    ObjectNode original(String token) {
        ObjectNode out = Json.mapper().createObjectNode();
        Optional<JsonNode> message = discord.originalMessage(token);
        out.put("found", message.isPresent());
        // How many replies the app made: edits of the original and follow-ups (a duplicate delivery would show).
        out.put("edits", discord.originalEdits(token));
        out.put("follow_ups", discord.followUps(token).size());
        message.ifPresent(m -> {
            out.set("message", m);
            out.put("loading", (m.path("flags").asInt(0) & DiscordEmulator.LOADING) != 0);
        });
        // A private refusal on a public deferral arrives as an ephemeral follow-up, with the original deleted.
        ArrayNode followUps = out.putArray("follow_ups");
        discord.followUps(token).forEach(followUps::add);
        discord.interaction(token).ifPresent(known -> {
            ObjectNode interaction = out.putObject("interaction");
            interaction.put("id", known.id());
            interaction.put("type", known.type());
            interaction.put("answered", known.answered());
            interaction.put("status", known.status());
            known.responseType().ifPresent(t -> interaction.put("response_type", t));
            ArrayNode problems = interaction.putArray("problems");
            known.problems().forEach(problems::add);
            known.modal().ifPresent(modal -> out.set("modal", modal));
        });
        return out;
    }

    private ObjectNode send(PlaygroundInteractions.Built built) throws IOException, GeneralSecurityException {
        HttpResponse<String> response = poster.post(built.body());
        ObjectNode out = Json.mapper().createObjectNode();
        out.put("status", response.statusCode());
        out.put("token", built.token());
        out.put("interaction_id", built.id());
        out.set("response", parseOrText(response.body()));
        return out;
    }

    /** Stores a file the page sent ({@code filename}, {@code content_type}, base64 {@code data}) on the CDN. */
    private JsonNode upload(JsonNode file) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(file.path("data").asText(""));
        } catch (IllegalArgumentException notBase64) {
            throw new IllegalArgumentException("The file's data is not base64");
        }
        return discord.upload(
                SampleMembers.CHANNEL_ID,
                file.path("filename").asText("upload"),
                Optional.of(file.path("content_type").asText("")).filter(t -> !t.isBlank()),
                bytes);
    }

    private static String caption(
            DiscordUser member,
            String command,
            Optional<String> subcommand,
            Map<String, String> options,
            Map<String, JsonNode> files) {
        StringBuilder text = new StringBuilder(member.displayName())
                .append(" used /")
                .append(command)
                .append(subcommand.map(s -> " " + s).orElse(""));
        options.forEach((name, value) -> {
            if (!value.isBlank()) {
                String shown = SampleMembers.find(value)
                        .map(m -> "@" + m.displayName())
                        .orElse(value);
                text.append(' ').append(name).append(':').append(shown);
            }
        });
        files.forEach((name, file) -> text.append(' ')
                .append(name)
                .append(':')
                .append(file.path("filename").asText()));
        return text.toString();
    }

    /** The message without the emulator's own bookkeeping, as Discord puts it in an interaction. */
    private static JsonNode asDiscordSends(JsonNode message) {
        ObjectNode copy = message.deepCopy();
        copy.remove("pinged_user_ids");
        return copy;
    }

    private static boolean hasButton(JsonNode components, String customId) {
        for (JsonNode component : components) {
            if (component.path("type").asInt() == PlaygroundInteractions.BUTTON
                    && component.path("custom_id").asText().equals(customId)
                    && !component.path("disabled").asBoolean(false)) {
                return true;
            }
            if (hasButton(component.path("components"), customId)) {
                return true;
            }
        }
        return false;
    }

    private static JsonNode parseOrText(String body) {
        try {
            return PlaygroundInteractions.parse(body);
        } catch (IllegalArgumentException notJson) {
            return Json.mapper().getNodeFactory().textNode(body);
        }
    }

    static DiscordUser member(JsonNode request) {
        return SampleMembers.find(request.path("member").asText())
                .orElseThrow(() -> new IllegalArgumentException("Pick one of the sample members"));
    }

    private static Optional<String> subcommand(JsonNode request) {
        return Optional.of(request.path("subcommand").asText("")).filter(s -> !s.isBlank());
    }

    private static Map<String, String> options(JsonNode request) {
        Map<String, String> options = new LinkedHashMap<>();
        request.path("options")
                .fields()
                .forEachRemaining(e ->
                        options.put(e.getKey(), Playground.mentions(e.getValue().asText())));
        return options;
    }
}
