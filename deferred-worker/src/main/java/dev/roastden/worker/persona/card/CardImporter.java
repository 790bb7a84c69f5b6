package dev.roastden.worker.persona.card;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.roastden.worker.persona.card.Imported.Format;
import dev.roastden.worker.persona.card.Imported.Refused;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * Reads an uploaded file as a persona. The type is told from the bytes, never from the name a client gave: the PNG
 * signature means a card image (its JSON, base64, in a {@code ccv3} or else {@code chara} tEXt chunk), a JSON object
 * is a Roast Den persona or a character card (V1, or {@code chara_card_v2} / {@code chara_card_v3}). Anything else,
 * anything over {@link #MAX_BYTES}, and anything malformed gets a {@link Refused} saying what was wrong. The result is
 * not yet checked against the schema: {@link PersonaValidator} does that, naming the field.
 */
public final class CardImporter {
    /** The largest file read. */
    public static final int MAX_BYTES = 2 * 1024 * 1024;

    private static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();

    static {
        STRICT.getFactory()
                .setStreamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(64)
                        .maxStringLength(MAX_BYTES)
                        .build());
    }

    private CardImporter() {}

    /** The persona in {@code bytes}, or why there is none. */
    public static Imported read(byte[] bytes) {
        if (bytes.length == 0) {
            return new Refused("the file is empty.");
        }
        if (bytes.length > MAX_BYTES) {
            return new Refused("the file is larger than 2 MB.");
        }
        if (PngChunks.isPng(bytes)) {
            return readPng(bytes);
        }
        Optional<JsonNode> json = parseJson(bytes);
        if (json.isEmpty()) {
            return new Refused("it is neither a PNG character card nor a JSON file (the type is read from the file's"
                    + " bytes, not its name).");
        }
        if (!(json.get() instanceof ObjectNode object)) {
            return new Refused("the JSON is not an object (a persona or a character card is one {...} object).");
        }
        return readJson(object, false);
    }

    private static Imported readPng(byte[] bytes) {
        Map<String, String> texts;
        try {
            texts = PngChunks.textChunks(bytes);
        } catch (PngChunks.MalformedPng e) {
            return new Refused("the PNG is damaged: " + e.getMessage() + ".");
        }
        Optional<String> chunk =
                Optional.ofNullable(texts.get("ccv3")).or(() -> Optional.ofNullable(texts.get("chara")));
        if (chunk.isEmpty()) {
            return new Refused("the PNG has no character card in it (no 'chara' or 'ccv3' text chunk).");
        }
        byte[] decoded;
        try {
            decoded = Base64.getMimeDecoder().decode(chunk.get().strip());
        } catch (IllegalArgumentException e) {
            return new Refused("the PNG's character card is not valid base64.");
        }
        Optional<JsonNode> json = parseJson(decoded);
        if (json.isEmpty() || !(json.get() instanceof ObjectNode object)) {
            return new Refused("the PNG's character card is not a JSON object.");
        }
        return readJson(object, true);
    }

    private static Imported readJson(ObjectNode root, boolean fromPng) {
        JsonNode spec = root.get("spec");
        if (spec != null) {
            String name = spec.asText("");
            boolean v3 = name.equals(CardMapper.V3);
            if (!v3 && !name.equals(CardMapper.V2)) {
                return new Refused(
                        "its card spec is '" + Texts.cutWords(name, 40) + "'; I read chara_card_v2 and chara_card_v3.");
            }
            if (!(root.get("data") instanceof ObjectNode)) {
                return new Refused("the character card has no 'data' object.");
            }
            Format format = fromPng
                    ? (v3 ? Format.CARD_V3_PNG : Format.CARD_V2_PNG)
                    : (v3 ? Format.CARD_V3_JSON : Format.CARD_V2_JSON);
            return CardMapper.map(root, (ObjectNode) root.get("data"), format);
        }
        if (!fromPng && (root.has("summary") || root.has("roast_style") || root.has("speech_patterns"))) {
            return RoastDenFormat.read(root);
        }
        if (root.has("name") && (root.has("description") || root.has("personality") || root.has("first_mes"))) {
            return CardMapper.map(root, root, fromPng ? Format.CARD_V2_PNG : Format.CARD_V1_JSON);
        }
        return new Refused("the JSON is neither a Roast Den persona nor a character card (no 'spec', no 'summary').");
    }

    /** Strict UTF-8 JSON (a byte-order mark allowed), no duplicate keys; empty when it is not that. */
    static Optional<JsonNode> parseJson(byte[] bytes) {
        int from =
                bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF
                        ? 3
                        : 0;
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, from, bytes.length - from))
                    .toString();
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
        if (!text.stripLeading().startsWith("{") && !text.stripLeading().startsWith("[")) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(STRICT.readTree(text));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
