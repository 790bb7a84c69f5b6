package dev.roastden.worker.support;

import dev.roastden.core.json.StreamingJson;
import dev.roastden.core.persona.Persona;
import dev.roastden.core.persona.PersonaCatalog;
import dev.roastden.core.persona.PersonaStatus;
import dev.roastden.worker.persona.PersonaStore;
import dev.roastden.worker.persona.ServerPersona;
import java.time.Instant;
import java.util.Optional;

/** Server personas for tests, stored through the real persona store. */
public final class TestPersonas {
    private static final Instant CREATED = Instant.parse("2026-12-01T12:00:00Z");

    private TestPersonas() {}

    /** A persona JSON valid against the schema. */
    public static String json(String id, String name, Optional<String> higherSelf) {
        return "{\"id\":\"" + id + "\",\"name\":\"" + name + "\","
                + higherSelf.map(h -> "\"higher_self\":\"" + h + "\",").orElse("")
                + "\"tagline\":\"" + id + " tagline\",\"summary\":\"" + name + " is a test persona.\","
                + "\"traits\":[\"dry\"],\"speech_patterns\":[\"short\"],\"roast_style\":\"gentle\"}";
    }

    public static ServerPersona persona(
            String guild, String id, String name, Optional<String> higherSelf, PersonaStatus status) {
        String json = json(id, name, higherSelf);
        return new ServerPersona(guild, parse(json), json, status, "100000000000000007", 0, CREATED, CREATED);
    }

    /** Stores a new server persona in this status. */
    public static ServerPersona create(
            Harness h, String id, String name, Optional<String> higherSelf, PersonaStatus status) {
        ServerPersona persona = persona(Jobs.GUILD, id, name, higherSelf, status);
        try {
            h.wiring.personaStore().create(persona);
        } catch (PersonaStore.Conflict e) {
            throw new IllegalStateException(e);
        }
        return h.wiring.personaStore().find(Jobs.GUILD, id).orElseThrow();
    }

    /** Moves a stored persona to another status. */
    public static void setStatus(Harness h, String id, PersonaStatus status) {
        ServerPersona p = h.wiring.personaStore().find(Jobs.GUILD, id).orElseThrow();
        try {
            h.wiring
                    .personaStore()
                    .update(
                            new ServerPersona(
                                    p.guildId(),
                                    p.persona(),
                                    p.json(),
                                    status,
                                    p.createdBy(),
                                    p.version(),
                                    p.createdAt(),
                                    p.updatedAt()),
                            p.version());
        } catch (PersonaStore.Conflict e) {
            throw new IllegalStateException(e);
        }
    }

    public static Persona parse(String json) {
        try {
            return PersonaCatalog.parse(
                    StreamingJson.object(StreamingJson.read(json)).orElseThrow());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
