package dev.roastden.emulators.discord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the emulator knows about one interaction: what it sent, whether and how the app answered, and the original
 * response message once the answer made one. Guarded by the emulator's lock.
 */
final class InteractionState {
    static final int APPLICATION_COMMAND = 2;
    static final int MESSAGE_COMPONENT = 3;
    static final int MODAL_SUBMIT = 5;

    final String id;
    final String applicationId;
    final String token;
    final String channelId;
    final int type;
    final Optional<JsonNode> payload;
    /** The original response; null until the answer creates or names it (never for a modal or choices). */
    ObjectNode original;

    boolean answered;
    boolean failed;
    int status;
    Optional<JsonNode> response = Optional.empty();
    final List<String> problems = new ArrayList<>();
    final List<ObjectNode> followUps = new ArrayList<>();
    /** For a modal submit: the metadata of the interaction that opened the modal. */
    Optional<ObjectNode> triggeredBy = Optional.empty();

    boolean expired;
    boolean deleted;
    int edits;

    private InteractionState(
            String id, String applicationId, String token, String channelId, int type, Optional<JsonNode> payload) {
        this.id = id;
        this.applicationId = applicationId;
        this.token = token;
        this.channelId = channelId;
        this.type = type;
        this.payload = payload;
    }

    /** An interaction sent to the app and not answered yet. */
    static InteractionState received(JsonNode payload) {
        String channel = payload.path("channel_id")
                .asText(payload.path("channel").path("id").asText("0"));
        return new InteractionState(
                payload.path("id").asText("0"),
                payload.path("application_id").asText("0"),
                payload.path("token").asText(),
                channel.isEmpty() ? "0" : channel,
                payload.path("type").asInt(0),
                Optional.of(payload.deepCopy()));
    }

    /** An interaction known only by its token, already answered with a deferred "thinking…" message. */
    static InteractionState deferred(String applicationId, String token, String channelId, ObjectNode loading) {
        InteractionState state = new InteractionState("0", applicationId, token, channelId, 0, Optional.empty());
        state.answered = true;
        state.status = 200;
        state.original = loading;
        return state;
    }

    Optional<String> userId() {
        return payload.map(p -> p.path("member")
                        .path("user")
                        .path("id")
                        .asText(p.path("user").path("id").asText("")))
                .filter(s -> !s.isEmpty());
    }

    Optional<JsonNode> user() {
        return payload.map(p -> p.path("member").has("user") ? p.path("member").path("user") : p.path("user"))
                .filter(JsonNode::isObject);
    }

    Optional<String> customId() {
        return payload.map(p -> p.path("data").path("custom_id").asText("")).filter(s -> !s.isEmpty());
    }

    /** For a component: the message it sits on, as the interaction carried it. */
    Optional<JsonNode> message() {
        return payload.map(p -> p.path("message")).filter(JsonNode::isObject);
    }

    Optional<String> messageId() {
        return message().map(m -> m.path("id").asText("")).filter(s -> !s.isEmpty());
    }

    /** The {@code interaction_metadata} Discord puts on messages this interaction's responses create. */
    Optional<ObjectNode> metadata(ObjectMapper mapper) {
        if (payload.isEmpty() || (type != APPLICATION_COMMAND && type != MESSAGE_COMPONENT && type != MODAL_SUBMIT)) {
            return Optional.empty();
        }
        ObjectNode meta = mapper.createObjectNode();
        meta.put("id", id);
        meta.put("type", type);
        user().ifPresent(u -> meta.set("user", responseUser(mapper, u)));
        ObjectNode owners = meta.putObject("authorizing_integration_owners");
        owners.put("0", payload.get().path("guild_id").asText("0"));
        if (type == MESSAGE_COMPONENT) {
            meta.put("interacted_message_id", messageId().orElse("0"));
        }
        if (type == MODAL_SUBMIT) {
            if (triggeredBy.isEmpty()) {
                return Optional.empty();
            }
            meta.set("triggering_interaction_metadata", triggeredBy.get());
        }
        return Optional.of(meta);
    }

    /** The user in the shape of the spec's UserResponse. */
    private static ObjectNode responseUser(ObjectMapper mapper, JsonNode user) {
        ObjectNode out = mapper.createObjectNode();
        out.put("id", user.path("id").asText());
        out.put("username", user.path("username").asText(user.path("id").asText()));
        out.putNull("avatar");
        out.put("discriminator", user.path("discriminator").asText("0"));
        out.put("public_flags", 0);
        out.put("flags", 0);
        if (user.hasNonNull("global_name")) {
            out.put("global_name", user.get("global_name").asText());
        } else {
            out.putNull("global_name");
        }
        out.putNull("primary_guild");
        return out;
    }

    ReceivedInteraction view() {
        return new ReceivedInteraction(
                id,
                applicationId,
                token,
                type,
                channelId,
                userId(),
                customId(),
                messageId(),
                answered,
                status,
                response.map(JsonNode::deepCopy),
                problems,
                payload.orElseGet(() -> new ObjectMapper().createObjectNode()));
    }
}
