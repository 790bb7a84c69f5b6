package dev.roastden.core.json;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.ByteArrayOutputStream;
import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
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
 * <p>Reading is strict, because what is read is often a stranger's request: bytes must be UTF-8 (Jackson would
 * otherwise guess UTF-16 or UTF-32 from the first bytes), a name may not repeat within an object, nesting stops at
 * {@link #MAX_DEPTH}, and a number must be finite ({@code 1e999} is refused, not read as infinity). Jackson's
 * limits on number length and string length apply too. Every such refusal is a {@link MalformedJsonException}.
 */
public final class StreamingJson {
    /** The deepest nesting read: Discord's interactions nest about ten levels, API Gateway events fewer. */
    public static final int MAX_DEPTH = 64;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .streamReadConstraints(
                    StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
            .build();

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
     * @throws MalformedJsonException when the bytes are not UTF-8 or not exactly one JSON value
     */
    public static JsonValue read(byte[] json) throws MalformedJsonException {
        String text = utf8(json);
        return inMemory(() -> FACTORY.createParser(text));
    }

    /** The bytes as text when they are well-formed UTF-8. */
    private static String utf8(byte[] bytes) throws MalformedJsonException {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException notUtf8) {
            throw new MalformedJsonException("The JSON is not UTF-8 text", notUtf8);
        }
    }

    /**
     * Reads one JSON document from a stream, and closes the stream.
     *
     * @throws MalformedJsonException when the stream does not hold exactly one JSON value
     * @throws IOException when the stream cannot be read
     */
    public static JsonValue read(InputStream json) throws MalformedJsonException, IOException {
        byte[] bytes;
        try (json) {
            bytes = json.readAllBytes();
        }
        return read(bytes);
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
            // Text in memory has no I/O to fail: whatever the parser threw, it was about the text.
            throw new MalformedJsonException("Not valid JSON: " + e.getClass().getSimpleName(), e);
        }
    }

    private static JsonValue read(Opening opening) throws MalformedJsonException, IOException {
        try (JsonParser parser = opening.open()) {
            return document(parser);
        } catch (JacksonException e) {
            throw malformed(e);
        } catch (CharConversionException e) {
            // Jackson's own decoding of a stream that is not in the encoding it guessed.
            throw new MalformedJsonException("The JSON is not in a readable encoding", e);
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
                double number = parser.getDoubleValue();
                if (!Double.isFinite(number)) {
                    throw new MalformedJsonException(
                            "The JSON number " + abbreviated(parser.getText()) + " is out of range");
                }
                return new JsonValue.JsonNumber(Double.toString(number));
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

    private static String abbreviated(String text) {
        return text.length() <= 32 ? text : text.substring(0, 32) + "…";
    }

    private static MalformedJsonException malformed(JacksonException e) {
        return new MalformedJsonException("Not valid JSON: " + e.getOriginalMessage(), e);
    }
}
