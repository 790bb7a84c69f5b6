package dev.roastden.core.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PricingTest {
    private static final String GLOBAL = "global.anthropic.claude-haiku-4-5-20251001-v1:0";
    private static final String US = "us.anthropic.claude-haiku-4-5-20251001-v1:0";

    @Test
    void pricesEveryKindOfTokenAtItsOwnRate() {
        ModelPrice price = ModelPrice.perMillion(1.00, 5.00, 0.10, 1.25);
        assertThat(price.costMicros(new TokenUsage(1_000_000, 0, 0, 0))).isEqualTo(1_000_000);
        assertThat(price.costMicros(new TokenUsage(0, 1_000_000, 0, 0))).isEqualTo(5_000_000);
        assertThat(price.costMicros(new TokenUsage(0, 0, 1_000_000, 0))).isEqualTo(100_000);
        assertThat(price.costMicros(new TokenUsage(0, 0, 0, 1_000_000))).isEqualTo(1_250_000);
        // A typical roast: 1,300 input and 120 output tokens = $0.0013 + $0.0006.
        assertThat(price.costMicros(new TokenUsage(1_300, 120, 0, 0))).isEqualTo(1_900);
    }

    @Test
    void roundsUpSoThatNoCallIsFree() {
        ModelPrice price = ModelPrice.perMillion(1.00, 5.00, 0.10, 1.25);
        assertThat(price.costMicros(new TokenUsage(0, 0, 1, 0))).isEqualTo(1);
        assertThat(price.costMicros(TokenUsage.NONE)).isZero();
    }

    @Test
    void theGlobalProfileIsCheaperThanAGeographicOneAndProfilesFallBackToTheFoundationModel() {
        Pricing pricing = Pricing.builtIn();
        TokenUsage usage = new TokenUsage(2_000, 200, 0, 0);
        assertThat(pricing.costMicros(GLOBAL, usage)).contains(3_000L);
        assertThat(pricing.costMicros(US, usage)).contains(3_300L);
        assertThat(pricing.costMicros("eu.anthropic.claude-haiku-4-5-20251001-v1:0", usage))
                .contains(3_300L);
        assertThat(pricing.costMicros("anthropic.claude-unknown-v1:0", usage)).isEmpty();
    }

    @Test
    void configuredPricesOverrideAndAddModels() {
        Pricing pricing = Pricing.builtInWith(
                "global.anthropic.claude-haiku-4-5-20251001-v1:0=2/10/0.2/2.5; amazon.nova-micro-v1:0=0.035/0.14/0/0");
        assertThat(pricing.costMicros(GLOBAL, new TokenUsage(1_000_000, 0, 0, 0)))
                .contains(2_000_000L);
        assertThat(pricing.costMicros("amazon.nova-micro-v1:0", new TokenUsage(1_000_000, 1_000_000, 0, 0)))
                .contains(175_000L);
        assertThatThrownBy(() -> Pricing.builtInWith("global.x=1/2"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("global.x=1/2");
    }

    @Test
    void usageAddsUpAndRefusesNegativeCounts() {
        TokenUsage sum = new TokenUsage(1, 2, 3, 4).plus(new TokenUsage(10, 20, 30, 40));
        assertThat(sum).isEqualTo(new TokenUsage(11, 22, 33, 44));
        assertThat(sum.totalInput()).isEqualTo(11 + 33 + 44);
        assertThatThrownBy(() -> new TokenUsage(-1, 0, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
