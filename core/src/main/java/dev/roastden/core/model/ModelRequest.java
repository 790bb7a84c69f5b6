package dev.roastden.core.model;

import dev.roastden.core.prompt.Prompt;
import dev.roastden.core.prompt.PromptInput;
import java.util.Objects;
import java.util.Optional;

/**
 * One generation.
 *
 * @param prompt the rendered prompt (what a real model reads)
 * @param input the structured input the prompt was built from (what an offline generator can use instead)
 * @param maxTokens the most tokens the reply may have
 * @param model another model id to call instead of the configured one (a server past its soft budget limit gets the
 *     deployment's cheaper fallback model); a model that has no choice of models (offline, OpenAI-compatible)
 *     ignores it
 */
public record ModelRequest(Prompt prompt, PromptInput input, int maxTokens, Optional<String> model) {
    public ModelRequest {
        if (maxTokens < 1) {
            throw new IllegalArgumentException("maxTokens must be positive");
        }
        Objects.requireNonNull(model, "model");
        model = model.map(String::strip).filter(id -> !id.isEmpty());
    }

    /** A request for the configured model. */
    public ModelRequest(Prompt prompt, PromptInput input, int maxTokens) {
        this(prompt, input, maxTokens, Optional.empty());
    }
}
