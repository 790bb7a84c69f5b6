package dev.roastden.emulators.bedrock;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One {@code ApplyGuardrail} request the Bedrock emulator received.
 *
 * @param guardrailId the guardrail identifier from the path, decoded
 * @param version the guardrail version from the path, decoded
 * @param body the request JSON
 * @param headers the headers, names lower-cased
 * @param at when it arrived
 */
public record GuardrailCall(
        String guardrailId, String version, JsonNode body, Map<String, String> headers, Instant at) {
    public GuardrailCall {
        headers = Map.copyOf(headers);
    }

    /** {@code INPUT} or {@code OUTPUT}. */
    public String source() {
        return body.path("source").asText("");
    }

    /** The text of every text content block, in order. */
    public List<String> texts() {
        List<String> out = new ArrayList<>();
        for (JsonNode block : body.path("content")) {
            if (block.has("text")) {
                out.add(block.path("text").path("text").asText());
            }
        }
        return out;
    }
}
