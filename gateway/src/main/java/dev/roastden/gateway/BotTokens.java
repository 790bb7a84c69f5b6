package dev.roastden.gateway;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.roastden.core.json.Json;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the bot token: {@code DISCORD_BOT_TOKEN} (on Fargate, injected from Secrets Manager by ECS), else the
 * Secrets Manager secret named by {@code BOT_TOKEN_SECRET_ID}. Either holds the raw token or JSON
 * {@code {"token": "..."}}. The token never appears in a log line, an exception or a health report; the secret's id
 * does.
 */
public final class BotTokens {
    public static final String TOKEN_VARIABLE = "DISCORD_BOT_TOKEN";
    public static final String SECRET_VARIABLE = "BOT_TOKEN_SECRET_ID";

    static final String MISSING = "No Discord bot token: set " + TOKEN_VARIABLE + ", or " + SECRET_VARIABLE
            + " to the Secrets Manager secret that holds it (the raw token or JSON {\"token\": \"...\"})."
            + " Until then the gateway stays offline and /health answers 503";

    private BotTokens() {}

    /** Reads a secret's string value; may throw when the secret cannot be read. */
    @FunctionalInterface
    public interface SecretReader {
        String read(String secretId) throws Exception;
    }

    /** The bot token; {@link #toString()} never shows it. */
    public static final class BotToken {
        private final String value;

        BotToken(String value) {
            this.value = value;
        }

        /** The token, for the one call that logs in. */
        public String value() {
            return value;
        }

        @Override
        public String toString() {
            return "BotToken[redacted]";
        }
    }

    /**
     * What the token lookup found.
     *
     * @param token the token, when found
     * @param source where it came from, or where it was looked for (never the token itself)
     * @param problem why there is no token
     */
    public record Resolution(Optional<BotToken> token, String source, Optional<String> problem) {
        static Resolution found(String token, String source) {
            return new Resolution(Optional.of(new BotToken(token)), source, Optional.empty());
        }

        static Resolution missing(String source, String problem) {
            return new Resolution(Optional.empty(), source, Optional.of(problem));
        }
    }

    /** Looks for the token in the environment, then in Secrets Manager through {@code secrets}. */
    public static Resolution resolve(Map<String, String> env, SecretReader secrets) {
        Optional<String> direct = GatewayConfig.optional(env, TOKEN_VARIABLE);
        if (direct.isPresent()) {
            return parse(direct.get())
                    .map(token -> Resolution.found(token, TOKEN_VARIABLE))
                    .orElseGet(() -> Resolution.missing(
                            TOKEN_VARIABLE,
                            TOKEN_VARIABLE + " holds no usable token: expected the raw token or JSON"
                                    + " {\"token\": \"...\"}"));
        }
        Optional<String> secretId = GatewayConfig.optional(env, SECRET_VARIABLE);
        if (secretId.isEmpty()) {
            return Resolution.missing("none", MISSING);
        }
        String source = "Secrets Manager secret " + secretId.get();
        String value;
        try {
            value = secrets.read(secretId.get());
        } catch (Exception e) {
            // The SDK's messages name the secret and the error, never a secret value.
            return Resolution.missing(
                    source,
                    "Could not read the bot token from " + source + ": "
                            + e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        return parse(value == null ? "" : value)
                .map(token -> Resolution.found(token, source))
                .orElseGet(() -> Resolution.missing(
                        source,
                        source + " holds no usable token: expected the raw token or JSON {\"token\": \"...\"}"));
    }

    /**
     * The token in a stored value: the raw token, or the {@code token} field of a JSON object; an optional
     * {@code Bot } prefix is dropped. Empty when there is none, or when it contains whitespace.
     */
    static Optional<String> parse(String stored) {
        String value = stored.strip();
        if (value.startsWith("{")) {
            try {
                JsonNode node = Json.mapper().readTree(value);
                value = Json.nonBlank(node, "token").orElse("").strip();
            } catch (JacksonException notJson) {
                return Optional.empty();
            }
        }
        if (value.regionMatches(true, 0, "Bot ", 0, 4)) {
            value = value.substring(4).strip();
        }
        if (value.isEmpty() || value.chars().anyMatch(Character::isWhitespace)) {
            return Optional.empty();
        }
        return Optional.of(value);
    }
}
