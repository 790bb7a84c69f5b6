package dev.roastden.core.response;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.roastden.core.json.Json;
import java.io.UncheckedIOException;

/** Renders {@link InteractionResponse}s to Discord's interaction callback JSON. */
public final class ResponseJson {
    /** Message flag: only the invoker sees the message. */
    public static final int EPHEMERAL = 1 << 6;

    private static final int PONG = 1;
    private static final int CHANNEL_MESSAGE_WITH_SOURCE = 4;
    private static final int DEFERRED_CHANNEL_MESSAGE_WITH_SOURCE = 5;
    private static final int APPLICATION_COMMAND_AUTOCOMPLETE_RESULT = 8;

    private ResponseJson() {}

    /** The response as a JSON string. */
    public static String write(InteractionResponse response) {
        ObjectNode root = Json.mapper().createObjectNode();
        if (response instanceof InteractionResponse.Pong) {
            root.put("type", PONG);
        } else if (response instanceof InteractionResponse.ChannelMessage message) {
            root.put("type", CHANNEL_MESSAGE_WITH_SOURCE);
            ObjectNode data = root.putObject("data");
            data.put("content", message.content());
            data.putObject("allowed_mentions").putArray("parse");
            if (message.ephemeral()) {
                data.put("flags", EPHEMERAL);
            }
        } else if (response instanceof InteractionResponse.DeferredChannelMessage deferred) {
            root.put("type", DEFERRED_CHANNEL_MESSAGE_WITH_SOURCE);
            if (deferred.ephemeral()) {
                root.putObject("data").put("flags", EPHEMERAL);
            }
        } else if (response instanceof InteractionResponse.AutocompleteResult result) {
            root.put("type", APPLICATION_COMMAND_AUTOCOMPLETE_RESULT);
            ArrayNode choices = root.putObject("data").putArray("choices");
            for (InteractionResponse.Choice choice : result.choices()) {
                choices.addObject().put("name", choice.name()).put("value", choice.value());
            }
        } else {
            throw new IllegalArgumentException("Unhandled response type " + response.getClass());
        }
        try {
            return Json.mapper().writeValueAsString(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
