package dev.roastden.handler;

import dev.roastden.core.persona.Persona;
import dev.roastden.core.persona.PersonaStatus;
import dev.roastden.core.persona.Roster;
import java.util.Optional;

/**
 * The handler's only reads of state: one small item per request, for the answers that cannot be given without it
 * (autocomplete from the server's roster, the edit form prefilled with the stored persona). Every read is bounded
 * in time; a read that fails or is too slow throws {@link Unavailable} and the caller answers without it, so a slow
 * or absent table never costs Discord's 3 seconds or an error.
 */
public interface PersonaReads {
    /** Reads that are never available: no table configured (autocomplete falls back to the bundled personas). */
    PersonaReads NONE = new PersonaReads() {
        @Override
        public Roster roster(String guildId) throws Unavailable {
            throw new Unavailable("No persona table is configured", null);
        }

        @Override
        public Optional<StoredPersona> persona(String guildId, String personaId) throws Unavailable {
            throw new Unavailable("No persona table is configured", null);
        }
    };

    /** The server's roster; {@link Roster#EMPTY} when it has none yet. */
    Roster roster(String guildId) throws Unavailable;

    /** The server's own persona {@code personaId}; empty when the server has none with that id. */
    Optional<StoredPersona> persona(String guildId, String personaId) throws Unavailable;

    /**
     * A server persona as stored.
     *
     * @param persona the persona, its Higher Self taken from the item
     * @param version the optimistic-concurrency version the edit form carries back
     */
    record StoredPersona(Persona persona, long version, PersonaStatus status) {}

    /** The read did not complete in time or failed; the message never carries a secret. */
    final class Unavailable extends Exception {
        public Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
