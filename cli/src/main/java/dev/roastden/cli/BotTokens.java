package dev.roastden.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.roastden.core.json.Json;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where the CLI gets the bot token: {@code DISCORD_BOT_TOKEN}, else the Secrets Manager secret named by
 * {@code --secret-id}, whose value is either the token itself or JSON with a {@code token} field.
 */
final class BotTokens {
    private BotTokens() {}

    static String resolve(CliArguments arguments, Map<String, String> env, Function<String, String> secretValue)
            throws CliArguments.UsageException {
        Optional<String> fromEnv = Optional.ofNullable(env.get("DISCORD_BOT_TOKEN"))
                .map(String::trim)
                .filter(s -> !s.isEmpty());
        if (fromEnv.isPresent()) {
            return fromEnv.get();
        }
        if (arguments.secretId().isEmpty()) {
            throw new CliArguments.UsageException("Set DISCORD_BOT_TOKEN or pass --secret-id.");
        }
        return fromSecret(secretValue.apply(arguments.secretId().get()));
    }

    /** The token in a secret's value: the value itself, or its {@code token} field when it is JSON. */
    static String fromSecret(String value) throws CliArguments.UsageException {
        String trimmed = value == null ? "" : value.trim();
        if (trimmed.startsWith("{")) {
            try {
                JsonNode node = Json.mapper().readTree(trimmed);
                trimmed = node.path("token").asText("").trim();
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new CliArguments.UsageException("The secret is neither a token nor JSON with a token field.");
            }
        }
        if (trimmed.isEmpty()) {
            throw new CliArguments.UsageException("The secret holds no bot token.");
        }
        return trimmed;
    }
}
