package dev.roastden.core.settings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.roastden.core.command.ServerSettingsOptions;
import dev.roastden.core.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * What the people who run a server can tune without a redeploy. Every value is checked here, the one place that
 * knows the limits, so a {@code /settings set} with a bad value gets a message naming the setting and its range, and
 * an item written by an older version still reads (missing fields take their defaults).
 *
 * @param perMemberPerMinute persona replies one member may cause per minute
 * @param perServerPerHour persona replies the whole server may cause per hour
 * @param monthlyBudgetMicros most the server may spend on the model per calendar month (UTC), in micro-dollars
 * @param dailyCapPerMember persona replies one member may cause per day (UTC)
 * @param channelPersonas the persona that answers in a channel when none is named, by channel id
 * @param alertsChannel where budget and failure alerts for the managers go
 * @param mentionsAnswered whether personas answer {@code @mentions}
 * @param maxBattleRounds most rounds in a roast battle
 * @param fallbackAtPercent the share of the monthly budget (in percent) past which replies use the deployment's
 *     cheaper fallback model, when it has one; 0 (the default) never switches
 */
public record ServerSettings(
        int perMemberPerMinute,
        int perServerPerHour,
        long monthlyBudgetMicros,
        int dailyCapPerMember,
        Map<String, String> channelPersonas,
        Optional<String> alertsChannel,
        boolean mentionsAnswered,
        int maxBattleRounds,
        int fallbackAtPercent) {

    public static final Range PER_MEMBER_PER_MINUTE = new Range(1, 30);
    public static final Range PER_SERVER_PER_HOUR = new Range(1, 5_000);
    /** In whole dollars: up to $1,000 a month; 0 closes the model to the server. */
    public static final Range MONTHLY_BUDGET_USD = new Range(0, 1_000);

    public static final Range DAILY_CAP_PER_MEMBER = new Range(1, 1_000);
    public static final Range MAX_BATTLE_ROUNDS = new Range(1, 10);
    /** 0 switches the fallback model off; 100 uses it only once the budget is spent (when the server is closed). */
    public static final Range FALLBACK_AT_PERCENT = new Range(0, 99);

    public static final int MAX_CHANNEL_PERSONAS = 100;
    public static final long MICROS_PER_DOLLAR = 1_000_000L;

    /** The share of the monthly budget at which the managers are told, once a month. */
    public static final double WARN_FRACTION = 0.8;

    private static final Pattern SNOWFLAKE = Pattern.compile("^\\d{15,21}$");
    private static final Pattern PERSONA_ID = Pattern.compile("^[a-z0-9][a-z0-9_-]{0,31}$");

    /** An inclusive range of allowed values. */
    public record Range(long min, long max) {
        boolean contains(double value) {
            return value >= min && value <= max;
        }
    }

    public ServerSettings {
        channelPersonas = Map.copyOf(channelPersonas);
        List<String> problems = problems(
                perMemberPerMinute,
                perServerPerHour,
                monthlyBudgetMicros,
                dailyCapPerMember,
                channelPersonas,
                alertsChannel,
                maxBattleRounds,
                fallbackAtPercent);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join(" ", problems));
        }
    }

    /**
     * The settings of a server nobody has configured: 6 a minute per member, 300 an hour, $5 a month, no fallback
     * model.
     */
    public static ServerSettings defaults() {
        return new ServerSettings(6, 300, 5 * MICROS_PER_DOLLAR, 50, Map.of(), Optional.empty(), true, 3, 0);
    }

    /**
     * Whether a month's spending so far is past the soft limit, where the fallback model takes over. Never when the
     * soft limit is off or the budget is 0.
     */
    public boolean pastSoftLimit(long spentMicros) {
        return fallbackAtPercent > 0
                && monthlyBudgetMicros > 0
                && spentMicros * 100 >= monthlyBudgetMicros * fallbackAtPercent;
    }

    /** The monthly budget in dollars. */
    public double monthlyBudgetUsd() {
        return monthlyBudgetMicros / (double) MICROS_PER_DOLLAR;
    }

    /** The default persona of {@code channelId}, if one is set. */
    public Optional<String> personaFor(String channelId) {
        return Optional.ofNullable(channelPersonas.get(channelId));
    }

    /** The outcome of a change: new settings, or every problem with what was asked, each a sentence. */
    public sealed interface Change permits Change.Applied, Change.Refused {
        record Applied(ServerSettings settings) implements Change {}

        record Refused(List<String> problems) implements Change {
            public Refused {
                problems = List.copyOf(problems);
            }
        }
    }

    /**
     * These settings with the {@code /settings set} options in {@code options} (option name → value as typed or as
     * Discord sent it) changed. Options not named stay as they are; an unknown option is a problem too.
     */
    public Change with(Map<String, String> options) {
        List<String> problems = new ArrayList<>();
        int perMember = perMemberPerMinute;
        int perServer = perServerPerHour;
        long budget = monthlyBudgetMicros;
        int dailyCap = dailyCapPerMember;
        Optional<String> alerts = alertsChannel;
        boolean mentions = mentionsAnswered;
        int rounds = maxBattleRounds;
        int fallback = fallbackAtPercent;
        for (Map.Entry<String, String> option : new TreeMap<>(options).entrySet()) {
            String value = option.getValue().strip();
            switch (option.getKey()) {
                case ServerSettingsOptions.PER_MEMBER_PER_MINUTE ->
                    perMember = whole(option.getKey(), value, PER_MEMBER_PER_MINUTE, problems, perMember);
                case ServerSettingsOptions.PER_SERVER_PER_HOUR ->
                    perServer = whole(option.getKey(), value, PER_SERVER_PER_HOUR, problems, perServer);
                case ServerSettingsOptions.DAILY_CAP_PER_MEMBER ->
                    dailyCap = whole(option.getKey(), value, DAILY_CAP_PER_MEMBER, problems, dailyCap);
                case ServerSettingsOptions.MAX_BATTLE_ROUNDS ->
                    rounds = whole(option.getKey(), value, MAX_BATTLE_ROUNDS, problems, rounds);
                case ServerSettingsOptions.FALLBACK_AT_PERCENT ->
                    fallback = whole(option.getKey(), value, FALLBACK_AT_PERCENT, problems, fallback);
                case ServerSettingsOptions.MONTHLY_BUDGET_USD -> budget = dollars(value, problems, budget);
                case ServerSettingsOptions.ALERTS_CHANNEL -> {
                    if (value.isEmpty() || value.equals("none")) {
                        alerts = Optional.empty();
                    } else if (SNOWFLAKE.matcher(value).matches()) {
                        alerts = Optional.of(value);
                    } else {
                        problems.add("alerts_channel must be a channel of this server.");
                    }
                }
                case ServerSettingsOptions.MENTIONS -> {
                    if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
                        mentions = Boolean.parseBoolean(value);
                    } else {
                        problems.add("mentions must be true or false.");
                    }
                }
                default -> problems.add("There is no setting called " + option.getKey() + ".");
            }
        }
        if (!problems.isEmpty()) {
            return new Change.Refused(problems);
        }
        return new Change.Applied(new ServerSettings(
                perMember, perServer, budget, dailyCap, channelPersonas, alerts, mentions, rounds, fallback));
    }

    /** These settings with {@code personaId} answering in {@code channelId}, or no default there when empty. */
    public Change withChannelPersona(String channelId, Optional<String> personaId) {
        if (!SNOWFLAKE.matcher(channelId).matches()) {
            return new Change.Refused(List.of("channel must be a channel of this server."));
        }
        Map<String, String> personas = new TreeMap<>(channelPersonas);
        if (personaId.isEmpty()) {
            personas.remove(channelId);
        } else if (!PERSONA_ID.matcher(personaId.get()).matches()) {
            return new Change.Refused(List.of("persona must be one of this server's personas."));
        } else {
            personas.put(channelId, personaId.get());
        }
        if (personas.size() > MAX_CHANNEL_PERSONAS) {
            return new Change.Refused(List.of(
                    "At most " + MAX_CHANNEL_PERSONAS + " channels can have a default persona; clear one first."));
        }
        return new Change.Applied(new ServerSettings(
                perMemberPerMinute,
                perServerPerHour,
                monthlyBudgetMicros,
                dailyCapPerMember,
                personas,
                alertsChannel,
                mentionsAnswered,
                maxBattleRounds,
                fallbackAtPercent));
    }

    private static int whole(String name, String value, Range range, List<String> problems, int otherwise) {
        try {
            long parsed = Long.parseLong(value);
            if (range.contains(parsed)) {
                return (int) parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(
                name + " must be a whole number from " + range.min() + " to " + range.max() + ", not " + value + ".");
        return otherwise;
    }

    private static long dollars(String value, List<String> problems, long otherwise) {
        String plain = value.startsWith("$") ? value.substring(1) : value;
        try {
            double parsed = Double.parseDouble(plain);
            if (!Double.isNaN(parsed) && MONTHLY_BUDGET_USD.contains(parsed)) {
                return Math.round(parsed * MICROS_PER_DOLLAR);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add("monthly_budget_usd must be an amount in dollars from " + MONTHLY_BUDGET_USD.min() + " to "
                + MONTHLY_BUDGET_USD.max() + ", not " + value + ".");
        return otherwise;
    }

    private static List<String> problems(
            int perMember,
            int perServer,
            long budgetMicros,
            int dailyCap,
            Map<String, String> channelPersonas,
            Optional<String> alertsChannel,
            int rounds,
            int fallbackAt) {
        List<String> problems = new ArrayList<>();
        check(problems, ServerSettingsOptions.PER_MEMBER_PER_MINUTE, perMember, PER_MEMBER_PER_MINUTE);
        check(problems, ServerSettingsOptions.PER_SERVER_PER_HOUR, perServer, PER_SERVER_PER_HOUR);
        if (budgetMicros < 0 || budgetMicros > MONTHLY_BUDGET_USD.max() * MICROS_PER_DOLLAR) {
            problems.add("monthly_budget_usd must be from 0 to " + MONTHLY_BUDGET_USD.max() + " dollars.");
        }
        check(problems, ServerSettingsOptions.DAILY_CAP_PER_MEMBER, dailyCap, DAILY_CAP_PER_MEMBER);
        check(problems, ServerSettingsOptions.MAX_BATTLE_ROUNDS, rounds, MAX_BATTLE_ROUNDS);
        check(problems, ServerSettingsOptions.FALLBACK_AT_PERCENT, fallbackAt, FALLBACK_AT_PERCENT);
        if (channelPersonas.size() > MAX_CHANNEL_PERSONAS) {
            problems.add("At most " + MAX_CHANNEL_PERSONAS + " channels can have a default persona.");
        }
        channelPersonas.forEach((channel, persona) -> {
            if (!SNOWFLAKE.matcher(channel).matches()
                    || !PERSONA_ID.matcher(persona).matches()) {
                problems.add("A channel default must name a channel id and a persona id.");
            }
        });
        alertsChannel
                .filter(channel -> !SNOWFLAKE.matcher(channel).matches())
                .ifPresent(channel -> problems.add("alerts_channel must be a channel id."));
        return problems;
    }

    private static void check(List<String> problems, String name, long value, Range range) {
        if (!range.contains(value)) {
            problems.add(name + " must be from " + range.min() + " to " + range.max() + ".");
        }
    }

    /** The settings as the JSON document the store keeps. */
    public String toJson() {
        ObjectNode node = Json.mapper().createObjectNode();
        node.put(ServerSettingsOptions.PER_MEMBER_PER_MINUTE, perMemberPerMinute);
        node.put(ServerSettingsOptions.PER_SERVER_PER_HOUR, perServerPerHour);
        node.put("monthly_budget_micros", monthlyBudgetMicros);
        node.put(ServerSettingsOptions.DAILY_CAP_PER_MEMBER, dailyCapPerMember);
        ObjectNode personas = node.putObject("channel_personas");
        new TreeMap<>(channelPersonas).forEach(personas::put);
        alertsChannel.ifPresent(channel -> node.put(ServerSettingsOptions.ALERTS_CHANNEL, channel));
        node.put(ServerSettingsOptions.MENTIONS, mentionsAnswered);
        node.put(ServerSettingsOptions.MAX_BATTLE_ROUNDS, maxBattleRounds);
        node.put(ServerSettingsOptions.FALLBACK_AT_PERCENT, fallbackAtPercent);
        return node.toString();
    }

    /**
     * Settings from {@link #toJson()}; missing fields take their defaults. A document that is not JSON, or whose
     * values are out of range, throws {@link IllegalArgumentException}.
     */
    public static ServerSettings fromJson(String json) {
        JsonNode node;
        try {
            node = Json.mapper().readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("Server settings are not JSON", e);
        }
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("Server settings are not a JSON object");
        }
        ServerSettings d = defaults();
        Map<String, String> personas = new TreeMap<>();
        node.path("channel_personas")
                .fields()
                .forEachRemaining(e -> personas.put(e.getKey(), e.getValue().asText()));
        return new ServerSettings(
                node.path(ServerSettingsOptions.PER_MEMBER_PER_MINUTE).asInt(d.perMemberPerMinute()),
                node.path(ServerSettingsOptions.PER_SERVER_PER_HOUR).asInt(d.perServerPerHour()),
                node.path("monthly_budget_micros").asLong(d.monthlyBudgetMicros()),
                node.path(ServerSettingsOptions.DAILY_CAP_PER_MEMBER).asInt(d.dailyCapPerMember()),
                personas,
                Json.nonBlank(node, ServerSettingsOptions.ALERTS_CHANNEL),
                node.path(ServerSettingsOptions.MENTIONS).asBoolean(d.mentionsAnswered()),
                node.path(ServerSettingsOptions.MAX_BATTLE_ROUNDS).asInt(d.maxBattleRounds()),
                node.path(ServerSettingsOptions.FALLBACK_AT_PERCENT).asInt(d.fallbackAtPercent()));
    }
}
