package dev.roastden.handler;

import dev.roastden.core.persona.Roster;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Reads of an in-memory store, or of one that is down; counts the reads so tests can hold the one-read rule. */
final class FakePersonaReads implements PersonaReads {
    final Map<String, Roster> rosters = new HashMap<>();
    final Map<String, StoredPersona> personas = new HashMap<>();
    boolean down;
    int reads;

    @Override
    public Roster roster(String guildId) throws Unavailable {
        reads++;
        if (down) {
            throw new Unavailable("down", null);
        }
        return rosters.getOrDefault(guildId, Roster.EMPTY);
    }

    @Override
    public Optional<StoredPersona> persona(String guildId, String personaId) throws Unavailable {
        reads++;
        if (down) {
            throw new Unavailable("down", null);
        }
        return Optional.ofNullable(personas.get(guildId + "/" + personaId));
    }
}
