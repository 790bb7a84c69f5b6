package dev.roastden.worker.usage;

import dev.roastden.core.memory.RateLimit;
import dev.roastden.core.model.ModelReply;
import dev.roastden.core.settings.ServerSettings;
import dev.roastden.core.usage.Pricing;
import dev.roastden.core.usage.TokenUsage;
import dev.roastden.worker.commands.Limits;
import dev.roastden.worker.settings.SettingsStore;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A server's spending rules, applied around every model call: before it, a server past its monthly budget is closed
 * until the first of next month and a member past the daily cap waits for tomorrow (UTC), both without a model call;
 * after it, the call's tokens are priced and added to the server's counters, and the managers are told once a month
 * when 80% and when 100% of the budget are used: in the alerts channel when one is set, else in a line under the
 * reply that crossed it. The rate limits come from the server's settings too. Past a server's soft limit (a share of
 * the budget it chose) the call goes to the deployment's cheaper fallback model, when it has one, and is priced at
 * that model's price: usage is always counted for the model that answered.
 */
public final class Budgets {
    private static final Logger LOG = LoggerFactory.getLogger(Budgets.class);

    private final SettingsStore settings;
    private final UsageStore usage;
    private final Pricing pricing;
    private final String modelId;
    private final Optional<String> fallbackModelId;
    private final Clock clock;
    private final AlertSink alerts;
    private final Optional<Limits> fixedLimits;

    /**
     * @param modelId the model calls go to
     * @param fallbackModelId the cheaper model calls go to past a server's soft limit; empty: none is deployed
     * @param fixedLimits rate limits that replace the servers' own (tests and benchmarks); empty in production
     */
    public Budgets(
            SettingsStore settings,
            UsageStore usage,
            Pricing pricing,
            String modelId,
            Optional<String> fallbackModelId,
            Clock clock,
            AlertSink alerts,
            Optional<Limits> fixedLimits) {
        this.settings = settings;
        this.usage = usage;
        this.pricing = pricing;
        this.modelId = modelId;
        this.fallbackModelId = fallbackModelId.filter(id -> !id.isBlank() && !id.equals(modelId));
        this.clock = clock;
        this.alerts = alerts;
        this.fixedLimits = fixedLimits;
    }

    /** Whether a model call may happen for {@code memberId} in {@code scope}, and under which limits. */
    public sealed interface Gate {
        /**
         * The call may happen.
         *
         * @param model the model to call instead of the configured one (the fallback, past the soft limit)
         */
        record Open(ServerSettings settings, Limits limits, Optional<String> model) implements Gate {}

        record Closed(String message) implements Gate {}
    }

    public Gate check(String scope, String memberId) {
        ServerSettings server = settings.get(scope);
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        YearMonth month = YearMonth.from(today);
        UsageTotals spent = usage.month(scope, month);
        if (spent.costMicros() >= server.monthlyBudgetMicros()) {
            return new Gate.Closed("The personas have used up this server's model budget for "
                    + month.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH)
                    + " and are closed until " + firstOfNextMonth(month)
                    + ". A member with Manage Server can raise the budget with `/settings set monthly_budget_usd`.");
        }
        if (usage.memberDay(scope, memberId, today).calls() >= server.dailyCapPerMember()) {
            return new Gate.Closed("You've had your " + server.dailyCapPerMember()
                    + " persona replies for today. The personas will be glad to see you again tomorrow (UTC).");
        }
        Optional<String> model = fallbackModelId.filter(id -> server.pastSoftLimit(spent.costMicros()));
        return new Gate.Open(server, fixedLimits.orElseGet(() -> limits(server)), model);
    }

    /** The rate limits a server's settings ask for. */
    public static Limits limits(ServerSettings server) {
        return new Limits(
                new RateLimit("user", server.perMemberPerMinute(), Duration.ofMinutes(1)),
                new RateLimit("guild", server.perServerPerHour(), Duration.ofHours(1)));
    }

    /**
     * Adds a finished model call to the server's counters, priced for the model the gate chose.
     *
     * @return a line for the managers to put under the reply, when the call crossed a budget level and the server has
     *     no alerts channel
     */
    public Optional<String> record(String scope, Gate.Open open, String memberId, String command, ModelReply reply) {
        ServerSettings server = open.settings();
        String used = open.model().orElse(modelId);
        TokenUsage tokens = new TokenUsage(
                reply.inputTokens(), reply.outputTokens(), reply.cacheReadTokens(), reply.cacheWriteTokens());
        long cost = pricing.costMicros(used, tokens).orElseGet(() -> {
            LOG.warn("No price is configured for the model; counting it at the built-in Haiku 4.5 price");
            return Pricing.builtIn()
                    .costMicros("anthropic.claude-haiku-4-5-20251001-v1:0", tokens)
                    .orElseThrow();
        });
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        long monthCost = usage.record(scope, today, memberId, command, used, tokens, cost);
        return warning(scope, server, YearMonth.from(today), monthCost);
    }

    private Optional<String> warning(String scope, ServerSettings server, YearMonth month, long monthCost) {
        long budget = server.monthlyBudgetMicros();
        String text;
        if (budget > 0 && monthCost >= budget && usage.markWarned(scope, month, 100)) {
            text = "Heads-up for the managers: this server has used its whole model budget for this month ("
                    + dollars(monthCost) + " of " + dollars(budget) + "). The personas are closed until "
                    + firstOfNextMonth(month) + "; `/settings set monthly_budget_usd` raises the budget.";
        } else if (budget > 0
                && monthCost >= Math.round(budget * ServerSettings.WARN_FRACTION)
                && monthCost < budget
                && usage.markWarned(scope, month, 80)) {
            text = "Heads-up for the managers: this server has used 80% of its model budget for this month ("
                    + dollars(monthCost) + " of " + dollars(budget) + "). `/usage` shows where it went.";
        } else {
            return Optional.empty();
        }
        if (server.alertsChannel().isPresent()) {
            alerts.post(server.alertsChannel().get(), text);
            return Optional.empty();
        }
        return Optional.of(text);
    }

    static String firstOfNextMonth(YearMonth month) {
        YearMonth next = month.plusMonths(1);
        return next.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " 1";
    }

    /** Micro-dollars as dollars and cents, rounded up to the cent. */
    public static String dollars(long micros) {
        long cents = (micros + 9_999) / 10_000;
        return String.format(Locale.ROOT, "$%d.%02d", cents / 100, cents % 100);
    }
}
