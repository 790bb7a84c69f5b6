package dev.roastden.infra.secrets;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Discord identity of the bot.
 *
 * @param discordPublicKey the application's Ed25519 public key (64 hex characters) when given as
 *     CDK context; empty to take it from the {@value BotSecrets#PUBLIC_KEY_PARAMETER} stack
 *     parameter at deploy time
 * @param discordApplicationId the application id (a snowflake) when given as CDK context; empty
 *     to take it from the {@value BotSecrets#APPLICATION_ID_PARAMETER} stack parameter
 */
public record BotSecretsProps(Optional<String> discordPublicKey, Optional<String> discordApplicationId) {

    public static final Pattern PUBLIC_KEY_PATTERN = Pattern.compile("^[0-9a-fA-F]{64}$");
    public static final Pattern APPLICATION_ID_PATTERN = Pattern.compile("^[0-9]{17,20}$");

    public BotSecretsProps {
        Objects.requireNonNull(discordPublicKey, "discordPublicKey");
        Objects.requireNonNull(discordApplicationId, "discordApplicationId");
        discordPublicKey.ifPresent(key -> {
            if (!PUBLIC_KEY_PATTERN.matcher(key).matches()) {
                throw new IllegalArgumentException(
                        "discordPublicKey must be the 64 hex characters shown as PUBLIC KEY in the Discord developer"
                                + " portal");
            }
        });
        discordApplicationId.ifPresent(id -> {
            if (!APPLICATION_ID_PATTERN.matcher(id).matches()) {
                throw new IllegalArgumentException(
                        "discordApplicationId must be the numeric APPLICATION ID from the Discord developer portal");
            }
        });
    }

    /** Both values come from stack parameters at deploy time. */
    public static BotSecretsProps fromParameters() {
        return new BotSecretsProps(Optional.empty(), Optional.empty());
    }
}
