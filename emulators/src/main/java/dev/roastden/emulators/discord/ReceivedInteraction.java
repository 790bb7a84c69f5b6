package dev.roastden.emulators.discord;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * An interaction the emulated Discord sent to the app, and what the app answered in line.
 *
 * @param id the interaction's snowflake
 * @param applicationId the application it was for
 * @param token its token, the key of its webhook routes
 * @param type the interaction type: 1 PING, 2 APPLICATION_COMMAND, 3 MESSAGE_COMPONENT, 4 AUTOCOMPLETE, 5
 *     MODAL_SUBMIT (0 when only registered by token)
 * @param channelId where it happened
 * @param userId who caused it
 * @param customId the component's or modal's custom_id
 * @param messageId for a component, the message it sits on
 * @param answered whether the app has answered
 * @param status the app's HTTP status (0 while unanswered)
 * @param response the app's in-line response body, when it was JSON
 * @param problems what was wrong with the response under Discord's spec and rules
 * @param payload the interaction as sent (an empty object when it was only registered by token)
 */
public record ReceivedInteraction(
        String id,
        String applicationId,
        String token,
        int type,
        String channelId,
        Optional<String> userId,
        Optional<String> customId,
        Optional<String> messageId,
        boolean answered,
        int status,
        Optional<JsonNode> response,
        List<String> problems,
        JsonNode payload) {

    public ReceivedInteraction {
        problems = List.copyOf(problems);
        payload = payload.deepCopy();
    }

    @Override
    public JsonNode payload() {
        return payload.deepCopy();
    }

    /** The response's callback type (4 message, 5 deferred, 6 deferred update, 7 update, 8 choices, 9 modal). */
    public OptionalInt responseType() {
        return response.filter(r -> r.path("type").isInt())
                .map(r -> OptionalInt.of(r.path("type").asInt()))
                .orElse(OptionalInt.empty());
    }

    /** The modal the app opened ({@code custom_id}, {@code title}, {@code components}), for a type-9 response. */
    public Optional<JsonNode> modal() {
        return responseType().orElse(0) == 9 ? response.map(r -> r.path("data")) : Optional.empty();
    }
}
