package dev.roastden.handler;

import com.fasterxml.jackson.databind.JsonNode;
import dev.roastden.core.json.Json;
import java.io.UncheckedIOException;

/** An API Gateway response event, read back for assertions. */
record ApiResponse(int status, String contentType, JsonNode body) {
    static ApiResponse parse(String responseEvent) {
        try {
            JsonNode root = Json.mapper().readTree(responseEvent);
            return new ApiResponse(
                    root.get("statusCode").asInt(),
                    root.path("headers").path("content-type").asText(),
                    Json.mapper().readTree(root.get("body").asText()));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    int type() {
        return body.path("type").asInt(-1);
    }

    int flags() {
        return body.path("data").path("flags").asInt(0);
    }

    String content() {
        return body.path("data").path("content").asText();
    }
}
