package dev.roastden.core.model;

/**
 * Whatever writes a persona's words. On Lambda this is Claude through Bedrock's Converse API; the local system can
 * plug in an OpenAI-compatible endpoint or an offline generator. Implementations must be thread-safe.
 */
public interface PersonaModel {
    /**
     * Writes the persona's reply.
     *
     * @throws ModelException when no reply could be had; {@link ModelException#kind()} tells whether trying again
     *     can help
     */
    ModelReply generate(ModelRequest request) throws ModelException;

    /** A short label for logs and, for generators that are not a real model, for the reply itself. */
    String label();
}
