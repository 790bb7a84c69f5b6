package dev.roastden.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the admin asked for.
 *
 * @param action register, list, diff or delete
 * @param guildId a server for guild commands (instant), absent for global commands (can take a while to appear)
 * @param dryRun print what would be sent instead of sending it
 * @param applicationId the Discord application id
 * @param secretId a Secrets Manager secret holding the bot token, used when DISCORD_BOT_TOKEN is not set
 * @param apiBase Discord's API base URL
 * @param yes delete without asking first
 */
record CliArguments(
        Action action,
        Optional<String> guildId,
        boolean dryRun,
        Optional<String> applicationId,
        Optional<String> secretId,
        String apiBase,
        boolean yes) {

    static final String DEFAULT_API_BASE = "https://discord.com/api/v10";
    /** A Discord snowflake as the ids of applications and servers are written: 17 to 20 digits. */
    static final String SNOWFLAKE = "[0-9]{17,20}";

    enum Action {
        REGISTER,
        LIST,
        DIFF,
        DELETE
    }

    static final String USAGE = String.join(
            "\n",
            "usage: register-commands <register|list|diff|delete> [options]",
            "",
            "  register   send Roast Den's commands (bulk overwrite: safe to repeat)",
            "  list       show the commands Discord has now",
            "  diff       show what register would change (exit 0: nothing, 1: changes)",
            "  delete     remove all of this application's commands in the scope",
            "",
            "options:",
            "  --guild ID            a server's commands (appear at once) instead of global ones",
            "  --dry-run             print the JSON that would be sent; send nothing",
            "  --application-id ID   default: $DISCORD_APPLICATION_ID",
            "  --secret-id ID        read the bot token from AWS Secrets Manager (default: $DISCORD_BOT_TOKEN)",
            "  --api-base URL        default: $DISCORD_API_BASE or " + DEFAULT_API_BASE,
            "  --yes                 delete without asking first");

    /** Reads the arguments, falling back to the environment. */
    static CliArguments parse(String[] args, Map<String, String> env) throws UsageException {
        List<String> rest = new ArrayList<>(List.of(args));
        if (rest.isEmpty()) {
            throw new UsageException("Name an action.");
        }
        Action action;
        try {
            action = Action.valueOf(rest.remove(0).toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UsageException("Unknown action: the actions are register, list, diff and delete.");
        }
        Optional<String> guild = Optional.empty();
        Optional<String> applicationId = nonBlank(env.get("DISCORD_APPLICATION_ID"));
        Optional<String> secretId = Optional.empty();
        String apiBase = nonBlank(env.get("DISCORD_API_BASE")).orElse(DEFAULT_API_BASE);
        boolean dryRun = false;
        boolean yes = false;
        while (!rest.isEmpty()) {
            String option = rest.remove(0);
            switch (option) {
                case "--guild" -> guild = Optional.of(snowflake(option, value(option, rest)));
                case "--dry-run" -> dryRun = true;
                case "--application-id" -> applicationId = Optional.of(snowflake(option, value(option, rest)));
                case "--secret-id" -> secretId = Optional.of(value(option, rest));
                case "--api-base" -> apiBase = value(option, rest);
                case "--yes" -> yes = true;
                default -> throw new UsageException("Unknown option " + option + ".");
            }
        }
        if (applicationId.isPresent() && !applicationId.get().matches(SNOWFLAKE)) {
            throw new UsageException("DISCORD_APPLICATION_ID must be a Discord id (17–20 digits).");
        }
        if (applicationId.isEmpty() && !(dryRun && action == Action.REGISTER)) {
            throw new UsageException("Set DISCORD_APPLICATION_ID or pass --application-id.");
        }
        return new CliArguments(action, guild, dryRun, applicationId, secretId, apiBase.replaceAll("/+$", ""), yes);
    }

    /** The path of the command list for this scope. */
    String commandsPath() {
        String app = applicationId.orElse("{application.id}");
        return guildId.map(g -> "/applications/" + app + "/guilds/" + g + "/commands")
                .orElse("/applications/" + app + "/commands");
    }

    String scopeName() {
        return guildId.map(g -> "server " + g).orElse("global scope");
    }

    private static String value(String option, List<String> rest) throws UsageException {
        if (rest.isEmpty() || rest.get(0).startsWith("--")) {
            throw new UsageException(option + " needs a value.");
        }
        return rest.remove(0);
    }

    private static String snowflake(String option, String value) throws UsageException {
        if (!value.matches(SNOWFLAKE)) {
            throw new UsageException(option + " takes a Discord id (17–20 digits), not '" + value + "'.");
        }
        return value;
    }

    private static Optional<String> nonBlank(String value) {
        return Optional.ofNullable(value).map(String::trim).filter(s -> !s.isEmpty());
    }

    /** The arguments do not make sense; the message says why. */
    static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }
}
