package dev.roastden.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.roastden.core.persona.PersonaCatalog;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GatewayConfigTest {
    private static final PersonaCatalog PERSONAS = PersonaCatalog.fromClasspath();
    private static final String QUEUE = "https://sqs.eu-west-1.amazonaws.com/123456789012/roastden-work";

    @Test
    void defaultsNeedOnlyTheQueue() {
        GatewayConfig config = GatewayConfig.fromEnvironment(Map.of("WORK_QUEUE_URL", QUEUE), PERSONAS);

        assertThat(config.healthPort()).isEqualTo(8080);
        assertThat(config.heartbeatMaxAge()).isEqualTo(Duration.ofSeconds(120));
        assertThat(config.region()).as("from the queue URL").isEqualTo("eu-west-1");
        assertThat(config.sqsEndpoint()).isEmpty();
        assertThat(config.applicationId()).isEmpty();
        assertThat(config.metricsNamespace()).isEqualTo("RoastDen");
        assertThat(config.botChainLimit()).isEqualTo(3);
        assertThat(config.botChainWindow()).isEqualTo(Duration.ofMinutes(10));
        assertThat(config.messageContentIntent()).isFalse();
    }

    @Test
    void readsEverySetting() {
        GatewayConfig config = GatewayConfig.fromEnvironment(
                Map.ofEntries(
                        Map.entry("WORK_QUEUE_URL", QUEUE),
                        Map.entry("AWS_REGION", "us-west-2"),
                        Map.entry("HEALTH_PORT", "9090"),
                        Map.entry("GATEWAY_HEARTBEAT_MAX_AGE_SECONDS", "90"),
                        Map.entry("SQS_ENDPOINT", "http://localhost:9324"),
                        Map.entry("DISCORD_APPLICATION_ID", "910000000000000009"),
                        Map.entry("METRICS_NAMESPACE", "RoastDenTest"),
                        Map.entry("GATEWAY_CHANNEL_PERSONAS", "123=ford"),
                        Map.entry("GATEWAY_DEFAULT_PERSONA", "mags"),
                        Map.entry("GATEWAY_BOT_CHAIN_LIMIT", "1"),
                        Map.entry("GATEWAY_MESSAGE_CONTENT_INTENT", "true")),
                PERSONAS);

        assertThat(config.region()).isEqualTo("us-west-2");
        assertThat(config.healthPort()).isEqualTo(9090);
        assertThat(config.heartbeatMaxAge()).isEqualTo(Duration.ofSeconds(90));
        assertThat(config.sqsEndpoint()).contains(URI.create("http://localhost:9324"));
        assertThat(config.applicationId()).contains("910000000000000009");
        assertThat(config.metricsNamespace()).isEqualTo("RoastDenTest");
        assertThat(config.personas().byChannel()).containsEntry("123", "ford");
        assertThat(config.personas().fallback()).contains("mags");
        assertThat(config.botChainLimit()).isEqualTo(1);
        assertThat(config.messageContentIntent()).isTrue();
    }

    @Test
    void listsEveryProblemAtOnce() {
        assertThatThrownBy(() -> GatewayConfig.fromEnvironment(
                        Map.of(
                                "HEALTH_PORT", "eighty",
                                "GATEWAY_MESSAGE_CONTENT_INTENT", "yes",
                                "GATEWAY_DEFAULT_PERSONA", "nobody"),
                        PERSONAS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("HEALTH_PORT must be a whole number")
                .hasMessageContaining("WORK_QUEUE_URL is not set")
                .hasMessageContaining("GATEWAY_MESSAGE_CONTENT_INTENT must be true or false")
                .hasMessageContaining("GATEWAY_DEFAULT_PERSONA names no persona");
    }

    @Test
    void theHealthPortIsReadableOnItsOwn() {
        assertThat(GatewayConfig.healthPort(Map.of())).isEqualTo(8080);
        assertThat(GatewayConfig.healthPort(Map.of("HEALTH_PORT", "0"))).isZero();
        assertThat(GatewayConfig.healthPort(Map.of("HEALTH_PORT", "nope"))).isEqualTo(8080);
    }
}
