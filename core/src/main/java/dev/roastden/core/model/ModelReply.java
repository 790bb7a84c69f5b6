package dev.roastden.core.model;

/**
 * What the model wrote.
 *
 * @param text the reply text
 * @param inputTokens input tokens read at the full price, as the model reports them (0 when unknown)
 * @param outputTokens tokens written (0 when unknown)
 * @param blocked whether a content filter or guardrail replaced the answer; {@code text} is then the filter's
 *     message and should not be stored as something the persona said
 * @param cacheReadTokens input tokens read from the prompt cache (0 when none or unknown)
 * @param cacheWriteTokens input tokens written into the prompt cache (0 when none or unknown)
 */
public record ModelReply(
        String text, int inputTokens, int outputTokens, boolean blocked, int cacheReadTokens, int cacheWriteTokens) {
    /** A reply without prompt-cache figures. */
    public ModelReply(String text, int inputTokens, int outputTokens, boolean blocked) {
        this(text, inputTokens, outputTokens, blocked, 0, 0);
    }

    public static ModelReply of(String text) {
        return new ModelReply(text, 0, 0, false);
    }
}
