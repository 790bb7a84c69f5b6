package dev.roastden.handler;

import dev.roastden.core.json.JsonValue;
import dev.roastden.core.json.JsonValue.JsonObject;
import dev.roastden.core.json.MalformedJsonException;
import dev.roastden.core.json.StreamingJson;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Reads API Gateway HTTP API (payload format 2.0) events and writes their responses with Jackson's streaming API
 * rather than the runtime's POJO serialiser, which would add its own class loading to every cold start.
 */
public final class HttpApiEvents {
    private HttpApiEvents() {}

    /**
     * The request inside an event; empty when the event is not an HTTP API event or its body is not valid base64.
     */
    public static Optional<HttpRequest> read(InputStream event) throws IOException {
        JsonObject root;
        try {
            Optional<JsonObject> object = StreamingJson.object(StreamingJson.read(event));
            if (object.isEmpty()) {
                return Optional.empty();
            }
            root = object.get();
        } catch (MalformedJsonException e) {
            return Optional.empty();
        }
        Map<String, String> headers = new LinkedHashMap<>();
        root.object("headers").ifPresent(node -> {
            for (Map.Entry<String, JsonValue> header : node.fields().entrySet()) {
                header.getValue().scalarText().ifPresent(value -> headers.put(header.getKey(), value));
            }
        });
        String body = root.text("body").orElse("");
        byte[] bytes;
        if (root.bool("isBase64Encoded", false)) {
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
        return StreamingJson.writeBytes(json -> {
            json.writeStartObject();
            json.writeNumberField("statusCode", response.statusCode());
            json.writeObjectFieldStart("headers");
            json.writeStringField("content-type", "application/json");
            json.writeEndObject();
            json.writeStringField("body", response.body());
            json.writeBooleanField("isBase64Encoded", false);
            json.writeEndObject();
        });
    }
}
