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
}
