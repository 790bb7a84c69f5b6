package dev.roastden.core.model;

/**
 * What the model wrote.
 *
 * @param text the reply text
 * @param inputTokens tokens read, as the model reports them (0 when unknown)
 * @param outputTokens tokens written (0 when unknown)
 * @param blocked whether a content filter or guardrail replaced the answer; {@code text} is then the filter's
 *     message and should not be stored as something the persona said
 */
public record ModelReply(String text, int inputTokens, int outputTokens, boolean blocked) {
    public static ModelReply of(String text) {
        return new ModelReply(text, 0, 0, false);
    }
}
