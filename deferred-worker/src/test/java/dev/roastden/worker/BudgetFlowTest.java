package dev.roastden.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roastden.core.job.DeferredJob;
import dev.roastden.core.settings.ServerSettings;
import dev.roastden.core.usage.TokenUsage;
import dev.roastden.emulators.bedrock.Outcome;
import dev.roastden.worker.support.Harness;
import dev.roastden.worker.support.Jobs;
import dev.roastden.worker.usage.UsageTotals;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Budgets against DynamoDB Local and the Bedrock and Discord emulators: every model call is counted and priced per
 * server, a server past its monthly budget is closed without a model call, the managers are told once at 80% and at
 * 100%, and a member past the daily cap waits for tomorrow.
 */
class BudgetFlowTest {
    private Harness h;

    /** 1,000 input and 100 output tokens through a US profile: 1,000 × $1.10 + 100 × $5.50 per million = 1,650 µ$. */
    private static final long CALL_MICROS = 1_650;

    @BeforeEach
    void start() {
        h = Harness.start();
    }

    @AfterEach
    void stop() {
        h.close();
    }

    private static Outcome.Answer answer() {
        return new Outcome.Answer("Seen better seamanship from a rubber duck, Riles.", 1_000, 100, "end_turn");
    }

    private YearMonth month() {
        return YearMonth.from(LocalDate.ofInstant(h.clock.instant(), ZoneOffset.UTC));
    }

    private void budget(String dollars, Map<String, String> more) {
        Map<String, String> options = new java.util.HashMap<>(more);
        options.put("monthly_budget_usd", dollars);
        ServerSettings settings =
                ((ServerSettings.Change.Applied) ServerSettings.defaults().with(options)).settings();
        h.wiring.settings().put(Jobs.GUILD, settings, Jobs.ADMIN.id());
    }

    private void alreadySpent(long micros) {
        h.wiring
                .usage()
                .record(
                        Jobs.GUILD,
                        LocalDate.ofInstant(h.clock.instant(), ZoneOffset.UTC),
                        Jobs.RILES.id(),
                        "roast",
                        "earlier",
                        TokenUsage.NONE,
                        micros);
    }

    @Test
    void everyModelCallIsCountedAndPricedForTheServerItsMemberAndItsCommand() {
        h.bedrock.enqueue(answer());
        DeferredJob job = h.jobs.roast(Jobs.SAMMY, Jobs.RILES, "ford", "their sourdough phase");

        assertThat(h.deliver(job).getBatchItemFailures()).isEmpty();

        UsageTotals month = h.wiring.usage().month(Jobs.GUILD, month());
        assertThat(month.calls()).isEqualTo(1);
        assertThat(month.tokens()).isEqualTo(new TokenUsage(1_000, 100, 0, 0));
        assertThat(month.costMicros()).isEqualTo(CALL_MICROS);
        assertThat(month.commands()).containsEntry("roast", 1L);
        assertThat(h.wiring.usage().memberMonth(Jobs.GUILD, Jobs.SAMMY.id(), month()))
                .isEqualTo(new UsageTotals.Member(1, CALL_MICROS));
        assertThat(month.models()).containsEntry(WorkerConfig.DEFAULT_MODEL_ID, 1L);
        UsageTotals day = h.wiring.usage().day(Jobs.GUILD, LocalDate.ofInstant(h.clock.instant(), ZoneOffset.UTC));
        assertThat(day.calls()).isEqualTo(1);
        assertThat(day.costMicros()).isEqualTo(CALL_MICROS);
    }

    @Test
    void forgetMeDeletesTheMembersUsageButTheServerTotalsNameNobodyAndStay() {
        h.bedrock.enqueue(answer());
        h.deliver(h.jobs.ask(Jobs.SAMMY, "ford", "Weather?"));
        LocalDate today = LocalDate.ofInstant(h.clock.instant(), ZoneOffset.UTC);
        assertThat(h.wiring
                        .usage()
                        .memberDay(Jobs.GUILD, Jobs.SAMMY.id(), today)
                        .calls())
                .isEqualTo(1);

        h.deliver(h.jobs.forgetMe(Jobs.SAMMY));

        assertThat(h.wiring.usage().memberDay(Jobs.GUILD, Jobs.SAMMY.id(), today))
                .isEqualTo(UsageTotals.Member.NONE);
        assertThat(h.wiring.usage().memberMonth(Jobs.GUILD, Jobs.SAMMY.id(), month()))
                .isEqualTo(UsageTotals.Member.NONE);
        assertThat(h.wiring.usage().month(Jobs.GUILD, month()).calls()).isEqualTo(1);
    }

