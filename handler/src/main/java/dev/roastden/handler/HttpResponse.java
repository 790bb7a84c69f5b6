package dev.roastden.handler;

import java.nio.charset.StandardCharsets;

/** What the endpoint answers: a status and a JSON body. */
public record HttpResponse(int statusCode, String body) {
    /** 200 with a JSON body. */
    public static HttpResponse ok(String json) {
        return new HttpResponse(200, json);
    }

    /** An error with a short JSON explanation. */
    public static HttpResponse error(int status, String message) {
        return new HttpResponse(status, "{\"error\":\"" + message.replace("\"", "'") + "\"}");
    }

    public byte[] bodyBytes() {
        return body.getBytes(StandardCharsets.UTF_8);
    }
}
