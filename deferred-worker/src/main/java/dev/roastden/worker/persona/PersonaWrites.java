package dev.roastden.worker.persona;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.roastden.core.persona.PersonaCatalog;
import dev.roastden.core.persona.PersonaStatus;
import dev.roastden.core.persona.Roster;
import dev.roastden.worker.persona.card.Texts;
import java.time.Instant;

/**
 * The writes the persona commands share. A new persona's id is its slug, made unique in the server against the
 * roster and the bundled ids ({@code -2}, {@code -3}…); the store's conditional create settles a race, after which
 * the roster is read again and the next free id tried.
 */
final class PersonaWrites {
    private static final int MAX_RACES = 5;
    private static final int MAX_NUMBER = 999;

    private PersonaWrites() {}

    /** Whether {@code id} is already someone's in this server (its own personas, any status, or a bundled one). */
    static boolean taken(String id, Roster roster, PersonaCatalog bundled) {
        return roster.entries().containsKey(id) || bundled.find(id).isPresent();
    }

    /**
     * Stores {@code tree} as a new persona (version 1) under the first free id from its own; returns it. On a
     * repeated attempt ({@code since} present: the job's creation time), a persona this same job already stored (same
     * creator, same content, created since then) is returned instead of storing it twice.
     */
    static ServerPersona createUnique(
            PersonaTools tools,
            String guildId,
            ObjectNode tree,
            PersonaStatus status,
            String createdBy,
            java.util.Optional<Instant> since) {
        String base = tree.path("id").asText();
        Roster roster = tools.store().roster(guildId);
        int races = 0;
        for (int n = 1; n <= MAX_NUMBER; n++) {
            String id = n == 1 ? base : Texts.numbered(base, n);
            if (since.isPresent() && roster.entries().containsKey(id)) {
                java.util.Optional<ServerPersona> earlier = tools.store()
                        .find(guildId, id)
                        .filter(p -> p.createdBy().equals(createdBy)
                                && !p.createdAt().isBefore(since.get()))
                        .filter(p -> sameApartFromId(PersonaJson.tree(p), tree));
                if (earlier.isPresent()) {
                    return earlier.get();
                }
            }
            if (taken(id, roster, tools.bundled())) {
                continue;
            }
            tree.put("id", id);
            Instant now = tools.clock().instant();
            ServerPersona persona = new ServerPersona(
                    guildId, PersonaJson.persona(tree), PersonaJson.text(tree), status, createdBy, 1, now, now);
            try {
                tools.store().create(persona);
                return persona;
            } catch (PersonaStore.Conflict raced) {
                if (++races > MAX_RACES) {
                    throw new IllegalStateException("Could not find a free persona id after " + races + " races");
                }
                roster = tools.store().roster(guildId);
                n--;
            }
        }
        throw new IllegalStateException("No free persona id for " + base);
    }

    /** Whether two persona trees are the same but for their ids. */
    static boolean sameApartFromId(ObjectNode a, ObjectNode b) {
        ObjectNode x = a.deepCopy();
        ObjectNode y = b.deepCopy();
        x.remove("id");
        y.remove("id");
        return x.equals(y);
    }

    /** {@code stored} with a new tree and status, for {@link PersonaStore#update}. */
    static ServerPersona next(PersonaTools tools, ServerPersona stored, ObjectNode tree, PersonaStatus status) {
        return new ServerPersona(
                stored.guildId(),
                PersonaJson.persona(tree),
                PersonaJson.text(tree),
                status,
                stored.createdBy(),
                stored.version(),
                stored.createdAt(),
                tools.clock().instant());
    }

    /** {@code stored} in another status. */
    static ServerPersona withStatus(PersonaTools tools, ServerPersona stored, PersonaStatus status) {
        return new ServerPersona(
                stored.guildId(),
                stored.persona(),
                stored.json(),
                status,
                stored.createdBy(),
                stored.version(),
                stored.createdAt(),
                tools.clock().instant());
    }
}
