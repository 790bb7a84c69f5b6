package dev.roastden.core.persona;

import dev.roastden.core.json.JsonValue;
import dev.roastden.core.json.JsonValue.JsonObject;
import dev.roastden.core.json.MalformedJsonException;
import dev.roastden.core.json.StreamingJson;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A server's cast: its own personas (any status) and the bundled defaults it hides. Stored as one small item per
 * server, kept in step with the persona items in the same transaction, so that one GetItem answers autocomplete.
 * Serialised by {@link #toJson()} / {@link #fromJson(String)}.
 *
 * @param entries the server's own personas by id, in creation order; an entry with a bundled persona's id
 *     overrides that persona in this server
 * @param hiddenDefaults ids of bundled personas a manager hid in this server
 */
public record Roster(Map<String, RosterEntry> entries, Set<String> hiddenDefaults) {
    /** The roster of a server that has done nothing yet: every bundled persona, nothing of its own. */
    public static final Roster EMPTY = new Roster(Map.of(), Set.of());

    public Roster {
        entries = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(entries));
        hiddenDefaults = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(hiddenDefaults));
    }

    /** This roster with {@code entry} added or replaced. */
    public Roster with(RosterEntry entry) {
        Map<String, RosterEntry> next = new LinkedHashMap<>(entries);
        next.put(entry.id(), entry);
        return new Roster(next, hiddenDefaults);
    }

    /** This roster with the bundled persona {@code id} hidden or shown. */
    public Roster hiding(String id, boolean hidden) {
        Set<String> next = new LinkedHashSet<>(hiddenDefaults);
        if (hidden) {
            next.add(id);
        } else {
            next.remove(id);
        }
        return new Roster(entries, next);
    }

    /**
     * Everyone listed in this server, in order: the bundled defaults that are neither hidden nor overridden (as
     * active, fictional entries), then the server's own personas.
     */
    public List<RosterEntry> cast(PersonaCatalog bundled) {
        List<RosterEntry> all = new ArrayList<>();
        for (Persona persona : bundled.all()) {
            if (!hiddenDefaults.contains(persona.id()) && !entries.containsKey(persona.id())) {
                all.add(RosterEntry.of(persona, PersonaStatus.ACTIVE));
            }
        }
        all.addAll(entries.values());
        return all;
    }

    /**
     * Autocomplete matches among {@code cast}: id or name starting with {@code typed} first, then containing it,
     * ignoring case; blank input lists them all.
     */
    public static List<RosterEntry> search(List<RosterEntry> cast, String typed, int limit) {
        String needle = typed == null ? "" : typed.trim().toLowerCase(Locale.ROOT);
        List<RosterEntry> prefix = new ArrayList<>();
        List<RosterEntry> contains = new ArrayList<>();
        for (RosterEntry entry : cast) {
            String name = entry.name().toLowerCase(Locale.ROOT);
            if (entry.id().startsWith(needle) || name.startsWith(needle)) {
                prefix.add(entry);
            } else if (entry.id().contains(needle) || name.contains(needle)) {
                contains.add(entry);
            }
        }
        prefix.addAll(contains);
        return List.copyOf(prefix.subList(0, Math.min(limit, prefix.size())));
    }

    /** The roster as the JSON stored in its item. */
    public String toJson() {
        return StreamingJson.write(json -> {
            json.writeStartObject();
            json.writeArrayFieldStart("personas");
            for (RosterEntry entry : entries.values()) {
                json.writeStartObject();
                json.writeStringField("id", entry.id());
                json.writeStringField("name", entry.name());
                json.writeStringField("tagline", entry.tagline());
                json.writeStringField("status", entry.status().wire());
                StreamingJson.optionalField(json, "higher_self", entry.higherSelf());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeArrayFieldStart("hidden");
            for (String id : hiddenDefaults) {
                json.writeString(id);
            }
            json.writeEndArray();
            json.writeEndObject();
        });
    }

    /** Reads a stored roster; entries it cannot read are skipped rather than failing the whole roster. */
    public static Roster fromJson(String text) throws MalformedJsonException {
        JsonObject root = StreamingJson.object(StreamingJson.read(text)).orElse(new JsonObject(Map.of()));
        Map<String, RosterEntry> entries = new LinkedHashMap<>();
        for (JsonValue value : root.array("personas")) {
            if (!(value instanceof JsonObject node)) {
                continue;
            }
            Optional<String> id = node.nonBlank("id");
            Optional<PersonaStatus> status = node.text("status").flatMap(PersonaStatus::fromWire);
            if (id.isEmpty() || status.isEmpty()) {
                continue;
            }
            entries.put(
                    id.get(),
                    new RosterEntry(
                            id.get(),
                            node.nonBlank("name").orElse(id.get()),
                            node.text("tagline").orElse(""),
                            status.get(),
                            node.nonBlank("higher_self")));
        }
        Set<String> hidden = new LinkedHashSet<>();
        root.array("hidden").forEach(v -> hidden.add(v.asText()));
        return new Roster(entries, hidden);
    }
}
