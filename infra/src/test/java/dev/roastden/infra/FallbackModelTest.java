package dev.roastden.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The fallback model reaches the worker only when it is configured: its id and price in the worker's environment,
 * and permission to invoke it; the default stack has neither. The settings file takes the model and its price
 * together.
 */
class FallbackModelTest {
    private static Map<String, Object> workerVariables(Synthesized.Result result) {
        return Cfn.map(Cfn.map(Cfn.properties(Cfn.resource(result.template(), Contracts.WORKER_LOGICAL_ID))
                        .get("Environment"))
                .get("Variables"));
    }

    @Test
    void aConfiguredFallbackModelIsPassedToTheWorkerWithItsPriceAndMayBeInvoked() {
        Synthesized.Result adopting = Synthesized.adopting();
        assertThat(workerVariables(adopting))
                .containsEntry("FALLBACK_MODEL_ID", "us.amazon.nova-micro-v1:0")
                .containsEntry("MODEL_PRICES", "us.amazon.nova-micro-v1:0=0.035/0.14/0.00875/0");
        String role = Cfn.logicalId(adopting.stack().worker().role());
        assertThat(Cfn.allowing(adopting.template(), role, "bedrock:InvokeModel"))
                .anySatisfy(s ->
                        assertThat(s.resources().toString()).contains("inference-profile/us.amazon.nova-micro-v1:0"))
                .anySatisfy(
                        s -> assertThat(s.resources().toString()).contains("foundation-model/amazon.nova-micro-v1:0"));
    }

    @Test
    void withoutOneTheWorkerGetsNoFallbackAndNoPermissionForIt() {
        Synthesized.Result plain = Synthesized.defaults();
        assertThat(workerVariables(plain)).doesNotContainKeys("FALLBACK_MODEL_ID", "MODEL_PRICES");
        String role = Cfn.logicalId(plain.stack().worker().role());
        assertThat(Cfn.allowing(plain.template(), role, "bedrock:InvokeModel"))
                .noneSatisfy(s -> assertThat(s.resources().toString()).contains("nova"));
    }

    @Test
    void theSettingsFileTakesTheModelAndItsPriceTogether() {
        Function<Map<String, Object>, Settings> read = file -> Settings.from(key -> null, file);
        Settings both = read.apply(
                Map.of("fallbackModelId", "us.amazon.nova-micro-v1:0", "fallbackModelPrice", "0.035/0.14/0.00875/0"));
        assertThat(both.fallbackModel().orElseThrow().priceEntry())
                .isEqualTo("us.amazon.nova-micro-v1:0=0.035/0.14/0.00875/0");
        assertThat(read.apply(Map.of()).fallbackModel()).isEmpty();
        assertThatThrownBy(() -> read.apply(Map.of("fallbackModelId", "us.amazon.nova-micro-v1:0")))
                .hasMessageContaining("fallbackModelPrice");
        assertThatThrownBy(() -> read.apply(
                        Map.of("fallbackModelId", "us.amazon.nova-micro-v1:0", "fallbackModelPrice", "cheap")))
                .hasMessageContaining("input/output/cacheRead/cacheWrite");
    }
}
