package dev.roastden.core.mention;

import dev.roastden.core.persona.Persona;

/**
 * The persona that answers a mention, and why it was picked.
 *
 * @param persona the persona
 * @param source where the choice came from
 */
public record PersonaChoice(Persona persona, Source source) {
    /** Where a persona choice came from, in order of precedence. */
    public enum Source {
        /** The message addresses it by id or name right after the mention ("@RoastDen ford, roast Sam"). */
        NAMED,
        /** The channel's default ({@code GATEWAY_CHANNEL_PERSONAS}). */
        CHANNEL,
        /** The server's default ({@code GATEWAY_SERVER_PERSONAS}). */
        SERVER,
        /** The deployment's default ({@code GATEWAY_DEFAULT_PERSONA}). */
        DEFAULT,
        /** Nothing configured: the first persona of the catalog. */
        FIRST
    }
}
