package dev.roastden.core.model;

import dev.roastden.core.prompt.Prompt;
import dev.roastden.core.prompt.PromptInput;

/**
 * One generation.
 *
 * @param prompt the rendered prompt (what a real model reads)
 * @param input the structured input the prompt was built from (what an offline generator can use instead)
 * @param maxTokens the most tokens the reply may have
 */
public record ModelRequest(Prompt prompt, PromptInput input, int maxTokens) {
    public ModelRequest {
        if (maxTokens < 1) {
            throw new IllegalArgumentException("maxTokens must be positive");
        }
    }
}
