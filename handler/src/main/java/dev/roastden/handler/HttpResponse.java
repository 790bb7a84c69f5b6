package dev.roastden.handler;

import dev.roastden.core.json.StreamingJson;
import java.nio.charset.StandardCharsets;

/** What the endpoint answers: a status and a JSON body. */
public record HttpResponse(int statusCode, String body) {
    /** 200 with a JSON body. */
    public static HttpResponse ok(String json) {
        return new HttpResponse(200, json);
    }

    /** An error with a short JSON explanation (escaped, whatever characters the reason holds). */
    public static HttpResponse error(int status, String message) {
        return new HttpResponse(status, StreamingJson.write(json -> {
            json.writeStartObject();
            json.writeStringField("error", message);
            json.writeEndObject();
        }));
    }

    public byte[] bodyBytes() {
        return body.getBytes(StandardCharsets.UTF_8);
    }
}
