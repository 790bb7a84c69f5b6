package dev.roastden.handler;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.roastden.core.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Reads API Gateway HTTP API (payload format 2.0) events and writes their responses, with the already-loaded
 * Jackson rather than the runtime's POJO serialiser, which would add its own class loading to every cold start.
 */
public final class HttpApiEvents {
    private HttpApiEvents() {}

    /**
     * The request inside an event; empty when the event is not an HTTP API event or its body is not valid base64.
     */
    public static Optional<HttpRequest> read(InputStream event) throws IOException {
        JsonNode root;
        try {
            root = Json.mapper().readTree(event);
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
        if (root == null || !root.isObject()) {
            return Optional.empty();
        }
        Map<String, String> headers = new LinkedHashMap<>();
        Json.object(root, "headers").ifPresent(node -> node.fields().forEachRemaining(e -> {
            if (e.getValue().isValueNode()) {
                headers.put(e.getKey(), e.getValue().asText());
            }
        }));
        String body = Json.text(root, "body").orElse("");
        byte[] bytes;
        if (root.path("isBase64Encoded").asBoolean(false)) {
            try {
                bytes = Base64.getDecoder().decode(body);
            } catch (IllegalArgumentException notBase64) {
                return Optional.empty();
            }
        } else {
            bytes = body.getBytes(StandardCharsets.UTF_8);
        }
        return Optional.of(new HttpRequest(headers, bytes));
    }

    /** The response event API Gateway expects. */
    public static byte[] write(HttpResponse response) {
        ObjectNode root = Json.mapper().createObjectNode();
        root.put("statusCode", response.statusCode());
        root.putObject("headers").put("content-type", "application/json");
        root.put("body", response.body());
        root.put("isBase64Encoded", false);
        try {
            return Json.mapper().writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
