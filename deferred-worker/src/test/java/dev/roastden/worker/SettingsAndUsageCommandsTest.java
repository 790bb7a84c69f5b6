package dev.roastden.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roastden.core.interaction.DiscordUser;
import dev.roastden.core.job.DeferredJob;
import dev.roastden.core.settings.ServerSettings;
import dev.roastden.emulators.bedrock.Outcome;
import dev.roastden.worker.support.Harness;
import dev.roastden.worker.support.Jobs;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code /settings} and {@code /usage} against DynamoDB Local, through the registry the worker really uses. */
class SettingsAndUsageCommandsTest {
    private static final String CHANNEL = "1200000000000000055";
    private Harness h;

    @BeforeEach
    void start() {
        h = Harness.start();
    }

    @AfterEach
    void stop() {
        h.close();
    }

    private DeferredJob settings(DiscordUser by, String sub, Map<String, String> options) {
        return h.jobs.command("settings", Optional.of(sub), options, by, Map.of());
    }

    private String run(DeferredJob job) {
        assertThat(h.deliver(job).getBatchItemFailures()).isEmpty();
        return h.shown(job);
    }

    @Test
    void bothCommandsAreRegistered() {
        assertThat(h.wiring.commands().routes()).contains("settings", "usage");
    }

    @Test
    void onlyManagersMaySeeOrChangeTheSettings() {
        String shown = run(settings(Jobs.SAMMY, "set", Map.of("monthly_budget_usd", "100")));
        assertThat(shown).contains("Manage Server");
        assertThat(h.wiring.settings().get(Jobs.GUILD)).isEqualTo(ServerSettings.defaults());
    }

    @Test
    void aManagerChangesTheBudgetAndLimitsAndTheyAreStored() {
        String shown = run(settings(
                Jobs.ADMIN,
                "set",
                Map.of("monthly_budget_usd", "12.5", "per_server_per_hour", "40", "alerts_channel", CHANNEL)));
        assertThat(shown)
                .contains("Saved.")
                .contains("Monthly model budget: $12.50")
                .contains("per hour: 40")
                .contains("<#" + CHANNEL + ">");
        ServerSettings stored = h.wiring.settings().get(Jobs.GUILD);
        assertThat(stored.monthlyBudgetMicros()).isEqualTo(12_500_000);
        assertThat(stored.perServerPerHour()).isEqualTo(40);
        assertThat(run(settings(Jobs.ADMIN, "view", Map.of()))).contains("$12.50");
    }

    @Test
    void badValuesAreNamedAndNothingChanges() {
        String shown =
                run(settings(Jobs.ADMIN, "set", Map.of("per_member_per_minute", "0", "monthly_budget_usd", "a lot")));
        assertThat(shown)
                .contains("Nothing was changed")
                .contains("per_member_per_minute must be a whole number from 1 to 30")
                .contains("monthly_budget_usd must be an amount in dollars");
        assertThat(h.wiring.settings().get(Jobs.GUILD)).isEqualTo(ServerSettings.defaults());
        assertThat(run(settings(Jobs.ADMIN, "set", Map.of()))).contains("Name at least one setting");
    }

    @Test
    void theSoftLimitForTheFallbackModelIsSetShownAndChecked() {
        assertThat(run(settings(Jobs.ADMIN, "view", Map.of()))).contains("Cheaper fallback model: never");
        String shown = run(settings(Jobs.ADMIN, "set", Map.of("fallback_at_percent", "60")));
        assertThat(shown).contains("Saved.").contains("Cheaper fallback model: past 60% of the budget");
        assertThat(h.wiring.settings().get(Jobs.GUILD).fallbackAtPercent()).isEqualTo(60);

        assertThat(run(settings(Jobs.ADMIN, "set", Map.of("fallback_at_percent", "100"))))
                .contains("Nothing was changed")
                .contains("fallback_at_percent must be a whole number from 0 to 99, not 100.");
        assertThat(h.wiring.settings().get(Jobs.GUILD).fallbackAtPercent()).isEqualTo(60);
    }

    @Test
    void aChannelsDefaultPersonaMustBeOneOfTheServers() {
        assertThat(run(settings(Jobs.ADMIN, "channel_persona", Map.of("channel", CHANNEL, "persona", "nobody"))))
                .contains("no persona called `nobody`");
        assertThat(run(settings(Jobs.ADMIN, "channel_persona", Map.of("channel", CHANNEL, "persona", "ford"))))
                .contains("<#" + CHANNEL + "> → ford");
        assertThat(h.wiring.settings().get(Jobs.GUILD).personaFor(CHANNEL)).contains("ford");
    }

    @Test
    void usageShowsManagersTheServersMonthAndOthersTheirOwnShare() {
        h.bedrock.enqueue(
                new Outcome.Answer("Aye.", 1_000, 100, "end_turn"), new Outcome.Answer("Arr.", 1_000, 100, "end_turn"));
        h.deliver(h.jobs.ask(Jobs.SAMMY, "ford", "Weather?"));
        h.deliver(h.jobs.roast(Jobs.RILES, Jobs.SAMMY, "ford", "boats"));

        String manager = run(h.jobs.command("usage", Optional.empty(), Map.of(), Jobs.ADMIN, Map.of()));
        assertThat(manager)
                .contains("Persona replies: 2")
                .contains("2000 input, 200 output")
                .contains("Cost: $0.01 of a $5.00 budget ($5.00 left)")
                .contains("/ask 1", "/roast 1")
                .contains(WorkerConfig.DEFAULT_MODEL_ID);

        String member = run(h.jobs.command("usage", Optional.empty(), Map.of(), Jobs.SAMMY, Map.of()));
        assertThat(member)
                .contains("Your use")
                .contains("Persona replies: 1 of the server's 2")
                .doesNotContain("budget");
        assertThat(h.bedrock.calls()).hasSize(2);
    }
}
