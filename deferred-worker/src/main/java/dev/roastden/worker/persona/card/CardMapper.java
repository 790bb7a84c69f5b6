package dev.roastden.worker.persona.card;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.roastden.core.json.Json;
import dev.roastden.worker.persona.card.Imported.Format;
import dev.roastden.worker.persona.card.Imported.Refused;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Maps a character card's fields onto a persona: name; description → summary (cut on a sentence, ≤ 600) and its
 * first sentence → tagline; personality → short traits; the character's lines in {@code mes_example} → speech
 * patterns, the first sentence of {@code first_mes} and short example lines → catchphrases; enabled lorebook
 * entries → memory triggers; {@code system_prompt} and {@code post_history_instructions} → notes. Everything else
 * of the card (and {@code first_mes} / {@code mes_example} whole, which are only excerpted) is kept under {@code
 * extensions.card}, so {@link CardExporter} can give it back. A card exported by Roast Den carries the persona
 * itself under {@code data.extensions.roastden}; that is read as is, so export then import is exact.
 */
final class CardMapper {
    static final String V2 = "chara_card_v2";
    static final String V3 = "chara_card_v3";
    static final String OWN_EXTENSION = "roastden";
    /** Card fields and lorebook entries an export made up from the persona (dropped again on import). */
    static final String GENERATED_EXTENSION = "roastden_generated";

    static final int MAX_TRIGGERS = 20;
    private static final Set<String> MAPPED =
            Set.of("name", "description", "personality", "system_prompt", "post_history_instructions");
    private static final Pattern TRAIT_SPLIT = Pattern.compile("[,;\\n|•]+|(?<=[.!?])\\s+");
    private static final Pattern DECORATOR = Pattern.compile("(?m)^@@.*$");

    private CardMapper() {}

    static Imported map(ObjectNode root, ObjectNode data, Format format) {
        String name = Texts.cutWords(Texts.oneLine(Json.text(data, "name").orElse("")), 80);
        if (name.isEmpty()) {
            return new Refused("the character card has no name.");
        }
        Optional<ObjectNode> own = Json.object(data, "extensions")
                .map(e -> e.get(OWN_EXTENSION))
                .filter(ObjectNode.class::isInstance)
                .map(ObjectNode.class::cast);
        ObjectNode persona;
        Set<Integer> mappedEntries = new java.util.HashSet<>();
        if (own.isPresent()) {
            persona = RoastDenFormat.withoutOwnership(own.get());
            persona.remove("extensions");
        } else {
            persona = mapped(data, name, mappedEntries);
        }
        Optional<String> id = Json.text(persona, "id")
                .filter(i ->
                        i.length() <= Texts.MAX_SLUG && Texts.SLUG.matcher(i).matches())
                .or(() -> Texts.slug(name));
        if (id.isEmpty()) {
            return new Refused("the name '" + name + "' has no letters or digits to make an id from.");
        }
        ObjectNode ordered = Json.mapper().createObjectNode();
        ordered.put("id", id.get());
        persona.remove("id");
        ordered.setAll(persona);
        ObjectNode kept = leftover(root, data, mappedEntries, own.isPresent());
        if (!kept.isEmpty()) {
            ordered.putObject("extensions").set("card", kept);
        }
        return new Imported.Persona(ordered, format);
    }

    private static ObjectNode mapped(ObjectNode data, String name, Set<Integer> mappedEntries) {
        ObjectNode persona = Json.mapper().createObjectNode();
        persona.put("name", name);
        String description = Texts.unmacro(Json.text(data, "description").orElse(""), name);
        String personality = Texts.unmacro(Json.text(data, "personality").orElse(""), name);
        String source = description.isBlank() ? personality : description;
        String summary =
                source.isBlank() ? name + " is a character imported from a card." : Texts.cutSentence(source, 600);
        persona.put("tagline", Texts.firstSentence(summary, 120));
        persona.put("summary", summary);
        List<String> traits = traits(personality);
        if (traits.isEmpty()) {
            Json.array(data, "tags").stream()
                    .map(t -> Texts.cutWords(Texts.oneLine(t.asText("")), 80))
                    .filter(t -> !t.isEmpty())
                    .distinct()
                    .limit(6)
                    .forEach(traits::add);
        }
        if (traits.isEmpty()) {
            traits.add("in character");
        }
        strings(persona.putArray("traits"), traits);

        List<String> examples = characterLines(Json.text(data, "mes_example").orElse(""), name);
        String first =
                Texts.firstSentence(Texts.unmacro(Json.text(data, "first_mes").orElse(""), name), 120);
        Set<String> speech = new LinkedHashSet<>();
        examples.stream().limit(8).forEach(line -> speech.add("Talks like: \"" + Texts.cutWords(line, 146) + "\""));
        if (speech.isEmpty()) {
            speech.add(
                    first.isEmpty()
                            ? "Speaks the way the description suggests."
                            : "Opens with lines like: \"" + Texts.cutWords(first, 130) + "\"");
        }
        strings(persona.putArray("speech_patterns"), List.copyOf(speech));
        persona.put(
                "roast_style",
                "In character as " + name + ": teases with " + name
                        + "'s own voice, habits and quirks, playful and never cruel.");
        Set<String> catchphrases = new LinkedHashSet<>();
        if (!first.isEmpty()) {
            catchphrases.add(first);
        }
        examples.stream().filter(l -> l.length() <= 120).limit(5).forEach(catchphrases::add);
        if (!catchphrases.isEmpty()) {
            strings(
                    persona.putArray("catchphrases"),
                    catchphrases.stream().limit(5).toList());
        }
        ArrayNode triggers = triggers(data, name, mappedEntries);
        if (!triggers.isEmpty()) {
            persona.set("memory_triggers", triggers);
        }
        List<String> notes = new ArrayList<>();
        for (String field : List.of("system_prompt", "post_history_instructions")) {
            String note = Texts.unmacro(Json.text(data, field).orElse(""), name);
            if (!note.isBlank()) {
                notes.add(Texts.cutWords(note, 2000));
            }
        }
        if (!notes.isEmpty()) {
            strings(persona.putArray("notes"), notes);
        }
        return persona;
    }

