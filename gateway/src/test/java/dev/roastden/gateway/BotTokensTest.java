package dev.roastden.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roastden.emulators.secrets.SecretsManagerEmulator;
import dev.roastden.gateway.aws.AwsClients;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

class BotTokensTest {
    private static final String TOKEN = "test-only.not-a-real-token.x";

    private static final BotTokens.SecretReader NO_SECRETS = id -> {
        throw new AssertionError("Secrets Manager should not be asked");
    };

    @Test
    void takesTheRawTokenOrTheJsonTokenField() {
        assertThat(BotTokens.parse(TOKEN)).contains(TOKEN);
        assertThat(BotTokens.parse("  " + TOKEN + "\n")).contains(TOKEN);
        assertThat(BotTokens.parse("{\"token\": \"" + TOKEN + "\"}")).contains(TOKEN);
        assertThat(BotTokens.parse("Bot " + TOKEN)).contains(TOKEN);
        assertThat(BotTokens.parse("{\"other\": \"x\"}")).isEmpty();
        assertThat(BotTokens.parse("{not json")).isEmpty();
        assertThat(BotTokens.parse("two words")).isEmpty();
        assertThat(BotTokens.parse("")).isEmpty();
    }

    @Test
    void theEnvironmentWins() {
        BotTokens.Resolution resolution = BotTokens.resolve(
                Map.of("DISCORD_BOT_TOKEN", "{\"token\":\"" + TOKEN + "\"}", "BOT_TOKEN_SECRET_ID", "unused"),
                NO_SECRETS);

        assertThat(resolution.token().orElseThrow().value()).isEqualTo(TOKEN);
        assertThat(resolution.source()).isEqualTo("DISCORD_BOT_TOKEN");
        assertThat(resolution.toString()).doesNotContain(TOKEN);
    }

    @Test
    void withoutEitherVariableItExplainsWhatToSet() {
        BotTokens.Resolution resolution = BotTokens.resolve(Map.of("DISCORD_BOT_TOKEN", " "), NO_SECRETS);

        assertThat(resolution.token()).isEmpty();
        assertThat(resolution.problem().orElseThrow())
                .contains("DISCORD_BOT_TOKEN")
                .contains("BOT_TOKEN_SECRET_ID")
                .contains("503");
    }

    @Test
    void readsTheSecretFromSecretsManager() {
        try (SecretsManagerEmulator secrets = SecretsManagerEmulator.start();
                SecretsManagerClient client = AwsClients.secretsManager("us-east-1", Optional.of(secrets.endpoint()))) {
            secrets.put("roastden/raw", TOKEN);
            secrets.put("roastden/json", "{\"token\":\"" + TOKEN + "\"}");
            BotTokens.SecretReader reader =
                    id -> client.getSecretValue(b -> b.secretId(id)).secretString();

            BotTokens.Resolution raw = BotTokens.resolve(Map.of("BOT_TOKEN_SECRET_ID", "roastden/raw"), reader);
            BotTokens.Resolution json = BotTokens.resolve(Map.of("BOT_TOKEN_SECRET_ID", "roastden/json"), reader);

            assertThat(raw.token().orElseThrow().value()).isEqualTo(TOKEN);
            assertThat(json.token().orElseThrow().value()).isEqualTo(TOKEN);
            assertThat(json.source()).isEqualTo("Secrets Manager secret roastden/json");
        }
    }

    @Test
    void anUnreadableSecretIsExplainedWithoutAnyValue() {
        try (SecretsManagerEmulator secrets = SecretsManagerEmulator.start();
                SecretsManagerClient client = AwsClients.secretsManager("us-east-1", Optional.of(secrets.endpoint()))) {
            BotTokens.SecretReader reader =
                    id -> client.getSecretValue(b -> b.secretId(id)).secretString();

            BotTokens.Resolution missing = BotTokens.resolve(Map.of("BOT_TOKEN_SECRET_ID", "roastden/none"), reader);

            assertThat(missing.token()).isEmpty();
            assertThat(missing.problem().orElseThrow())
                    .startsWith("Could not read the bot token from Secrets Manager secret roastden/none")
                    .contains("ResourceNotFoundException");
        }
    }

    @Test
    void aSecretWithoutATokenIsExplained() {
        BotTokens.Resolution empty =
                BotTokens.resolve(Map.of("BOT_TOKEN_SECRET_ID", "roastden/empty"), id -> "{\"username\":\"x\"}");

        assertThat(empty.problem().orElseThrow()).contains("holds no usable token");
    }
}
