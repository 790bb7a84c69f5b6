package dev.roastden.core.response;

import dev.roastden.core.json.StreamingJson;

/** Renders {@link InteractionResponse}s to Discord's interaction callback JSON. */
public final class ResponseJson {
    /** Message flag: only the invoker sees the message. */
    public static final int EPHEMERAL = 1 << 6;

    private static final int PONG = 1;
    private static final int CHANNEL_MESSAGE_WITH_SOURCE = 4;
    private static final int DEFERRED_CHANNEL_MESSAGE_WITH_SOURCE = 5;
    private static final int DEFERRED_UPDATE_MESSAGE = 6;
    private static final int APPLICATION_COMMAND_AUTOCOMPLETE_RESULT = 8;
    private static final int MODAL = 9;
    private static final int ACTION_ROW = 1;
    private static final int TEXT_INPUT = 4;
    private static final int SHORT = 1;
    private static final int PARAGRAPH = 2;

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
            } else if (response instanceof InteractionResponse.DeferredUpdate) {
                json.writeNumberField("type", DEFERRED_UPDATE_MESSAGE);
            } else if (response instanceof InteractionResponse.Modal modal) {
                json.writeNumberField("type", MODAL);
                json.writeObjectFieldStart("data");
                json.writeStringField("custom_id", modal.customId());
                json.writeStringField("title", modal.title());
                json.writeArrayFieldStart("components");
                for (InteractionResponse.TextInput input : modal.inputs()) {
                    json.writeStartObject();
                    json.writeNumberField("type", ACTION_ROW);
                    json.writeArrayFieldStart("components");
                    json.writeStartObject();
                    json.writeNumberField("type", TEXT_INPUT);
                    json.writeStringField("custom_id", input.customId());
                    json.writeStringField("label", input.label());
                    json.writeNumberField("style", input.paragraph() ? PARAGRAPH : SHORT);
                    json.writeBooleanField("required", input.required());
                    json.writeNumberField("max_length", input.maxLength());
                    StreamingJson.optionalField(json, "placeholder", input.placeholder());
                    StreamingJson.optionalField(json, "value", input.value());
                    json.writeEndObject();
                    json.writeEndArray();
                    json.writeEndObject();
                }
                json.writeEndArray();
                json.writeEndObject();
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
