package dev.roastden.worker.persona;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.roastden.core.json.Json;
import dev.roastden.core.json.MalformedJsonException;
import dev.roastden.core.json.StreamingJson;
import dev.roastden.core.persona.Persona;
import dev.roastden.core.persona.PersonaCatalog;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Moves a persona between its three shapes: the stored JSON text, a Jackson tree the commands edit (keeping every
 * field they do not touch) and the {@link Persona} record the rest of the worker reads. A stored persona is at most
 * {@link #MAX_CHARS} of JSON, so that the persona item and an export of it (saved with the reply) stay far below
 * DynamoDB's 400 KB item limit.
 */
public final class PersonaJson {
    /** The largest persona JSON kept (what an import carries under {@code extensions} included). */
    public static final int MAX_CHARS = 96 * 1024;

    private PersonaJson() {}

    /** The tree of a stored persona. */
    public static ObjectNode tree(ServerPersona stored) {
        try {
            return (ObjectNode) Json.mapper().readTree(stored.json());
        } catch (JsonProcessingException | ClassCastException e) {
            throw new IllegalStateException("A stored persona is not a JSON object", e);
        }
    }

    /** The tree of a bundled persona, field by field as the schema names them. */
    public static ObjectNode tree(Persona p) {
        ObjectNode node = Json.mapper().createObjectNode();
        node.put("id", p.id());
        node.put("name", p.name());
        p.higherSelf().ifPresent(h -> node.put("higher_self", h));
        node.put("tagline", p.tagline());
        node.put("summary", p.summary());
        strings(node, "traits", p.traits(), true);
        strings(node, "speech_patterns", p.speechPatterns(), true);
        strings(node, "interests", p.interests(), false);
        node.put("roast_style", p.roastStyle());
        strings(node, "catchphrases", p.catchphrases(), false);
        if (!p.memoryTriggers().isEmpty()) {
            ArrayNode triggers = node.putArray("memory_triggers");
            for (Persona.MemoryTrigger t : p.memoryTriggers()) {
                ObjectNode trigger = triggers.addObject();
                t.keywords().forEach(trigger.putArray("keywords")::add);
                trigger.put("memory", t.memory());
            }
        }
        strings(node, "boundaries", p.boundaries(), false);
        strings(node, "notes", p.notes(), false);
        p.avatarUrl().ifPresent(a -> node.put("avatar_url", a));
        return node;
    }

    /** The record of a (valid) persona tree. */
    public static Persona persona(ObjectNode tree) {
        try {
            return PersonaCatalog.parse(StreamingJson.object(StreamingJson.read(text(tree)))
                    .orElseThrow(() -> new IllegalArgumentException("not an object")));
        } catch (MalformedJsonException e) {
            throw new IllegalArgumentException("A persona tree did not read back", e);
        }
    }

    /** The compact JSON text stored. */
    public static String text(ObjectNode tree) {
        try {
            return Json.mapper().writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void strings(ObjectNode node, String field, List<String> values, boolean always) {
        if (always || !values.isEmpty()) {
            ArrayNode array = node.putArray(field);
            values.forEach(array::add);
        }
    }
}
