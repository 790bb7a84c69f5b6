package dev.roastden.core.usage;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Per-model prices, configured rather than hard-coded: the deployment passes them (for example in the worker's
 * {@code MODEL_PRICES}) because prices differ by Region and change over time. A model is found by its exact id, then
 * by its foundation model id (the id without an inference-profile prefix such as {@code us.} or {@code global.}).
 *
 * <p>The built-in list holds Claude Haiku 4.5: $1.00 / $5.00 per million input / output tokens through the global
 * profile, and 10% more through a geographic profile or in-Region; cache reads at a tenth of the input price, cache
 * writes at 1.25 times.
 */
public final class Pricing {
    private static final Pattern PROFILE = Pattern.compile("^(us|us-gov|eu|apac|jp|au|ca|global)\\.(.+)$");
    private static final Pattern ENTRY =
            Pattern.compile("^([A-Za-z0-9.:_-]+)=([0-9.]+)/([0-9.]+)/([0-9.]+)/([0-9.]+)$");

    private static final String HAIKU_45 = "anthropic.claude-haiku-4-5-20251001-v1:0";

    private final Map<String, ModelPrice> prices;

    private Pricing(Map<String, ModelPrice> prices) {
        this.prices = Map.copyOf(prices);
    }

    public static Pricing of(Map<String, ModelPrice> prices) {
        return new Pricing(prices);
    }

    /** Claude Haiku 4.5, global and geographic. */
    public static Pricing builtIn() {
        return of(Map.of(
                "global." + HAIKU_45,
                ModelPrice.perMillion(1.00, 5.00, 0.10, 1.25),
                HAIKU_45,
                ModelPrice.perMillion(1.10, 5.50, 0.11, 1.375)));
    }

    /**
     * The built-in prices with {@code config} on top: entries {@code modelId=input/output/cacheRead/cacheWrite} in
     * dollars per million tokens, separated by {@code ;} or {@code ,}. A malformed entry throws, naming it.
     */
    public static Pricing builtInWith(String config) {
        Map<String, ModelPrice> prices = new TreeMap<>(builtIn().prices);
        for (String raw : config.split("[;,]")) {
            String entry = raw.strip();
            if (entry.isEmpty()) {
                continue;
            }
            Matcher m = ENTRY.matcher(entry);
            if (!m.matches()) {
                throw new IllegalArgumentException("A model price must read modelId=input/output/cacheRead/cacheWrite"
                        + " in dollars per million tokens, got: " + entry);
            }
            prices.put(
                    m.group(1),
                    ModelPrice.perMillion(
                            Double.parseDouble(m.group(2)),
                            Double.parseDouble(m.group(3)),
                            Double.parseDouble(m.group(4)),
                            Double.parseDouble(m.group(5))));
        }
        return of(prices);
    }

    /** The price of {@code modelId}: by exact id, else by its foundation model id. */
    public Optional<ModelPrice> priceOf(String modelId) {
        ModelPrice exact = prices.get(modelId);
        if (exact != null) {
            return Optional.of(exact);
        }
        Matcher m = PROFILE.matcher(modelId.toLowerCase(Locale.ROOT));
        return m.matches() ? Optional.ofNullable(prices.get(m.group(2))) : Optional.empty();
    }

    /** What {@code usage} of {@code modelId} costs in micro-dollars; empty when the model has no price. */
    public Optional<Long> costMicros(String modelId, TokenUsage usage) {
        return priceOf(modelId).map(price -> price.costMicros(usage));
    }
}
