package dev.roastden.core.json;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.roastden.core.json.JsonValue.JsonArray;
import dev.roastden.core.json.JsonValue.JsonBool;
import dev.roastden.core.json.JsonValue.JsonNull;
import dev.roastden.core.json.JsonValue.JsonNumber;
import dev.roastden.core.json.JsonValue.JsonObject;
import dev.roastden.core.json.JsonValue.JsonString;
import java.io.ByteArrayInputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StreamingJsonTest {
    @Test
    void readsNestedValuesInDocumentOrder() throws Exception {
        JsonValue value = StreamingJson.read("{\"z\":2,\"a\":[true,false,null,\"s\",{\"deep\":[[]]}],\"m\":{}}");
        Map<String, JsonValue> expected = new LinkedHashMap<>();
        expected.put("z", new JsonNumber("2"));
        expected.put(
                "a",
                new JsonArray(List.of(
                        new JsonBool(true),
                        new JsonBool(false),
                        JsonNull.INSTANCE,
                        new JsonString("s"),
                        new JsonObject(Map.of("deep", new JsonArray(List.of(new JsonArray(List.of()))))))));
        expected.put("m", new JsonObject(Map.of()));
        assertThat(value).isEqualTo(new JsonObject(expected));
        assertThat(((JsonObject) value).fields().keySet()).containsExactly("z", "a", "m");
    }

    @Test
    void unescapesUnicodeAndSlashes() throws Exception {
        JsonValue value =
                StreamingJson.read("[\"\\u00e9\\ud83d\\udd25 a\\/b \\\"q\\\" \\\\ \\n\\t\", \"é🔥\"]".getBytes(UTF_8));
        assertThat(value)
                .isEqualTo(new JsonArray(List.of(new JsonString("é🔥 a/b \"q\" \\ \n\t"), new JsonString("é🔥"))));
    }

    @Test
    void keepsIntegersOfAnySizeAsTheirDigits() throws Exception {
        JsonObject value = (JsonObject) StreamingJson.read(
                "{\"snowflake\":1310000000000000001,\"huge\":123456789012345678901234567890,\"neg\":-42,"
                        + "\"id\":\"1310000000000000001\"}");
        assertThat(value.text("snowflake")).contains("1310000000000000001");
        assertThat(value.text("huge")).contains("123456789012345678901234567890");
        assertThat(value.text("neg")).contains("-42");
        assertThat(value.text("id")).contains("1310000000000000001");
        assertThat(value.get("snowflake").orElseThrow().intValue()).isEmpty();
        assertThat(value.get("neg").orElseThrow().intValue()).hasValue(-42);
    }

    @Test
    void writesFractionsAsDoubles() throws Exception {
        JsonArray value = (JsonArray) StreamingJson.read("[1.5, 1e3, -0.25, 2.0]");
        assertThat(value.elements())
                .containsExactly(
                        new JsonNumber("1.5"),
                        new JsonNumber("1000.0"),
                        new JsonNumber("-0.25"),
                        new JsonNumber("2.0"));
        assertThat(value.elements().get(3).intValue()).hasValue(2);
        assertThat(value.elements().get(0).asInt(9)).isEqualTo(1);
    }

    @Test
    void readsScalarsLeniently() throws Exception {
        JsonObject value = (JsonObject) StreamingJson.read(
                "{\"n\":\"12\",\"t\":\" true \",\"f\":\"false\",\"one\":1,\"zero\":0,\"b\":true,\"nul\":null,"
                        + "\"obj\":{},\"list\":[1],\"blank\":\"  \",\"word\":\"x\"}");
        assertThat(value.integer("n", -1)).isEqualTo(12);
        assertThat(value.integer("word", -1)).isEqualTo(-1);
        assertThat(value.integer("b", -1)).isEqualTo(1);
        assertThat(value.integer("missing", -1)).isEqualTo(-1);
        assertThat(value.bool("t", false)).isTrue();
        assertThat(value.bool("f", true)).isFalse();
        assertThat(value.bool("one", false)).isTrue();
        assertThat(value.bool("zero", true)).isFalse();
        assertThat(value.bool("word", true)).isTrue();
        assertThat(value.text("b")).contains("true");
        assertThat(value.text("nul")).isEmpty();
        assertThat(value.text("obj")).isEmpty();
        assertThat(value.nonBlank("blank")).isEmpty();
        assertThat(value.text("blank")).contains("  ");
        assertThat(value.get("nul").orElseThrow().asText()).isEqualTo("null");
        assertThat(value.get("list").orElseThrow().asText()).isEmpty();
        assertThat(value.array("list")).containsExactly(new JsonNumber("1"));
        assertThat(value.array("obj")).isEmpty();
        assertThat(value.object("obj")).contains(new JsonObject(Map.of()));
        assertThat(value.object("list")).isEmpty();
        assertThat(value.get("n").orElseThrow().intValue()).isEqualTo(OptionalInt.empty());
    }

    @Test
    void readsAStream() throws Exception {
        var in = new ByteArrayInputStream("{\"a\":\"b\"}".getBytes(UTF_8));
        assertThat(StreamingJson.read(in)).isEqualTo(new JsonObject(Map.of("a", new JsonString("b"))));
        assertThat(StreamingJson.object(StreamingJson.read("[]"))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"", "   ", "nope", "{", "{\"a\":", "{\"a\" 1}", "[1,]", "{\"a\":1} {}", "[1] x", "'single'", "01"
            })
    void rejectsWhatIsNotExactlyOneJsonValue(String text) {
        assertThatThrownBy(() -> StreamingJson.read(text)).isInstanceOf(MalformedJsonException.class);
        assertThatThrownBy(() -> StreamingJson.read(text.getBytes(UTF_8))).isInstanceOf(MalformedJsonException.class);
    }

    @Test
    void writesThroughTheGeneratorCompactly() {
        String text = StreamingJson.write(json -> {
            json.writeStartObject();
            json.writeStringField("s", "é🔥 a/b \"q\" \\ \n\u0001");
            json.writeNumberField("n", 5);
            json.writeNumberField("d", 0.5);
            StreamingJson.optionalField(json, "present", Optional.of("yes"));
            StreamingJson.optionalField(json, "absent", Optional.empty());
            json.writeEndObject();
        });
        assertThat(text)
                .isEqualTo("{\"s\":\"é🔥 a/b \\\"q\\\" \\\\ \\n\\u0001\",\"n\":5,\"d\":0.5,\"present\":\"yes\"}");
    }

    @Test
    void writesUtf8BytesWithSupplementaryCharactersEscaped() throws Exception {
        byte[] bytes = StreamingJson.writeBytes(json -> {
            json.writeStartArray();
            json.writeString("é🔥");
            json.writeEndArray();
        });
        assertThat(new String(bytes, UTF_8)).isEqualTo("[\"é\\uD83D\\uDD25\"]");
        assertThat(StreamingJson.read(bytes)).isEqualTo(new JsonArray(List.of(new JsonString("é🔥"))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"UTF-16BE", "UTF-16LE", "UTF-16", "UTF-32BE", "UTF-32LE", "UTF-32"})
    void refusesJsonThatIsNotUtf8(String charset) {
        byte[] bytes =
                "{\"type\":1,\"id\":\"1310000000000000000\"}".getBytes(java.nio.charset.Charset.forName(charset));
        assertThatThrownBy(() -> StreamingJson.read(bytes)).isInstanceOf(MalformedJsonException.class);
        assertThatThrownBy(() -> StreamingJson.read(new ByteArrayInputStream(bytes)))
                .isInstanceOf(MalformedJsonException.class);
    }

    @Test
    void refusesBytesThatAreNotWellFormedUtf8() {
        byte[] bytes = {'[', '"', (byte) 0xC3, '"', ']'};
        assertThatThrownBy(() -> StreamingJson.read(bytes))
                .isInstanceOf(MalformedJsonException.class)
                .hasMessageContaining("UTF-8");
    }

    @Test
    void refusesARepeatedName() {
        assertThatThrownBy(() -> StreamingJson.read("{\"type\":1,\"type\":2}"))
                .isInstanceOf(MalformedJsonException.class)
                .hasMessageContaining("type");
        assertThatThrownBy(() -> StreamingJson.read("{\"a\":{\"b\":1,\"b\":1}}".getBytes(UTF_8)))
                .isInstanceOf(MalformedJsonException.class);
    }

    @Test
    void refusesNumbersBeyondADouble() {
        for (String number : List.of("1e999", "-1e999", "1.5e400")) {
            assertThatThrownBy(() -> StreamingJson.read("{\"type\":" + number + "}"))
                    .isInstanceOf(MalformedJsonException.class)
                    .hasMessageContaining("out of range");
        }
    }

    @Test
    void refusesNestingDeeperThanTheLimitAndReadsUpToIt() throws Exception {
        int depth = StreamingJson.MAX_DEPTH;
        assertThat(StreamingJson.read("[".repeat(depth) + "]".repeat(depth))).isInstanceOf(JsonArray.class);
        for (int deep : List.of(depth + 1, 10_000, 200_000)) {
            String arrays = "[".repeat(deep) + "]".repeat(deep);
            assertThatThrownBy(() -> StreamingJson.read(arrays.getBytes(UTF_8)))
                    .isInstanceOf(MalformedJsonException.class);
            String objects = "{\"a\":".repeat(deep) + "1" + "}".repeat(deep);
            assertThatThrownBy(() -> StreamingJson.read(objects)).isInstanceOf(MalformedJsonException.class);
        }
    }

    @Test
    void anIntegralNumberIsDigitsAlone() {
        assertThat(new JsonNumber("-12").integral()).isTrue();
        assertThat(new JsonNumber("Infinity").integral()).isFalse();
        assertThat(new JsonNumber("NaN").intValue()).isEqualTo(OptionalInt.empty());
        assertThat(new JsonNumber("Infinity").asInt(7)).isEqualTo(7);
    }
}
