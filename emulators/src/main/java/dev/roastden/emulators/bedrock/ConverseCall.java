package dev.roastden.emulators.bedrock;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One {@code Converse} request the Bedrock emulator received.
 *
 * @param modelId the model or inference profile id from the path, decoded
 * @param body the request JSON
 * @param headers the headers, names lower-cased
 * @param at when it arrived
 */
public record ConverseCall(String modelId, JsonNode body, Map<String, String> headers, Instant at) {
    public ConverseCall {
        headers = Map.copyOf(headers);
    }

    /** The text of every system block, in order. */
    public List<String> systemTexts() {
        List<String> out = new ArrayList<>();
        for (JsonNode block : body.path("system")) {
            if (block.has("text")) {
                out.add(block.get("text").asText());
            }
        }
        return out;
    }

    /** Whether a {@code cachePoint} block follows the first system text block. */
    public boolean cachePointAfterFirstSystemBlock() {
        JsonNode system = body.path("system");
        return system.size() > 1 && system.get(0).has("text") && system.get(1).has("cachePoint");
    }

    /** The text of the last user message: its text blocks and guarded text, joined with newlines. */
    public String lastUserText() {
        JsonNode messages = body.path("messages");
        StringBuilder out = new StringBuilder();
        for (int i = messages.size() - 1; i >= 0; i--) {
            JsonNode message = messages.get(i);
            if (message.path("role").asText().equals("user")) {
                for (JsonNode block : message.path("content")) {
                    if (block.has("text")) {
                        out.append(block.get("text").asText()).append('\n');
                    } else if (block.has("guardContent")) {
                        out.append(block.path("guardContent")
                                        .path("text")
                                        .path("text")
                                        .asText())
                                .append('\n');
                    }
                }
                break;
            }
        }
        return out.toString().strip();
    }

    /** The guarded user text blocks of the last user message (those a guardrail screens). */
    public List<String> guardedTexts() {
        List<String> out = new ArrayList<>();
        JsonNode messages = body.path("messages");
        if (messages.size() == 0) {
            return out;
        }
        for (JsonNode block : messages.get(messages.size() - 1).path("content")) {
            if (block.has("guardContent")) {
                out.add(block.path("guardContent").path("text").path("text").asText());
            }
        }
        return out;
    }

    /** {@code inferenceConfig.maxTokens}, or 0 when absent. */
    public int maxTokens() {
        return body.path("inferenceConfig").path("maxTokens").asInt(0);
    }
}
