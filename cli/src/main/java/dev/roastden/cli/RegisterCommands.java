package dev.roastden.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.roastden.core.command.ApplicationCommandJson;
import dev.roastden.core.json.Json;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * The admin CLI: registers Roast Den's slash commands with Discord (bulk overwrite), lists them, shows what would
 * change, or deletes them. Sends exactly the catalog the handler routes with.
 *
 * <p>Exit codes: 0 success (for {@code diff}: nothing would change), 1 {@code diff} found changes, 2 bad
 * arguments or configuration, 3 Discord refused the token or permission (401/403), 4 rate limited (429), 5
 * Discord unreachable, 6 any other error from Discord.
 */
public final class RegisterCommands {
    static final int OK = 0;
    static final int CHANGES = 1;
    static final int USAGE = 2;
    static final int AUTH = 3;
    static final int RATE_LIMITED = 4;
    static final int UNREACHABLE = 5;
    static final int API_ERROR = 6;

    private final Map<String, String> env;
    private final PrintStream out;
    private final PrintStream err;
    private final HttpClient http;
    private final Function<String, String> secretValue;
    private final java.io.BufferedReader answers;

    /** Without anyone to answer: {@code delete} needs {@code --yes}. */
    RegisterCommands(
            Map<String, String> env,
            PrintStream out,
            PrintStream err,
            HttpClient http,
            Function<String, String> secretValue) {
        this(env, out, err, http, secretValue, new java.io.BufferedReader(java.io.Reader.nullReader()));
    }

    /** @param answers where the answer to "delete?" is read from (standard input) */
    RegisterCommands(
            Map<String, String> env,
            PrintStream out,
            PrintStream err,
            HttpClient http,
            Function<String, String> secretValue,
            java.io.BufferedReader answers) {
        this.env = env;
        this.out = out;
        this.err = err;
        this.http = http;
        this.secretValue = secretValue;
        this.answers = answers;
    }

    public static void main(String[] args) {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        java.io.BufferedReader stdin = new java.io.BufferedReader(
                new java.io.InputStreamReader(System.in, java.nio.charset.StandardCharsets.UTF_8));
        int code = new RegisterCommands(
                        System.getenv(), System.out, System.err, http, RegisterCommands::readSecret, stdin)
                .run(args);
        System.exit(code);
    }

