package dev.roastden.emulators.discord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;

/** The emulator's answer to one request: status, JSON body (null for none) and a Retry-After (null for none). */
record Reply(int status, String body, String retryAfter) {
    /** 200 with {@code body}, without the emulator's own bookkeeping ({@code pinged_user_ids}). */
    static Reply json(ObjectMapper mapper, JsonNode body) throws IOException {
        JsonNode copy = body.deepCopy();
        stripPrivate(copy);
        return new Reply(200, mapper.writeValueAsString(copy), null);
    }

    /** A Discord error body: {@code {"message":…,"code":…}}. */
    static Reply error(ObjectMapper mapper, int status, int code, String message) throws IOException {
        ObjectNode body = mapper.createObjectNode();
        body.put("message", message);
        body.put("code", code);
        return new Reply(status, mapper.writeValueAsString(body), null);
    }

    private static void stripPrivate(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.remove("pinged_user_ids");
        } else if (node instanceof ArrayNode array) {
            array.forEach(Reply::stripPrivate);
        }
    }
}
