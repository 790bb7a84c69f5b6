package dev.roastden.core.usage;

/**
 * Tokens one model call used, as the model reports them.
 *
 * @param input input tokens read at the full price (not from or into the prompt cache)
 * @param output tokens written
 * @param cacheRead input tokens read from the prompt cache
 * @param cacheWrite input tokens written into the prompt cache
 */
public record TokenUsage(long input, long output, long cacheRead, long cacheWrite) {
    public static final TokenUsage NONE = new TokenUsage(0, 0, 0, 0);

    public TokenUsage {
        if (input < 0 || output < 0 || cacheRead < 0 || cacheWrite < 0) {
            throw new IllegalArgumentException("Token counts cannot be negative");
        }
    }

    public TokenUsage plus(TokenUsage other) {
        return new TokenUsage(
                input + other.input, output + other.output, cacheRead + other.cacheRead, cacheWrite + other.cacheWrite);
    }

    /** Every input token, cached or not. */
    public long totalInput() {
        return input + cacheRead + cacheWrite;
    }
}
