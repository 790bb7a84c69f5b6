package dev.roastden.core.json;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The one configured {@link ObjectMapper} and small helpers for reading loosely typed JSON, for the modules that
 * bind JSON to objects. The interactions handler's path reads and writes with {@link StreamingJson} instead.
 */
public final class Json {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private Json() {}

    /** The shared, thread-safe mapper. Never reconfigure it. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** The text of {@code node.field} when present, not null and not a container; empty otherwise. */
    public static Optional<String> text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull() || value.isContainerNode() || value.isMissingNode()) {
            return Optional.empty();
        }
        return Optional.of(value.asText());
    }

    /** Like {@link #text} but treats empty strings as absent. */
    public static Optional<String> nonBlank(JsonNode node, String field) {
        return text(node, field).filter(s -> !s.isBlank());
    }

    /** The elements of the array {@code node.field}, or an empty list when it is absent or not an array. */
    public static List<JsonNode> array(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isArray()) {
            return List.of();
        }
        List<JsonNode> out = new ArrayList<>(value.size());
        value.forEach(out::add);
        return out;
    }

    /** The object {@code node.field}, or empty when absent or not an object. */
    public static Optional<JsonNode> object(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isObject() ? Optional.of(value) : Optional.empty();
    }
}
