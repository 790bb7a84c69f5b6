package dev.roastden.worker.persona;

import dev.roastden.core.persona.Persona;
import dev.roastden.core.persona.PersonaStatus;
import java.time.Instant;

/**
 * A persona a server owns, as stored: the persona, the JSON it was read from (with anything an import kept under
 * {@code extensions}, for export), where it is in its life, and the version every change is conditional on.
 *
 * @param json the persona JSON, valid against {@code persona.schema.json}
 * @param createdBy who created or imported it
 * @param version starts at 1; every write increments it and is conditional on the version read
 */
public record ServerPersona(
        String guildId,
        Persona persona,
        String json,
        PersonaStatus status,
        String createdBy,
        long version,
        Instant createdAt,
        Instant updatedAt) {

    public String id() {
        return persona.id();
    }
}
