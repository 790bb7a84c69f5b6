package dev.roastden.core.model;

import java.time.Duration;

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

    /**
     * Writes the persona's reply within {@code timeout}. Models that can bound a call give up when it runs out and
     * throw a {@link ModelException.Kind#TRANSIENT} failure; the default ignores the bound.
     *
     * @param timeout how long this call may take at most
     * @throws ModelException when no reply could be had in time
     */
    default ModelReply generate(ModelRequest request, Duration timeout) throws ModelException {
        return generate(request);
    }

    /** A short label for logs and, for generators that are not a real model, for the reply itself. */
    String label();
}
