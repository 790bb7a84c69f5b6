package dev.roastden.emulators.discord;

import static dev.roastden.emulators.discord.DiscordEmulator.DELETE_MESSAGE;
import static dev.roastden.emulators.discord.DiscordEmulator.DELETE_ORIGINAL;
import static dev.roastden.emulators.discord.DiscordEmulator.EPHEMERAL;
import static dev.roastden.emulators.discord.DiscordEmulator.EXECUTE_WEBHOOK;
import static dev.roastden.emulators.discord.DiscordEmulator.GET_MESSAGE;
import static dev.roastden.emulators.discord.DiscordEmulator.GET_ORIGINAL;
import static dev.roastden.emulators.discord.DiscordEmulator.PATCH_ORIGINAL;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.roastden.emulators.http.MultipartForm;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The emulated Discord's memory of interactions and messages: what it sent to the app and what the app answered,
 * the original responses that answers made, follow-ups, bot messages per channel, and an index of every message by
 * id (so a component's message can become the original of the click that sits on it). Not thread-safe on its own:
 * every call is made holding {@code monitor}, which a webhook call gives up while it waits for an answer.
 */
final class InteractionLedger {
    private final Object monitor;
    private final ObjectMapper mapper;
    private final DiscordSpec spec;
    private final MessageFactory factory;
    private final EmulatedCdn cdn;
    private final Map<String, InteractionState> interactions = new LinkedHashMap<>();
    /** Every message held, by id: originals, follow-ups, channel messages, adopted ones. */
    private final Map<String, ObjectNode> messages = new LinkedHashMap<>();

    private final Map<String, List<ObjectNode>> channelMessages = new LinkedHashMap<>();
    /** Who opened which modal (user id + custom_id), for the metadata of its submit's messages. */
    private final Map<String, ObjectNode> modalOpeners = new LinkedHashMap<>();

    InteractionLedger(Object monitor, ObjectMapper mapper, DiscordSpec spec, MessageFactory factory, EmulatedCdn cdn) {
        this.monitor = monitor;
        this.mapper = mapper;
        this.spec = spec;
        this.factory = factory;
        this.cdn = cdn;
    }

    /** Records that Discord received an interaction and showed its deferred "thinking…" response. */
    void register(String applicationId, String token, String channelId) {
        ObjectNode loading = factory.loading(channelId, 20, false);
        stamp(loading, applicationId);
        interactions.put(token, InteractionState.deferred(applicationId, token, channelId, loading));
        messages.put(loading.get("id").asText(), loading);
    }

    /**
     * Records an interaction Discord is about to send to the app (its full JSON, as signed). Until {@link
     * #answered} says what the app answered, webhook calls with its token wait.
     *
     * @throws IllegalArgumentException when it has no token
     */
    void receive(JsonNode interaction) {
        InteractionState state = InteractionState.received(interaction);
        if (state.token.isEmpty()) {
            throw new IllegalArgumentException("An interaction has a token");
        }
        if (state.type == InteractionState.MODAL_SUBMIT) {
            state.triggeredBy =
                    Optional.ofNullable(modalOpeners.get(openerKey(state))).map(ObjectNode::deepCopy);
        }
        interactions.put(state.token, state);
    }

    /**
     * Records the app's in-line answer to a {@link #receive received} interaction: its HTTP status and
     * body. A 200 with a valid callback makes the original response; anything else fails the interaction, as in
     * Discord, and later webhook calls get 10015. Problems are kept in {@link ReceivedInteraction#problems()}.
     */
    void answered(String token, int status, String body) {
        InteractionState state = interactions.get(token);
        if (state == null || state.answered) {
            return;
        }
        state.answered = true;
        state.status = status;
        monitor.notifyAll();
        if (status != 200) {
            state.failed = true;
            state.problems.add(
                    "the app answered HTTP " + status + "; Discord shows \"The application did not respond\"");
            return;
        }
        JsonNode parsed;
        try {
            parsed = mapper.readTree(body);
        } catch (IOException notJson) {
            parsed = null;
        }
        JsonNode response = parsed;
        if (response == null || !response.isObject()) {
            state.failed = true;
            state.problems.add("the answer is not a JSON object");
            return;
        }
        state.response = Optional.of(response);
        spec.match("POST", "/interactions/" + state.id + "/" + token + "/callback")
                .ifPresent(m -> state.problems.addAll(spec.validateRequest(m, response)));
        InteractionAnswers.check(state, response).forEach(state.problems::add);
        answer(state, response);
    }

    /** The interaction with this token, as sent and as answered. */
    Optional<ReceivedInteraction> view(String token) {
        return Optional.ofNullable(interactions.get(token)).map(InteractionState::view);
    }

    /** Every interaction sent so far, oldest first. */
    List<ReceivedInteraction> views() {
        return interactions.values().stream().map(InteractionState::view).toList();
    }

    /** Any message the emulator holds, by id (with the emulator-only {@code pinged_user_ids}). */
    Optional<JsonNode> message(String messageId) {
        return Optional.ofNullable(messages.get(messageId)).map(ObjectNode::deepCopy);
    }

    /**
     * Every message in a channel, oldest first: interaction responses (also "thinking…" and ephemeral ones, which
     * carry {@code interaction_metadata.user}, the only one who sees them), follow-ups and bot messages.
     */
    List<JsonNode> messagesIn(String channelId) {
        return messages.values().stream()
                .filter(m -> m.path("channel_id").asText().equals(channelId))
                .sorted((a, b) -> Long.compareUnsigned(id(a), id(b)))
                .map(m -> (JsonNode) m.deepCopy())
                .toList();
    }

    /** Makes the token invalid, as 15 minutes after the interaction: later webhook calls get 404 10015. */
    void expire(String token) {
        interaction(token, "0").expired = true;
    }

    /** Deletes the original response, as a user can: later calls on it get 404 10008. */
    void deleteOriginal(String token) {
        interaction(token, "0").deleted = true;
    }

    /**
     * The original response of the interaction with this token, as Discord would return it, plus the emulator-only
     * field {@code pinged_user_ids}: the users the last edit actually pinged under its {@code allowed_mentions}.
     * Empty while the app has not answered, for answers that make no message (a modal, choices, a PONG), and once the
     * original was deleted.
     */
    Optional<JsonNode> originalMessage(String token) {
        InteractionState state = interactions.get(token);
        return state == null || state.original == null || state.deleted
                ? Optional.empty()
                : Optional.of(state.original.deepCopy());
    }

    /** The follow-up messages created for the interaction with this token. */
    List<JsonNode> followUps(String token) {
        InteractionState state = interactions.get(token);
        return state == null ? List.of() : List.copyOf(state.followUps);
    }

    /** Adds a message the bot created in a channel. */
    void addChannelMessage(String channelId, ObjectNode message) {
        channelMessages.computeIfAbsent(channelId, c -> new ArrayList<>()).add(message);
        messages.put(message.get("id").asText(), message);
    }

    /** The bot's messages in a channel, live. */
    List<ObjectNode> channelMessages(String channelId) {
        return channelMessages.getOrDefault(channelId, List.of());
    }

    /** Interaction webhooks; called holding the lock, which {@link #awaitAnswer} gives up while it waits. */
    Reply webhook(RecordedRequest request, JsonNode json, Map<Integer, MultipartForm.Part> files, boolean strict)
            throws IOException {
        String op = request.operationId();
        String token = request.params().get("webhook_token");
        InteractionState state = interactions.get(token);
        if (state == null && strict) {
            return Reply.error(mapper, 404, 10015, "Unknown Webhook");
        }
        state = interaction(token, request.params().get("webhook_id"));
        awaitAnswer(state);
        if (!state.answered
                || state.failed
                || state.expired
                || !state.applicationId.equals(request.params().get("webhook_id"))) {
            return Reply.error(mapper, 404, 10015, "Unknown Webhook");
        }
        if (op.equals(EXECUTE_WEBHOOK)) {
            ObjectNode message = factory.create(state.channelId, json, 20, uploads(state.channelId, files));
            stamp(message, state.applicationId);
            state.metadata(mapper).ifPresent(meta -> message.set("interaction_metadata", meta));
            state.followUps.add(message);
            messages.put(message.get("id").asText(), message);
            return Reply.json(mapper, message);
        }
        ObjectNode target;
        boolean isOriginal = op.equals(GET_ORIGINAL) || op.equals(PATCH_ORIGINAL) || op.equals(DELETE_ORIGINAL);
        if (isOriginal) {
            target = state.deleted ? null : state.original;
        } else {
            String messageId = request.params().get("message_id");
            target = state.followUps.stream()
                    .filter(m -> m.path("id").asText().equals(messageId))
                    .findFirst()
                    .orElse(
                            state.original != null
                                            && !state.deleted
                                            && state.original
                                                    .path("id")
                                                    .asText()
                                                    .equals(messageId)
                                    ? state.original
                                    : null);
        }
        if (target == null) {
            return Reply.error(mapper, 404, 10008, "Unknown Message");
        }
        switch (op) {
            case GET_ORIGINAL, GET_MESSAGE:
                return Reply.json(mapper, target);
            case DELETE_ORIGINAL, DELETE_MESSAGE:
                if (target == state.original) {
                    state.deleted = true;
                }
                state.followUps.remove(target);
                remove(target);
                return new Reply(204, null, null);
            default:
                factory.apply(target, json, uploads(target.path("channel_id").asText(), files));
                if (target == state.original) {
                    state.edits++;
                }
                return Reply.json(mapper, target);
        }
    }

    /**
     * Waits, giving up the lock, until the app has answered the interaction; at most {@link #DiscordEmulator.ANSWER_DEADLINE}, after
     * which Discord would have failed it.
     */
    private void awaitAnswer(InteractionState state) {
        long deadline = System.nanoTime() + DiscordEmulator.ANSWER_DEADLINE.toNanos();
        while (!state.answered) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return;
            }
            try {
                monitor.wait(Math.max(1, left / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Makes the original response from the app's answer (called holding the lock, once per interaction). */
    private void answer(InteractionState state, JsonNode response) {
        int type = response.path("type").asInt();
        JsonNode data = response.path("data").isObject() ? response.path("data") : mapper.createObjectNode();
        int messageType = state.type == InteractionState.APPLICATION_COMMAND ? 20 : 0;
        switch (type) {
            case 4 -> {
                ObjectNode message = factory.create(state.channelId, data, messageType, Map.of());
                original(state, message);
            }
            case 5 ->
                original(
                        state,
                        factory.loading(
                                state.channelId,
                                messageType,
                                (data.path("flags").asInt(0) & EPHEMERAL) != 0));
            case 6, 7 -> {
                Optional<ObjectNode> sitsOn = componentMessage(state);
                if (sitsOn.isEmpty()) {
                    state.problems.add("type " + type + " answers a component, but the interaction has no message");
                    return;
                }
                state.original = sitsOn.get();
                if (type == 7) {
                    factory.apply(state.original, data, Map.of());
                }
            }
            case 9 ->
                state.userId()
                        .ifPresent(user -> modalOpeners.put(
                                user + "\n" + data.path("custom_id").asText(),
                                state.metadata(mapper).orElseGet(mapper::createObjectNode)));
            default -> {
                // PONG and autocomplete choices make no message.
            }
        }
    }

    private void original(InteractionState state, ObjectNode message) {
        stamp(message, state.applicationId);
        state.metadata(mapper).ifPresent(meta -> message.set("interaction_metadata", meta));
        state.original = message;
        messages.put(message.get("id").asText(), message);
    }

    /** The message a component sits on: the one the emulator holds, else the copy the interaction carried. */
    private Optional<ObjectNode> componentMessage(InteractionState state) {
        Optional<String> id = state.messageId();
        if (id.isEmpty()) {
            return Optional.empty();
        }
        ObjectNode held = messages.get(id.get());
        if (held != null) {
            return Optional.of(held);
        }
        ObjectNode adopted = (ObjectNode) state.message().orElseThrow().deepCopy();
        messages.put(id.get(), adopted);
        return Optional.of(adopted);
    }

    private static String openerKey(InteractionState state) {
        return state.userId().orElse("") + "\n" + state.customId().orElse("");
    }

    private static void stamp(ObjectNode message, String applicationId) {
        message.put("webhook_id", applicationId);
        message.put("application_id", applicationId);
    }

    private void remove(ObjectNode message) {
        messages.remove(message.path("id").asText());
        channelMessages.values().forEach(list -> list.remove(message));
    }

    /** Stores a multipart request's files on the CDN; their attachment objects by file index. */
    Map<Integer, ObjectNode> uploads(String channelId, Map<Integer, MultipartForm.Part> files) {
        Map<Integer, ObjectNode> out = new TreeMap<>();
        files.forEach((index, part) ->
                out.put(index, cdn.store(channelId, part.filename().orElse("file"), part.contentType(), part.bytes())));
        return out;
    }

    private InteractionState interaction(String token, String applicationId) {
        InteractionState state = interactions.get(token);
        if (state == null) {
            register(applicationId, token, "0");
            state = interactions.get(token);
        }
        return state;
    }

    private static long id(JsonNode message) {
        return Long.parseUnsignedLong(message.path("id").asText("0"));
    }
}