    @Test
    void aServerOverItsBudgetGetsTheClosedAnswerAndNoModelCall() {
        budget("1", Map.of());
        alreadySpent(1_000_000);
        DeferredJob job = h.jobs.roast(Jobs.SAMMY, Jobs.RILES, "ford", "their sourdough phase");

        assertThat(h.deliver(job).getBatchItemFailures()).isEmpty();

        assertThat(h.bedrock.calls()).isEmpty();
        YearMonth next = month().plusMonths(1);
        assertThat(h.shown(job))
                .contains("used up this server's model budget")
                .contains("closed until "
                        + next.getMonth().getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.ENGLISH)
                        + " 1")
                .contains("/settings set monthly_budget_usd");
        assertThat(h.wiring.usage().month(Jobs.GUILD, month()).calls()).isEqualTo(1);
    }

    @Test
    void managersAreToldOnceAtEightyAndOnceAtAHundredPercentUnderTheReplyWithoutAnAlertsChannel() {
        budget("0.01", Map.of()); // 10,000 µ$
        alreadySpent(7_000);
        h.bedrock.enqueue(answer(), answer(), answer());

        DeferredJob first = h.jobs.ask(Jobs.SAMMY, "ford", "Weather?"); // 8,650: past 80%
        h.deliver(first);
        assertThat(h.shown(first)).contains("used 80% of its model budget").contains("$0.01 of $0.01");

        DeferredJob second = h.jobs.ask(Jobs.SAMMY, "ford", "Tide?"); // 10,300: past 100%
        h.deliver(second);
        assertThat(h.shown(second)).contains("used its whole model budget").doesNotContain("80%");

        DeferredJob third = h.jobs.ask(Jobs.SAMMY, "ford", "Wind?");
        h.deliver(third);
        assertThat(h.shown(third)).contains("closed until");
        assertThat(h.bedrock.calls()).hasSize(2);
    }

    @Test
    void withAnAlertsChannelTheWarningGoesThereOnceAndNotUnderTheReply() {
        h.close();
        h = Harness.start(b -> b.botToken(() -> "test-bot-token"));
        String alerts = "1200000000000000077";
        budget("0.01", Map.of("alerts_channel", alerts));
        alreadySpent(7_000);
        h.bedrock.enqueue(answer());

        DeferredJob job = h.jobs.ask(Jobs.SAMMY, "ford", "Weather?");
        h.deliver(job);

        assertThat(h.shown(job)).doesNotContain("Heads-up");
        assertThat(h.discord.channelMessages(alerts))
                .singleElement()
                .satisfies(m -> assertThat(m.path("content").asText()).contains("used 80% of its model budget"));
    }

    @Test
    void anAlertThatCannotBePostedIsNotInTheWayOfTheReply() {
        // This harness has no bot token to post with: the alert fails, the member's reply does not.
        String alerts = "1200000000000000077";
        budget("0.01", Map.of("alerts_channel", alerts));
        alreadySpent(7_000);
        h.bedrock.enqueue(answer());

        DeferredJob job = h.jobs.ask(Jobs.SAMMY, "ford", "Weather?");
        assertThat(h.deliver(job).getBatchItemFailures()).isEmpty();

        assertThat(h.shown(job)).contains("rubber duck");
        assertThat(h.discord.channelMessages(alerts)).isEmpty();
    }

    @Test
    void aMemberPastTheDailyCapWaitsForTomorrowWithoutAModelCall() {
        budget("5", Map.of("daily_cap_per_member", "1"));
        h.bedrock.enqueue(answer(), answer());

        h.deliver(h.jobs.ask(Jobs.SAMMY, "ford", "Weather?"));
        DeferredJob again = h.jobs.ask(Jobs.SAMMY, "ford", "Tide?");
        h.deliver(again);

        assertThat(h.bedrock.calls()).hasSize(1);
        assertThat(h.shown(again)).contains("your 1 persona replies for today");

        DeferredJob someoneElse = h.jobs.ask(Jobs.RILES, "ford", "Tide?");
        h.deliver(someoneElse);
        assertThat(h.bedrock.calls()).hasSize(2);
    }

    @Test
    void theServersOwnRateLimitReplacesTheHardCodedOne() {
        budget("5", Map.of("per_member_per_minute", "1"));
        h.bedrock.enqueue(answer(), answer());

        h.deliver(h.jobs.ask(Jobs.SAMMY, "ford", "Weather?"));
        DeferredJob again = h.jobs.ask(Jobs.SAMMY, "ford", "Tide?");
        h.deliver(again);

        assertThat(h.bedrock.calls()).hasSize(1);
        assertThat(h.shown(again)).contains("breather");
    }

    @Test
    void theNextMonthStartsFromZero() {
        budget("1", Map.of());
        alreadySpent(1_000_000);
        h.clock.set(YearMonth.from(LocalDate.ofInstant(h.clock.instant(), ZoneOffset.UTC))
                .plusMonths(1)
                .atDay(1)
                .atStartOfDay()
                .toInstant(ZoneOffset.UTC)
                .plusSeconds(60));
        h.bedrock.enqueue(answer());
        DeferredJob job = h.jobs.ask(Jobs.SAMMY, "ford", "Weather?");

        h.deliver(job);

        assertThat(h.bedrock.calls()).hasSize(1);
        assertThat(h.shown(job)).doesNotContain("closed");
    }
}