    int run(String[] args) {
        if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"))) {
            out.println(CliArguments.USAGE);
            return OK;
        }
        CliArguments arguments;
        try {
            arguments = CliArguments.parse(args, env);
        } catch (CliArguments.UsageException e) {
            err.println(e.getMessage());
            err.println();
            err.println(CliArguments.USAGE);
            return USAGE;
        }
        ArrayNode desired = ApplicationCommandJson.catalog();
        if (arguments.dryRun()) {
            return dryRun(arguments, desired);
        }
        try {
            String token = BotTokens.resolve(arguments, env, secretValue);
            DiscordCommandsApi api = new DiscordCommandsApi(http, arguments.apiBase(), token);
            return switch (arguments.action()) {
                case REGISTER -> register(api, arguments, desired);
                case LIST -> list(api, arguments);
                case DIFF -> diff(api, arguments, desired);
                case DELETE -> delete(api, arguments);
            };
        } catch (CliArguments.UsageException e) {
            err.println(e.getMessage());
            return USAGE;
        } catch (SecretUnavailableException e) {
            err.println(e.getMessage());
            return USAGE;
        } catch (DiscordApiException e) {
            err.println(e.getMessage());
            return switch (e.status()) {
                case 0 -> UNREACHABLE;
                case 401, 403 -> AUTH;
                case 429 -> RATE_LIMITED;
                default -> API_ERROR;
            };
        }
    }

    private int dryRun(CliArguments arguments, ArrayNode desired) {
        String method = arguments.action() == CliArguments.Action.DELETE ? "PUT (empty list)" : "PUT";
        if (arguments.action() == CliArguments.Action.REGISTER || arguments.action() == CliArguments.Action.DELETE) {
            err.println("Dry run: would send " + method + " " + arguments.apiBase() + arguments.commandsPath());
            out.println(pretty(
                    arguments.action() == CliArguments.Action.DELETE
                            ? Json.mapper().createArrayNode()
                            : desired));
            return OK;
        }
        err.println("--dry-run only applies to register and delete.");
        return USAGE;
    }

    private int register(DiscordCommandsApi api, CliArguments arguments, ArrayNode desired) throws DiscordApiException {
        ArrayNode now = api.overwrite(arguments.commandsPath(), desired);
        out.println("Registered " + now.size() + " commands in the " + arguments.scopeName() + ": " + names(now) + ".");
        if (arguments.guildId().isEmpty()) {
            out.println("Global commands can take a while to appear in every server.");
        }
        return OK;
    }

    private int list(DiscordCommandsApi api, CliArguments arguments) throws DiscordApiException {
        ArrayNode now = api.list(arguments.commandsPath());
        if (now.isEmpty()) {
            out.println("No commands in the " + arguments.scopeName() + ".");
        }
        for (JsonNode command : now) {
            out.println(CommandDiff.label(command) + "  (id "
                    + command.path("id").asText("?") + ")  "
                    + command.path("description").asText());
        }
        return OK;
    }

    private int diff(DiscordCommandsApi api, CliArguments arguments, ArrayNode desired) throws DiscordApiException {
        CommandDiff diff = CommandDiff.between(desired, api.list(arguments.commandsPath()));
        if (diff.isEmpty()) {
            out.println("No change: the " + arguments.scopeName() + " already has Roast Den's commands.");
            return OK;
        }
        diff.added().forEach(n -> out.println("+ " + n + "  (would be added)"));
        diff.changed().forEach(n -> out.println("~ " + n + "  (would be updated)"));
        diff.removed().forEach(n -> out.println("- " + n + "  (would be removed)"));
        return CHANGES;
    }

    private int delete(DiscordCommandsApi api, CliArguments arguments) throws DiscordApiException {
        ArrayNode before = api.list(arguments.commandsPath());
        if (!arguments.yes() && !confirmed(before, arguments)) {
            err.println("Nothing deleted. Answer y to delete, or pass --yes when nobody is there to answer.");
            return USAGE;
        }
        api.overwrite(arguments.commandsPath(), Json.mapper().createArrayNode());
        out.println("Deleted " + before.size() + " commands from the " + arguments.scopeName() + ".");
        return OK;
    }

    /** Asks before deleting; anything but y or yes (or no answer at all) is a no. */
    private boolean confirmed(ArrayNode before, CliArguments arguments) {
        err.print("Delete " + before.size() + " commands (" + names(before) + ") from the " + arguments.scopeName()
                + "? Members lose them at once. [y/N] ");
        err.flush();
        String answer;
        try {
            answer = answers.readLine();
        } catch (java.io.IOException e) {
            answer = null;
        }
        err.println();
        return answer != null && Set.of("y", "yes").contains(answer.trim().toLowerCase(java.util.Locale.ROOT));
    }

    private static String names(ArrayNode commands) {
        StringBuilder names = new StringBuilder();
        commands.forEach(c -> names.append(names.length() == 0 ? "" : ", ").append(CommandDiff.label(c)));
        return names.toString();
    }

    private static String pretty(JsonNode node) {
        try {
            return Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String readSecret(String secretId) {
        try (SecretsManagerClient client = SecretsManagerClient.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .build()) {
            return client.getSecretValue(b -> b.secretId(secretId)).secretString();
        } catch (SdkException e) {
            throw new SecretUnavailableException("Could not read the secret " + secretId + " from Secrets Manager: "
                    + e.getClass().getSimpleName() + ". Check AWS credentials and region (AWS_REGION).");
        }
    }

    /** The bot token's secret could not be read. */
    static final class SecretUnavailableException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        SecretUnavailableException(String message) {
            super(message);
        }
    }
}
