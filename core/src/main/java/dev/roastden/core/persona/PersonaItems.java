package dev.roastden.core.persona;

/**
 * Where a server's personas live in the one table, shared by the worker (which writes them) and the handler (which
 * reads the roster for autocomplete and a persona to prefill the edit form). One item per (server, persona) and one
 * roster item per server, written together in one transaction.
 *
 * <pre>
 *   pk G#{guild}   sk PERSONA#{id}   persona (S: the persona JSON), status (S), version (N), createdBy (S),
 *                                     higherSelf (S, absent when fictional), createdAt, updatedAt (S: ISO-8601)
 *   pk G#{guild}   sk ROSTER         roster (S: {@link Roster#toJson()}), version (N)
 * </pre>
 */
public final class PersonaItems {
    public static final String PK = "pk";
    public static final String SK = "sk";
    public static final String ROSTER_SK = "ROSTER";
    public static final String PERSONA_SK_PREFIX = "PERSONA#";

    public static final String ROSTER = "roster";
    public static final String PERSONA = "persona";
    public static final String STATUS = "status";
    public static final String VERSION = "version";
    public static final String CREATED_BY = "createdBy";
    public static final String HIGHER_SELF = "higherSelf";
    public static final String CREATED_AT = "createdAt";
    public static final String UPDATED_AT = "updatedAt";

    private PersonaItems() {}

    /** The partition of a server's personas and roster. */
    public static String pk(String guildId) {
        return "G#" + guildId;
    }

    /** The sort key of one persona. */
    public static String personaSk(String personaId) {
        return PERSONA_SK_PREFIX + personaId;
    }
}
