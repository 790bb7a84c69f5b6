package dev.roastden.core.persona;

import java.util.Optional;

/**
 * One persona as the server's roster lists it: enough for autocomplete and for knowing who may speak, without
 * reading the persona itself.
 *
 * @param higherSelf the member behind it; empty for a fictional persona
 */
public record RosterEntry(String id, String name, String tagline, PersonaStatus status, Optional<String> higherSelf) {

    /** The entry for a persona in a given status. */
    public static RosterEntry of(Persona persona, PersonaStatus status) {
        return new RosterEntry(persona.id(), persona.name(), persona.tagline(), status, persona.higherSelf());
    }
}
