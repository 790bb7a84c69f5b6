package dev.roastden.infra.worker;

import java.util.Objects;

/**
 * The cheaper model the worker calls for a server past its soft budget limit, and its price, which the worker needs
 * to count usage in dollars (prices differ by Region and change, so they are configured, not built in).
 *
 * @param model the Bedrock model or inference profile
 * @param price dollars per million tokens as {@code input/output/cacheRead/cacheWrite}, for example
 *     {@code 0.035/0.14/0.00875/0}
 */
public record FallbackModel(BedrockModel model, String price) {
    public FallbackModel {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(price, "price");
        if (!price.matches("^[0-9]+(\\.[0-9]+)?(/[0-9]+(\\.[0-9]+)?){3}$")) {
            throw new IllegalArgumentException("fallbackModelPrice must be input/output/cacheRead/cacheWrite in"
                    + " dollars per million tokens, for example 0.035/0.14/0.00875/0, got " + price);
        }
    }

    /** The worker's {@code MODEL_PRICES} entry for this model. */
    public String priceEntry() {
        return model.modelId() + "=" + price;
    }
}
