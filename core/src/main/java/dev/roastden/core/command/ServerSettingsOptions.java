package dev.roastden.core.command;

/** Option names of {@code /settings set}; the same names label the settings in {@code /settings view}. */
public final class ServerSettingsOptions {
    public static final String PER_MEMBER_PER_MINUTE = "per_member_per_minute";
    public static final String PER_SERVER_PER_HOUR = "per_server_per_hour";
    public static final String MONTHLY_BUDGET_USD = "monthly_budget_usd";
    public static final String DAILY_CAP_PER_MEMBER = "daily_cap_per_member";
    public static final String ALERTS_CHANNEL = "alerts_channel";
    public static final String MENTIONS = "mentions";
    public static final String MAX_BATTLE_ROUNDS = "max_battle_rounds";
    public static final String FALLBACK_AT_PERCENT = "fallback_at_percent";

    private ServerSettingsOptions() {}
}
