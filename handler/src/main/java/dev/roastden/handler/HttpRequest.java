package dev.roastden.handler;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An HTTP request as the endpoint sees it: headers looked up without regard to case, and the body exactly as the
 * client sent it (already base64-decoded when API Gateway flagged it).
 */
public record HttpRequest(Map<String, String> headers, byte[] body) {
    public HttpRequest {
        TreeMap<String, String> caseInsensitive = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        caseInsensitive.putAll(headers);
        headers = java.util.Collections.unmodifiableMap(caseInsensitive);
        body = body.clone();
    }

    /** The header's value, whatever the case of its name. */
    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name));
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    /** The body without a defensive copy, for code in this package that only reads it. */
    byte[] bodyUnsafe() {
        return body;
    }
}
