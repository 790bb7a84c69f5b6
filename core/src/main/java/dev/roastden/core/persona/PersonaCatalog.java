package dev.roastden.core.persona;

import dev.roastden.core.json.JsonValue;
import dev.roastden.core.json.JsonValue.JsonObject;
import dev.roastden.core.json.MalformedJsonException;
import dev.roastden.core.json.StreamingJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The personas shipped on the classpath under {@code personalities/}: {@code index.json} lists the ids and each
 * persona is {@code personalities/<id>.json}.
 */
public final class PersonaCatalog {
    private static final String DIRECTORY = "personalities/";

    private final Map<String, Persona> byId;

    public PersonaCatalog(List<Persona> personas) {
        Map<String, Persona> map = new LinkedHashMap<>();
        for (Persona persona : personas) {
            if (map.putIfAbsent(persona.id(), persona) != null) {
                throw new IllegalArgumentException("Duplicate persona id " + persona.id());
            }
        }
        this.byId = Map.copyOf(map);
        this.ordered = List.copyOf(map.values());
    }

    private final List<Persona> ordered;

    /** Loads every persona listed in {@code personalities/index.json} on the class path of {@code loader}. */
    public static PersonaCatalog fromClasspath(ClassLoader loader) {
        JsonObject index = read(loader, DIRECTORY + "index.json");
        List<Persona> personas = new ArrayList<>();
        for (JsonValue id : index.array("personas")) {
            personas.add(parse(read(loader, DIRECTORY + id.asText() + ".json")));
        }
        return new PersonaCatalog(personas);
    }

    /** Loads the personas shipped with Roast Den. */
    public static PersonaCatalog fromClasspath() {
        return fromClasspath(PersonaCatalog.class.getClassLoader());
    }

    /** All personas in index order. */
    public List<Persona> all() {
        return ordered;
    }

    /** The persona with this id. */
    public Optional<Persona> find(String id) {
        return Optional.ofNullable(byId.get(id == null ? "" : id.trim().toLowerCase(Locale.ROOT)));
    }

    /** The persona whose Higher Self is this Discord user, if any. */
    public Optional<Persona> ofHigherSelf(String userId) {
        return ordered.stream().filter(p -> p.isHigherSelf(userId)).findFirst();
    }

    /**
     * Personas for autocomplete: those whose id or name starts with {@code typed}, then those containing it, in
     * index order, ignoring case. Blank input lists every persona.
     */
    public List<Persona> search(String typed, int limit) {
        String needle = typed == null ? "" : typed.trim().toLowerCase(Locale.ROOT);
        List<Persona> prefix = new ArrayList<>();
        List<Persona> contains = new ArrayList<>();
        for (Persona persona : ordered) {
            String id = persona.id();
            String name = persona.name().toLowerCase(Locale.ROOT);
            if (id.startsWith(needle) || name.startsWith(needle)) {
                prefix.add(persona);
            } else if (id.contains(needle) || name.contains(needle)) {
                contains.add(persona);
            }
        }
        prefix.addAll(contains);
        return List.copyOf(prefix.subList(0, Math.min(limit, prefix.size())));
    }

    /** Reads one persona from its JSON. */
    public static Persona parse(JsonObject node) {
        List<Persona.MemoryTrigger> triggers = new ArrayList<>();
        for (JsonValue value : node.array("memory_triggers")) {
            if (value instanceof JsonObject trigger) {
                triggers.add(new Persona.MemoryTrigger(
                        strings(trigger, "keywords"), trigger.text("memory").orElse("")));
            }
        }
        return new Persona(
                required(node, "id"),
                required(node, "name"),
                node.nonBlank("higher_self"),
                node.text("tagline").orElse(""),
                node.text("summary").orElse(""),
                strings(node, "traits"),
                strings(node, "speech_patterns"),
                strings(node, "interests"),
                node.text("roast_style").orElse(""),
                strings(node, "catchphrases"),
                triggers,
                strings(node, "boundaries"),
                node.nonBlank("avatar_url"),
                strings(node, "notes"));
    }

    private static List<String> strings(JsonObject node, String field) {
        return node.array(field).stream().map(JsonValue::asText).toList();
    }

    private static String required(JsonObject node, String field) {
        return node.nonBlank(field).orElseThrow(() -> new IllegalArgumentException("A persona has no " + field));
    }

    private static JsonObject read(ClassLoader loader, String resource) {
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing persona resource " + resource);
            }
            return StreamingJson.object(StreamingJson.read(in))
                    .orElseThrow(() -> new IllegalStateException(resource + " is not a JSON object"));
        } catch (MalformedJsonException e) {
            throw new IllegalStateException(resource + " is not valid JSON", e);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + resource, e);
        }
    }
}
