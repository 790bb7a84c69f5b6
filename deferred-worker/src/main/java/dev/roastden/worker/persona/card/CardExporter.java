package dev.roastden.worker.persona.card;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.roastden.core.json.Json;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a persona as a file: Roast Den's own JSON ({@code <id>.roastden.json}, the persona as stored, minus its
 * Higher Self), or a Character Card V2 JSON ({@code <id>.card.json}) rebuilt from the persona and what an import
 * kept under {@code extensions.card}. The card carries the persona itself under {@code data.extensions.roastden},
 * so that {@link CardImporter} gives back exactly the same persona, while other tools read the card fields.
 */
public final class CardExporter {
    private CardExporter() {}

    /** An exported file. */
    public record File(String filename, String mediaType, byte[] bytes) {}

    /** The formats a persona is exported in (the {@code format} option's values). */
    public enum Format {
        ROASTDEN,
        CARD;

        /** The format named by the option value, Roast Den's own when unknown. */
        public static Format of(String value) {
            return "card".equalsIgnoreCase(value) ? CARD : ROASTDEN;
        }
    }

    public static File export(ObjectNode persona, Format format) {
        String id = Json.text(persona, "id").orElse("persona");
        return format == Format.CARD
                ? new File(id + ".card.json", "application/json", bytes(card(persona)))
                : new File(id + ".roastden.json", "application/json", bytes(roastDen(persona)));
    }

    /** The persona in Roast Den's format. */
    public static ObjectNode roastDen(ObjectNode persona) {
        return RoastDenFormat.withoutOwnership(persona);
    }

    /** The persona as a Character Card V2. */
    public static ObjectNode card(ObjectNode persona) {
        ObjectNode kept = Json.object(persona, "extensions")
                .flatMap(e -> Json.object(e, "card"))
                .map(c -> ((ObjectNode) c).deepCopy())
                .orElseGet(() -> Json.mapper().createObjectNode());
        ObjectNode card = Json.mapper().createObjectNode();
        card.put("spec", CardMapper.V2);
        card.put("spec_version", "2.0");
        ObjectNode data =
                kept.get("data") instanceof ObjectNode d ? d : Json.mapper().createObjectNode();
        kept.remove(List.of("data", "spec", "spec_version"));
        card.setAll(kept);
        card.set("data", data);

        String name = Json.text(persona, "name").orElse("");
        List<String> generated = new ArrayList<>();
        data.put("name", name);
        data.put("description", Json.text(persona, "summary").orElse(""));
        data.put("personality", String.join(", ", strings(persona, "traits")));
        if (!data.hasNonNull("first_mes")) {
            List<String> catchphrases = strings(persona, "catchphrases");
            data.put("first_mes", catchphrases.isEmpty() ? "" : catchphrases.get(0));
            generated.add("first_mes");
        }
        if (!data.hasNonNull("mes_example")) {
            StringBuilder examples = new StringBuilder();
            for (String pattern : strings(persona, "speech_patterns")) {
                if (pattern.startsWith("Talks like: \"") && pattern.endsWith("\"")) {
                    examples.append("<START>\n{{char}}: ")
                            .append(pattern, 13, pattern.length() - 1)
                            .append('\n');
                }
            }
            data.put("mes_example", examples.toString().strip());
            generated.add("mes_example");
        }
        List<String> notes = strings(persona, "notes");
        data.put("system_prompt", notes.isEmpty() ? "" : notes.get(0));
        data.put(
                "post_history_instructions",
                notes.size() < 2 ? "" : String.join("\n\n", notes.subList(1, notes.size())));
        for (String field : List.of("scenario", "creator_notes", "creator", "character_version")) {
            if (!data.hasNonNull(field)) {
                data.put(field, "");
            }
        }
        for (String field : List.of("alternate_greetings", "tags")) {
            if (!(data.get(field) instanceof ArrayNode)) {
                data.putArray(field);
            }
        }
        book(persona, data);
        ObjectNode extensions = data.get("extensions") instanceof ObjectNode e ? e : data.putObject("extensions");
        ObjectNode own = roastDen(persona);
        own.remove("extensions");
        extensions.set(CardMapper.OWN_EXTENSION, own);
        if (!generated.isEmpty()) {
            ArrayNode list = extensions.putArray(CardMapper.GENERATED_EXTENSION);
            generated.forEach(list::add);
        }
        return card;
    }

    /** The lorebook: one enabled entry per memory trigger first, then the entries the import kept. */
    private static void book(ObjectNode persona, ObjectNode data) {
        List<JsonNode> triggers = Json.array(persona, "memory_triggers");
        ObjectNode book = data.get("character_book") instanceof ObjectNode b ? b : null;
        if (triggers.isEmpty() && book == null) {
            return;
        }
        if (book == null) {
            book = data.putObject("character_book");
        }
        List<JsonNode> kept = Json.array(book, "entries");
        ArrayNode entries = book.putArray("entries");
        int order = 0;
        for (JsonNode trigger : triggers) {
            ObjectNode entry = entries.addObject();
            entry.set("keys", trigger.path("keywords").deepCopy());
            entry.put("content", trigger.path("memory").asText(""));
            entry.putObject("extensions").put(CardMapper.GENERATED_EXTENSION, true);
            entry.put("enabled", true);
            entry.put("insertion_order", order++);
        }
        kept.forEach(entries::add);
        if (!book.has("extensions")) {
            book.putObject("extensions");
        }
    }

    private static List<String> strings(ObjectNode node, String field) {
        return Json.array(node, field).stream().map(JsonNode::asText).toList();
    }

    private static byte[] bytes(ObjectNode node) {
        try {
            return Json.mapper()
                    .writerWithDefaultPrettyPrinter()
                    .writeValueAsString(node)
                    .getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
