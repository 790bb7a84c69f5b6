package dev.roastden.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.roastden.infra.secrets.BotSecretsProps;
import dev.roastden.infra.worker.Guardrail;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SettingsTest {

    private static Settings settings(Map<String, Object> context) {
        return Settings.from(context::get);
    }

    @Test
    void defaultsNeedNoContext() {
        Settings settings = settings(Map.of());
        assertThat(settings.gateway()).isFalse();
        assertThat(settings.discordPublicKey()).isEmpty();
        assertThat(settings.discordApplicationId()).isEmpty();
        assertThat(settings.bedrockModel().modelId()).isEqualTo("global.anthropic.claude-haiku-4-5-20251001-v1:0");
        assertThat(settings.guardrail()).isEmpty();
        assertThat(settings.alarmEmail()).isEmpty();
    }

    @Test
    void gatewayFlagAcceptsCommandLineStringsAndJsonBooleans() {
        assertThat(settings(Map.of("gateway", "true")).gateway()).isTrue();
        assertThat(settings(Map.of("gateway", true)).gateway()).isTrue();
        assertThat(settings(Map.of("gateway", "false")).gateway()).isFalse();
        assertThatThrownBy(() -> settings(Map.of("gateway", "yes"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void guardrailNeedsIdAndVersionTogether() {
        assertThat(settings(Map.of("bedrockGuardrailId", "abc123", "bedrockGuardrailVersion", "DRAFT"))
                        .guardrail())
                .contains(new Guardrail("abc123", "DRAFT"));
        assertThatThrownBy(() -> settings(Map.of("bedrockGuardrailId", "abc123")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bedrockGuardrailVersion");
    }

    @Test
    void discordValuesAreValidatedWhenGiven() {
        assertThatThrownBy(() -> new BotSecretsProps(Optional.of("not-hex"), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BotSecretsProps(Optional.empty(), Optional.of("12ab")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new BotSecretsProps(Optional.of("0f".repeat(32)), Optional.of("123456789012345678")))
                .isNotNull();
    }

    @Test
    void alarmEmailIsTrimmedAndBlankMeansNone() {
        assertThat(settings(Map.of("alarmEmail", " ops@example.com ")).alarmEmail())
                .contains("ops@example.com");
        assertThat(settings(Map.of("alarmEmail", "")).alarmEmail()).isEmpty();
    }

    @Test
    void theCommittedFileSuppliesWhatTheCommandLineLeavesOutAndTheCommandLineWins() {
        Map<String, Object> file = Map.of("gateway", true, "dashboard", true, "bedrockModelId", "eu.anthropic.x-v1:0");
        Settings fromFile = Settings.from(Map.<String, Object>of()::get, file);
        assertThat(fromFile.gateway()).isTrue();
        assertThat(fromFile.dashboard()).isTrue();
        assertThat(fromFile.bedrockModel().modelId()).isEqualTo("eu.anthropic.x-v1:0");
        Settings overridden = Settings.from(Map.<String, Object>of("gateway", "false")::get, file);
        assertThat(overridden.gateway()).isFalse();
        assertThat(overridden.dashboard()).isTrue();
    }

    @Test
    void aTypoInTheFileIsRefusedByName() {
        assertThatThrownBy(() -> Settings.from(key -> null, Map.of("gatway", true)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("gatway")
                .hasMessageContaining("infra/deployment.json");
    }

    @Test
    void costDefaultsAreTheCheapOnes() {
        Settings settings = settings(Map.of());
        assertThat(settings.dashboard()).isFalse();
        assertThat(settings.detailedMetrics()).isFalse();
        assertThat(settings.gatewaySpot()).isTrue();
        assertThat(settings.gatewayPublicIpv4()).isFalse();
        assertThat(settings.memoryTableName()).isEmpty();
        assertThat(settings.bedrockSourceRegions()).isEmpty();
    }

    @Test
    void sourceRegionsAreAListOrAnyAndAreChecked() {
        assertThat(settings(Map.of("bedrockSourceRegions", "us-west-2, us-east-1"))
                        .bedrockSourceRegions())
                .contains(java.util.List.of("us-east-1", "us-west-2"));
        assertThat(settings(Map.of("bedrockSourceRegions", "any")).bedrockSourceRegions())
                .contains(java.util.List.of());
        assertThatThrownBy(() -> settings(Map.of("bedrockSourceRegions", "us-east-1;eu")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bedrockSourceRegions");
    }

    @Test
    void theCommittedFileParsesAndKeepsTheCheapDefaults() {
        Map<String, Object> file = Settings.readFile(RoastDenApp.repositoryRoot(java.nio.file.Path.of("")));
        Settings settings = Settings.from(key -> null, file);
        assertThat(file).containsKey("gateway");
        assertThat(settings.dashboard()).isFalse();
        assertThat(settings.gatewayPublicIpv4()).isFalse();
    }

    @Test
    void theAdminWebhookSecretMustBeAFullSecretArn() {
        String arn = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:roastden/admin-AbCdEf";
        assertThat(settings(Map.of("adminWebhookSecretArn", arn)).adminWebhookSecretArn())
                .contains(arn);
        assertThatThrownBy(() -> settings(Map.of("adminWebhookSecretArn", "roastden/admin")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("adminWebhookSecretArn");
    }
}
