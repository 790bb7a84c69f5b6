package dev.roastden.core.prompt;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Keeps docs/DEPLOY.md's cost table honest: its per-interaction input tokens come from {@link PromptSize}, and its
 * statement that the Bedrock prompt cache cannot apply to Claude Haiku 4.5 (whose smallest cacheable prefix is 4,096
 * tokens) holds only while the static system text stays well below that.
 */
class PromptSizeTest {
    /** Claude Haiku 4.5's minimum tokens per cache checkpoint on Bedrock. */
    static final int HAIKU_45_MIN_CACHEABLE_TOKENS = 4_096;

    /** The input tokens per interaction the cost table assumes. */
    static final int COST_TABLE_INPUT_TOKENS = 2_100;

    @Test
    void theCachedPrefixIsFarBelowWhatHaikuCanCacheSoTheCacheNeverApplies() {
        List<PromptSize.Measure> full = PromptSize.full();
        assertThat(full).isNotEmpty();
        assertThat(full).allSatisfy(m -> assertThat(m.systemTokens()).isLessThan(HAIKU_45_MIN_CACHEABLE_TOKENS / 2));
    }

    @Test
    void theTypicalPromptFitsTheCostTablesInputTokensAndTheFullOneIsLarger() {
        List<PromptSize.Measure> typical = PromptSize.typical();
        List<PromptSize.Measure> full = PromptSize.full();
        assertThat(typical).allSatisfy(m -> assertThat(m.tokens()).isLessThanOrEqualTo(COST_TABLE_INPUT_TOKENS));
        for (int i = 0; i < typical.size(); i++) {
            assertThat(full.get(i).total()).isGreaterThan(typical.get(i).total());
            assertThat(full.get(i).system()).isEqualTo(typical.get(i).system());
        }
    }

    @Test
    void tokensAreEstimatedConservatively() {
        assertThat(PromptSize.estimateTokens(3_500)).isEqualTo(1_000);
        assertThat(PromptSize.estimateTokens(1)).isEqualTo(1);
    }
}
