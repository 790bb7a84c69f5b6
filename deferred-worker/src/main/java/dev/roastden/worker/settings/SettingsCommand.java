package dev.roastden.worker.settings;

import dev.roastden.core.command.CommandCatalog;
import dev.roastden.core.command.ServerSettingsOptions;
import dev.roastden.core.job.DeferredJob;
import dev.roastden.core.settings.ServerSettings;
import dev.roastden.worker.commands.Attempt;
import dev.roastden.worker.commands.CommandHandler;
import dev.roastden.worker.commands.ReplyProducer.Produced;
import dev.roastden.worker.commands.Texts;
import dev.roastden.worker.persona.PersonaDirectory;
import dev.roastden.worker.reply.Reply;
import dev.roastden.worker.usage.Budgets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /settings view|set|channel_persona}: a server's limits, budget and defaults, for members with Manage Server
 * only (Discord hides the command from others by default, but a server can change that, so the permission the
 * interaction carries is checked here again). Values are checked by {@link ServerSettings}; a refused change names
 * every bad value and what it may be, and changes nothing.
 */
public final class SettingsCommand implements CommandHandler {
    private static final List<String> SET_OPTIONS = List.of(
            ServerSettingsOptions.PER_MEMBER_PER_MINUTE,
            ServerSettingsOptions.PER_SERVER_PER_HOUR,
            ServerSettingsOptions.MONTHLY_BUDGET_USD,
            ServerSettingsOptions.DAILY_CAP_PER_MEMBER,
            ServerSettingsOptions.ALERTS_CHANNEL,
            ServerSettingsOptions.MENTIONS,
            ServerSettingsOptions.MAX_BATTLE_ROUNDS,
            ServerSettingsOptions.FALLBACK_AT_PERCENT);

    private final SettingsStore settings;
    private final PersonaDirectory personas;

    public SettingsCommand(SettingsStore settings, PersonaDirectory personas) {
        this.settings = settings;
        this.personas = personas;
    }

    @Override
    public Produced handle(DeferredJob job, Attempt attempt) {
        if (job.guildId().isEmpty()) {
            return Produced.of(Reply.notice("Settings belong to a server: run `/settings` in one."));
        }
        if (!job.user().canManageServer()) {
            return Produced.of(Reply.notice("Only members with the Manage Server permission can view or change this "
                    + "server's settings. `/usage` shows your own use."));
        }
        String scope = Texts.scope(job);
        ServerSettings current = settings.get(scope);
        String sub = job.subcommand().orElse(CommandCatalog.SETTINGS_VIEW);
        ServerSettings.Change change;
        switch (sub) {
            case CommandCatalog.SETTINGS_SET -> {
                Map<String, String> given = new LinkedHashMap<>();
                for (String name : SET_OPTIONS) {
                    job.option(name).ifPresent(value -> given.put(name, value));
                }
                if (given.isEmpty()) {
                    return Produced.of(Reply.notice("Name at least one setting to change, for example "
                            + "`/settings set monthly_budget_usd:10`.\n\n" + render(current)));
                }
                change = current.with(given);
            }
            case CommandCatalog.SETTINGS_CHANNEL_PERSONA -> {
                Optional<String> channel = job.option("channel");
                if (channel.isEmpty()) {
                    return Produced.of(Reply.notice("Name the channel whose default persona to set."));
                }
                Optional<String> persona = job.option(CommandCatalog.PERSONA_OPTION);
                PersonaDirectory.Server server = personas.in(scope);
                if (persona.isPresent() && server.find(persona.get()).isEmpty()) {
                    return Produced.of(Reply.notice("There's no persona called `" + Texts.clean(persona.get(), 40)
                            + "` here. Try one of: " + server.listedIds() + "."));
                }
                change = current.withChannelPersona(channel.get(), persona);
            }
            default -> {
                return Produced.of(Reply.notice(render(current)));
            }
        }
        if (change instanceof ServerSettings.Change.Refused refused) {
            return Produced.of(Reply.notice("Nothing was changed:\n- " + String.join("\n- ", refused.problems())));
        }
        ServerSettings updated = ((ServerSettings.Change.Applied) change).settings();
        settings.put(scope, updated, job.user().id());
        return Produced.of(Reply.notice("Saved.\n\n" + render(updated)));
    }

    /** The settings as the managers read them. */
    static String render(ServerSettings s) {
        StringBuilder out = new StringBuilder("**This server's settings**\n");
        out.append("- Replies per member per minute: ")
                .append(s.perMemberPerMinute())
                .append('\n');
        out.append("- Replies for the whole server per hour: ")
                .append(s.perServerPerHour())
                .append('\n');
        out.append("- Replies per member per day: ")
                .append(s.dailyCapPerMember())
                .append('\n');
        out.append("- Monthly model budget: ")
                .append(Budgets.dollars(s.monthlyBudgetMicros()))
                .append('\n');
        out.append("- Alerts channel: ")
                .append(s.alertsChannel().map(c -> "<#" + c + ">").orElse("none (alerts appear under replies)"))
                .append('\n');
        out.append("- Answers @mentions: ")
                .append(s.mentionsAnswered() ? "yes" : "no")
                .append('\n');
        out.append("- Most roast battle rounds: ").append(s.maxBattleRounds()).append('\n');
        out.append("- Cheaper fallback model: ")
                .append(
                        s.fallbackAtPercent() == 0
                                ? "never"
                                : "past " + s.fallbackAtPercent() + "% of the budget, when the deployment has one")
                .append('\n');
        if (s.channelPersonas().isEmpty()) {
            out.append("- Channel default personas: none");
        } else {
            out.append("- Channel default personas: ");
            out.append(String.join(
                    ", ",
                    new java.util.TreeMap<>(s.channelPersonas())
                            .entrySet().stream()
                                    .map(e -> "<#" + e.getKey() + "> → " + e.getValue())
                                    .toList()));
        }
        return out.toString();
    }
}
