package dev.roastden.worker.usage;

import dev.roastden.core.job.DeferredJob;
import dev.roastden.core.settings.ServerSettings;
import dev.roastden.worker.commands.Attempt;
import dev.roastden.worker.commands.CommandHandler;
import dev.roastden.worker.commands.ReplyProducer.Produced;
import dev.roastden.worker.commands.Texts;
import dev.roastden.worker.reply.Reply;
import dev.roastden.worker.settings.SettingsStore;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code /usage}, always private: members with Manage Server see the server's month (persona replies, tokens, cost,
 * budget left, top commands, the model); everyone else sees their own share of it. Reads two items, no model call.
 */
public final class UsageCommand implements CommandHandler {
    private final SettingsStore settings;
    private final UsageStore usage;
    private final String modelId;
    private final Clock clock;

    public UsageCommand(SettingsStore settings, UsageStore usage, String modelId, Clock clock) {
        this.settings = settings;
        this.usage = usage;
        this.modelId = modelId;
        this.clock = clock;
    }

    @Override
    public Produced handle(DeferredJob job, Attempt attempt) {
        String scope = Texts.scope(job);
        YearMonth month = YearMonth.from(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
        String monthName = month.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + month.getYear();
        UsageTotals spent = usage.month(scope, month);
        UsageTotals.Member mine = usage.memberMonth(scope, job.user().id(), month);
        if (!job.user().canManageServer()) {
            return Produced.of(Reply.notice("**Your use in " + monthName + "**\n- Persona replies: " + mine.calls()
                    + " of the server's " + spent.calls() + "\n- Model cost: " + Budgets.dollars(mine.costMicros())));
        }
        ServerSettings server = settings.get(scope);
        long left = Math.max(0, server.monthlyBudgetMicros() - spent.costMicros());
        String top = spent.commands().entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(5)
                .map(e -> "/" + e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", "));
        String models = spent.models().isEmpty()
                ? modelId
                : String.join(", ", new java.util.TreeSet<>(spent.models().keySet()));
        return Produced.of(Reply.notice("**This server in " + monthName + "**\n"
                + "- Persona replies: " + spent.calls() + "\n"
                + "- Tokens: " + spent.tokens().input() + " input, "
                + spent.tokens().output() + " output, "
                + spent.tokens().cacheRead() + " cache read, " + spent.tokens().cacheWrite() + " cache write\n"
                + "- Cost: " + Budgets.dollars(spent.costMicros()) + " of a "
                + Budgets.dollars(server.monthlyBudgetMicros())
                + " budget (" + Budgets.dollars(left) + " left)\n"
                + "- Top commands: " + (top.isEmpty() ? "none yet" : top) + "\n"
                + "- Model: " + models + "\n"
                + "- Your own share: " + mine.calls() + " replies, " + Budgets.dollars(mine.costMicros())));
    }
}
