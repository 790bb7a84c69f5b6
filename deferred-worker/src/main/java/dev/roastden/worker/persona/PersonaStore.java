package dev.roastden.worker.persona;

import dev.roastden.core.persona.Roster;
import java.util.Optional;

/**
 * A server's own personas and its roster, over the one table ({@link dev.roastden.core.persona.PersonaItems}). Every
 * write changes the persona item and the roster item in one transaction, conditional on the versions read, so the
 * roster never disagrees with the personas and two concurrent edits cannot both win. Methods throw unchecked
 * exceptions when the store is unavailable (retryable for the caller).
 */
public interface PersonaStore {

    /** The server's roster; {@link Roster#EMPTY} when it has none yet. */
    Roster roster(String guildId);

    /** The server's own persona with this id (any status). */
    Optional<ServerPersona> find(String guildId, String personaId);

    /**
     * Stores a new persona (version 1) and adds it to the roster.
     *
     * @throws Conflict when the server already has a persona with its id
     */
    void create(ServerPersona persona) throws Conflict;

    /**
     * Replaces a persona (its status, its JSON or both) and its roster entry, when it is still at {@code
     * expectedVersion}; returns it as stored (version incremented).
     *
     * @throws Conflict when it changed since it was read, or is gone
     */
    ServerPersona update(ServerPersona next, long expectedVersion) throws Conflict;

    /** Hides or shows a bundled persona in this server. */
    void setDefaultHidden(String guildId, String bundledId, boolean hidden);

    /** A write lost a race or found an id taken: nothing was changed. */
    final class Conflict extends Exception {
        private static final long serialVersionUID = 1L;

        public Conflict(String message) {
            super(message);
        }
    }
}
