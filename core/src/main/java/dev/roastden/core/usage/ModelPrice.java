package dev.roastden.core.usage;

/**
 * What one model charges, in micro-dollars per million tokens ({@code 1_000_000} is $1.00 per million).
 *
 * @param input uncached input tokens
 * @param output output tokens
 * @param cacheRead input tokens read from the prompt cache
 * @param cacheWrite input tokens written into the prompt cache
 */
public record ModelPrice(long input, long output, long cacheRead, long cacheWrite) {
    private static final long MILLION = 1_000_000L;

    public ModelPrice {
        if (input < 0 || output < 0 || cacheRead < 0 || cacheWrite < 0) {
            throw new IllegalArgumentException("Prices cannot be negative");
        }
    }

    /** A price from dollars per million tokens, for example {@code perMillion(1.00, 5.00, 0.10, 1.25)}. */
    public static ModelPrice perMillion(double input, double output, double cacheRead, double cacheWrite) {
        return new ModelPrice(micros(input), micros(output), micros(cacheRead), micros(cacheWrite));
    }

    private static long micros(double dollars) {
        return Math.round(dollars * MILLION);
    }

    /**
     * What {@code usage} costs, in micro-dollars, rounded up to the next micro-dollar so that no call is free. Exact
     * integer arithmetic: token counts times micro-dollars per million stay far below {@code Long.MAX_VALUE} for any
     * realistic call.
     */
    public long costMicros(TokenUsage usage) {
        long millionths = Math.addExact(
                Math.addExact(Math.multiplyExact(usage.input(), input), Math.multiplyExact(usage.output(), output)),
                Math.addExact(
                        Math.multiplyExact(usage.cacheRead(), cacheRead),
                        Math.multiplyExact(usage.cacheWrite(), cacheWrite)));
        return (millionths + MILLION - 1) / MILLION;
    }
}
