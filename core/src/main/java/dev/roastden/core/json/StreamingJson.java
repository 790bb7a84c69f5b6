package dev.roastden.core.json;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * JSON on Jackson's streaming parser and generator alone, without its object mapper: reads documents into
 * {@link JsonValue}s and writes through a {@link JsonGenerator}. This is what the interactions handler uses, where
 * every class loaded counts against Discord's 3-second clock on a cold start.
 *
 * <p>Jackson's limits on nesting depth, number length and string length apply to what is read.
 */
public final class StreamingJson {
    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    private StreamingJson() {}

    /** Writes one document through a generator. */
    @FunctionalInterface
    public interface Writing {
        void write(JsonGenerator json) throws IOException;
    }

    /**
     * Reads one JSON document.
     *
     * @throws MalformedJsonException when the text is not exactly one JSON value
     */
    public static JsonValue read(String json) throws MalformedJsonException {
        return inMemory(() -> FACTORY.createParser(json));
    }

    /**
     * Reads one UTF-8 JSON document.
     *
     * @throws MalformedJsonException when the bytes are not exactly one JSON value
     */
    public static JsonValue read(byte[] json) throws MalformedJsonException {
        return inMemory(() -> FACTORY.createParser(json));
    }

    /**
     * Reads one JSON document from a stream, and closes the stream.
     *
     * @throws MalformedJsonException when the stream does not hold exactly one JSON value
     * @throws IOException when the stream cannot be read
     */
    public static JsonValue read(InputStream json) throws MalformedJsonException, IOException {
        return read(() -> FACTORY.createParser(json));
    }

    /** The value when it is an object. */
    public static Optional<JsonValue.JsonObject> object(JsonValue value) {
        return value instanceof JsonValue.JsonObject object ? Optional.of(object) : Optional.empty();
    }

    /** The document {@code body} writes, as a string. */
    public static String write(Writing body) {
        StringWriter out = new StringWriter();
        try (JsonGenerator json = FACTORY.createGenerator(out)) {
            body.write(json);
        } catch (IOException e) {
            throw new UncheckedIOException("Writing JSON to memory cannot fail", e);
        }
        return out.toString();
    }

    /**
     * The document {@code body} writes, as UTF-8 bytes. Characters outside the Basic Multilingual Plane are written
     * as the escaped halves of their UTF-16 surrogate pairs.
     */
    public static byte[] writeBytes(Writing body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator json = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
            body.write(json);
        } catch (IOException e) {
            throw new UncheckedIOException("Writing JSON to memory cannot fail", e);
        }
        return out.toByteArray();
    }

    /** Writes the string field {@code name} when {@code value} is present. */
    public static void optionalField(JsonGenerator json, String name, Optional<String> value) throws IOException {
        if (value.isPresent()) {
            json.writeStringField(name, value.get());
        }
    }

    /** Opens a parser on some input. */
    private interface Opening {
        JsonParser open() throws IOException;
    }

    private static JsonValue inMemory(Opening opening) throws MalformedJsonException {
        try {
            return read(opening);
        } catch (IOException e) {
            throw new UncheckedIOException("Reading JSON held in memory cannot fail", e);
        }
    }

    private static JsonValue read(Opening opening) throws MalformedJsonException, IOException {
        try (JsonParser parser = opening.open()) {
            return document(parser);
        } catch (JacksonException e) {
            throw malformed(e);
        }
    }

    private static JsonValue document(JsonParser parser) throws IOException, MalformedJsonException {
        JsonToken first = parser.nextToken();
        if (first == null) {
            throw new MalformedJsonException("The JSON document is empty");
        }
        JsonValue value = value(parser, first);
        if (parser.nextToken() != null) {
            throw new MalformedJsonException("The JSON document has content after its value");
        }
        return value;
    }

    private static JsonValue value(JsonParser parser, JsonToken token) throws IOException, MalformedJsonException {
        if (token == null) {
            throw new MalformedJsonException("The JSON document ends inside a value");
        }
        switch (token) {
            case START_OBJECT -> {
                Map<String, JsonValue> fields = new LinkedHashMap<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    fields.put(name, value(parser, parser.nextToken()));
                }
                return new JsonValue.JsonObject(fields);
            }
            case START_ARRAY -> {
                List<JsonValue> elements = new ArrayList<>();
                JsonToken next;
                while ((next = parser.nextToken()) != JsonToken.END_ARRAY) {
                    elements.add(value(parser, next));
                }
                return new JsonValue.JsonArray(elements);
            }
            case VALUE_STRING -> {
                return new JsonValue.JsonString(parser.getText());
            }
            case VALUE_NUMBER_INT -> {
                return new JsonValue.JsonNumber(parser.getText());
            }
            case VALUE_NUMBER_FLOAT -> {
                return new JsonValue.JsonNumber(Double.toString(parser.getDoubleValue()));
            }
            case VALUE_TRUE -> {
                return new JsonValue.JsonBool(true);
            }
            case VALUE_FALSE -> {
                return new JsonValue.JsonBool(false);
            }
            case VALUE_NULL -> {
                return JsonValue.JsonNull.INSTANCE;
            }
            default -> throw new MalformedJsonException("Unexpected JSON token " + token);
        }
    }

    private static MalformedJsonException malformed(JacksonException e) {
        return new MalformedJsonException("Not valid JSON: " + e.getOriginalMessage(), e);
    }
}