    /** Short traits from a personality line: split on commas, semicolons, lines and sentences. */
    static List<String> traits(String personality) {
        Set<String> seen = new LinkedHashSet<>();
        List<String> out = new ArrayList<>();
        for (String piece : TRAIT_SPLIT.split(personality)) {
            String trait = Texts.oneLine(piece)
                    .replaceFirst("^[-*•\\s]+", "")
                    .replaceFirst("(?i)^and\\s+", "")
                    .replaceFirst("[.!?\\s]+$", "");
            trait = Texts.cutWords(trait, 80);
            if (!trait.isEmpty() && seen.add(trait.toLowerCase(Locale.ROOT)) && out.size() < 12) {
                out.add(trait);
            }
        }
        return out;
    }

    /** The character's own lines in an example dialogue ({@code {{char}}: …} or {@code Name: …}). */
    static List<String> characterLines(String examples, String name) {
        Pattern speaker = Pattern.compile(
                "^\\s*(?:\\{\\{char}}|<BOT>|" + Pattern.quote(name) + ")\\s*:\\s*(.+)$", Pattern.CASE_INSENSITIVE);
        List<String> out = new ArrayList<>();
        for (String line : examples.replaceAll("(?i)<START>", "\n").split("\\R")) {
            var m = speaker.matcher(line);
            if (m.matches()) {
                String said = Texts.oneLine(Texts.unmacro(m.group(1), name));
                if (!said.isEmpty() && !out.contains(said)) {
                    out.add(said);
                }
            }
        }
        return out;
    }

    private static ArrayNode triggers(ObjectNode data, String name, Set<Integer> mappedEntries) {
        ArrayNode out = Json.mapper().createArrayNode();
        Optional<JsonNode> book = Json.object(data, "character_book");
        List<JsonNode> entries = book.map(b -> Json.array(b, "entries")).orElse(List.of());
        for (int index = 0; index < entries.size(); index++) {
            JsonNode entry = entries.get(index);
            if (!entry.isObject() || !entry.path("enabled").asBoolean(true) || out.size() >= MAX_TRIGGERS) {
                continue;
            }
            Set<String> keywords = new LinkedHashSet<>();
            for (JsonNode key : Json.array(entry, "keys")) {
                Texts.keyword(key.asText("")).ifPresent(keywords::add);
            }
            String content = Texts.unmacro(
                    DECORATOR.matcher(Json.text(entry, "content").orElse("")).replaceAll(""), name);
            if (keywords.isEmpty() || content.isBlank()) {
                continue;
            }
            ObjectNode trigger = out.addObject();
            strings(trigger.putArray("keywords"), keywords.stream().limit(10).toList());
            trigger.put("memory", Texts.cutSentence(content, 300));
            mappedEntries.add(index);
        }
        return out;
    }

    /** The card minus what was mapped: spec, mapped fields, mapped lorebook entries and empty fields dropped. */
    private static ObjectNode leftover(ObjectNode root, ObjectNode data, Set<Integer> mappedEntries, boolean own) {
        ObjectNode card = root.deepCopy();
        card.remove(List.of("spec", "spec_version"));
        ObjectNode rest = data == root ? card : (ObjectNode) card.get("data");
        rest.remove(MAPPED);
        if (rest.get("extensions") instanceof ObjectNode extensions) {
            extensions.remove(OWN_EXTENSION);
            JsonNode generated = extensions.remove(GENERATED_EXTENSION);
            if (own && generated != null) {
                generated.forEach(field -> rest.remove(field.asText()));
            }
        }
        if (rest.get("character_book") instanceof ObjectNode book) {
            if (book.get("entries") instanceof ArrayNode entries) {
                ArrayNode remaining = book.putArray("entries");
                for (int index = 0; index < entries.size(); index++) {
                    boolean made = own
                            && entries.get(index)
                                    .path("extensions")
                                    .path(GENERATED_EXTENSION)
                                    .asBoolean(false);
                    if (!mappedEntries.contains(index) && !made) {
                        remaining.add(entries.get(index));
                    }
                }
            }
            pruneEmpty(book);
        }
        pruneEmpty(rest);
        if (data == root) {
            // A V1 card's fields are at the top; kept as a V2 card's data, where an export puts them.
            ObjectNode wrapped = Json.mapper().createObjectNode();
            if (!rest.isEmpty()) {
                wrapped.set("data", rest);
            }
            return wrapped;
        }
        if (rest.isEmpty()) {
            card.remove("data");
        }
        return card;
    }

    /** Removes the fields of {@code node} that are empty text, an empty array or an empty object. */
    static void pruneEmpty(ObjectNode node) {
        List<String> empty = new ArrayList<>();
        node.fields().forEachRemaining(f -> {
            JsonNode v = f.getValue();
            if (v.isNull() || (v.isTextual() && v.asText().isEmpty()) || (v.isContainerNode() && v.isEmpty())) {
                empty.add(f.getKey());
            }
        });
        node.remove(empty);
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }
}
