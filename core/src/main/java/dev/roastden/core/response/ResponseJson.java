package dev.roastden.core.response;

import dev.roastden.core.json.StreamingJson;

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
        return StreamingJson.write(json -> {
            json.writeStartObject();
            if (response instanceof InteractionResponse.Pong) {
                json.writeNumberField("type", PONG);
            } else if (response instanceof InteractionResponse.ChannelMessage message) {
                json.writeNumberField("type", CHANNEL_MESSAGE_WITH_SOURCE);
                json.writeObjectFieldStart("data");
                json.writeStringField("content", message.content());
                json.writeObjectFieldStart("allowed_mentions");
                json.writeArrayFieldStart("parse");
                json.writeEndArray();
                json.writeEndObject();
                if (message.ephemeral()) {
                    json.writeNumberField("flags", EPHEMERAL);
                }
                json.writeEndObject();
            } else if (response instanceof InteractionResponse.DeferredChannelMessage deferred) {
                json.writeNumberField("type", DEFERRED_CHANNEL_MESSAGE_WITH_SOURCE);
                if (deferred.ephemeral()) {
                    json.writeObjectFieldStart("data");
                    json.writeNumberField("flags", EPHEMERAL);
                    json.writeEndObject();
                }
            } else if (response instanceof InteractionResponse.AutocompleteResult result) {
                json.writeNumberField("type", APPLICATION_COMMAND_AUTOCOMPLETE_RESULT);
                json.writeObjectFieldStart("data");
                json.writeArrayFieldStart("choices");
                for (InteractionResponse.Choice choice : result.choices()) {
                    json.writeStartObject();
                    json.writeStringField("name", choice.name());
                    json.writeStringField("value", choice.value());
                    json.writeEndObject();
                }
                json.writeEndArray();
                json.writeEndObject();
            } else {
                throw new IllegalArgumentException("Unhandled response type " + response.getClass());
            }
            json.writeEndObject();
        });
    }
}
