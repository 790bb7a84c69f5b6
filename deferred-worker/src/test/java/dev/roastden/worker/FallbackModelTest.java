package dev.roastden.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roastden.core.settings.ServerSettings;
import dev.roastden.core.usage.ModelPrice;
import dev.roastden.core.usage.Pricing;
import dev.roastden.core.usage.TokenUsage;
import dev.roastden.emulators.bedrock.ConverseCall;
import dev.roastden.emulators.bedrock.Outcome;
import dev.roastden.worker.support.Harness;
import dev.roastden.worker.support.Jobs;
import dev.roastden.worker.usage.UsageTotals;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The cheaper fallback model against DynamoDB Local and the Bedrock emulator: below a server's soft limit the model
 * call goes to the configured model, past it to the deployment's fallback model, and each call is priced at the price
 * of the model that answered.
 */
class FallbackModelTest {
    private static final String FALLBACK = "us.amazon.nova-micro-v1:0";
    /** 1,000 input and 100 output tokens at $0.10 / $0.40 per million: 100 + 40 µ$. */
    private static final long FALLBACK_CALL_MICROS = 140;
    /** The same tokens through Haiku 4.5's US profile: 1,100 + 550 µ$. */
    private static final long DEFAULT_CALL_MICROS = 1_650;

    private Harness h;

    @AfterEach
    void stop() {
        if (h != null) {
            h.close();
        }
    }

    private void start(Optional<String> fallback) {
        h = Harness.withConfig(
                c -> c.withFallbackModelId(fallback),
                b -> b.pricing(Pricing.of(Map.of(
                        FALLBACK,
                        ModelPrice.perMillion(0.10, 0.40, 0.01, 0.0),
                        WorkerConfig.DEFAULT_MODEL_ID,
                        ModelPrice.perMillion(1.10, 5.50, 0.11, 1.375)))));
    }

    @Test
    void belowTheSoftLimitTheConfiguredModelAnswersAndIsPricedAsItself() {
        start(Optional.of(FALLBACK));
        settings("1", "50");
        alreadySpent(499_000);
        h.bedrock.enqueue(answer());

        assertThat(h.deliver(h.jobs.ask(Jobs.SAMMY, "ford", "Weather?")).getBatchItemFailures())
                .isEmpty();

        assertThat(modelCalled()).isEqualTo(WorkerConfig.DEFAULT_MODEL_ID);
        UsageTotals month = h.wiring.usage().month(Jobs.GUILD, YearMonth.from(today()));
        assertThat(month.costMicros()).isEqualTo(499_000 + DEFAULT_CALL_MICROS);
        assertThat(month.models()).containsEntry(WorkerConfig.DEFAULT_MODEL_ID, 1L);
    }

    @Test
    void pastTheSoftLimitTheFallbackModelAnswersAndIsPricedAtItsOwnPrice() {
        start(Optional.of(FALLBACK));
        settings("1", "50");
        alreadySpent(500_000);
        h.bedrock.enqueue(answer());
        var job = h.jobs.roast(Jobs.SAMMY, Jobs.RILES, "ford", "their sourdough phase");

        assertThat(h.deliver(job).getBatchItemFailures()).isEmpty();

        assertThat(modelCalled()).isEqualTo(FALLBACK);
        assertThat(h.shown(job)).contains("rubber duck");
        UsageTotals month = h.wiring.usage().month(Jobs.GUILD, YearMonth.from(today()));
        assertThat(month.costMicros()).isEqualTo(500_000 + FALLBACK_CALL_MICROS);
        assertThat(month.models()).containsEntry(FALLBACK, 1L).doesNotContainKey(WorkerConfig.DEFAULT_MODEL_ID);
    }

    @Test
    void withTheSoftLimitOffTheConfiguredModelAnswersHoweverMuchIsSpent() {
        start(Optional.of(FALLBACK));
        settings("1", "0");
        alreadySpent(990_000);
        h.bedrock.enqueue(answer());

        h.deliver(h.jobs.ask(Jobs.SAMMY, "ford", "Weather?"));

        assertThat(modelCalled()).isEqualTo(WorkerConfig.DEFAULT_MODEL_ID);
    }

    @Test
    void aDeploymentWithoutAFallbackModelKeepsItsModelPastTheSoftLimit() {
        start(Optional.empty());
        settings("1", "50");
        alreadySpent(900_000);
        h.bedrock.enqueue(answer());

        h.deliver(h.jobs.ask(Jobs.SAMMY, "ford", "Weather?"));

        assertThat(modelCalled()).isEqualTo(WorkerConfig.DEFAULT_MODEL_ID);
    }

    private static Outcome.Answer answer() {
        return new Outcome.Answer("Seen better seamanship from a rubber duck, Riles.", 1_000, 100, "end_turn");
    }

    private LocalDate today() {
        return LocalDate.ofInstant(h.clock.instant(), ZoneOffset.UTC);
    }

    private void settings(String budgetUsd, String fallbackAtPercent) {
        ServerSettings s = ((ServerSettings.Change.Applied) ServerSettings.defaults()
                        .with(Map.of("monthly_budget_usd", budgetUsd, "fallback_at_percent", fallbackAtPercent)))
                .settings();
        h.wiring.settings().put(Jobs.GUILD, s, Jobs.ADMIN.id());
    }

    private void alreadySpent(long micros) {
        h.wiring.usage().record(Jobs.GUILD, today(), Jobs.RILES.id(), "roast", "earlier", TokenUsage.NONE, micros);
    }

    private String modelCalled() {
        return h.bedrock.calls().stream()
                .map(ConverseCall::modelId)
                .reduce((first, last) -> last)
                .orElseThrow();
    }
}
