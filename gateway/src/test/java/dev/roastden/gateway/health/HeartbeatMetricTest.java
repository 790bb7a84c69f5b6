package dev.roastden.gateway.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.roastden.core.json.Json;
import dev.roastden.emulators.time.MutableClock;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class HeartbeatMetricTest {
    private static final Instant NOW = Instant.parse("2026-11-20T18:00:00Z");

    private final MutableClock clock = new MutableClock(NOW);
    private final GatewayHealth health = new GatewayHealth(clock, Duration.ofSeconds(120));
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final HeartbeatMetric metric =
            new HeartbeatMetric("RoastDen", health, clock, new PrintStream(out, true, StandardCharsets.UTF_8));

    @Test
    void theLineIsAnEmbeddedMetricFormatDocument() throws Exception {
        JsonNode line = Json.mapper().readTree(HeartbeatMetric.emfLine("RoastDen", NOW, OptionalLong.of(37)));

        JsonNode aws = line.path("_aws");
        assertThat(aws.path("Timestamp").asLong()).isEqualTo(NOW.toEpochMilli());
        JsonNode directive = aws.path("CloudWatchMetrics").get(0);
        assertThat(directive.path("Namespace").asText()).isEqualTo("RoastDen");
        assertThat(directive.path("Dimensions").toString())
                .as("with the service dimension, and without dimensions for the alarm")
                .isEqualTo("[[\"service\"],[]]");
        assertThat(directive.path("Metrics").toString())
                .isEqualTo("[{\"Name\":\"GatewayHeartbeat\",\"Unit\":\"Count\"}]");
        assertThat(line.path("service").asText()).isEqualTo("roastden-gateway");
        assertThat(line.path("GatewayHeartbeat").asInt()).isEqualTo(1);
        assertThat(line.path("gateway_ping_ms").asLong()).isEqualTo(37);
    }

    @Test
    void aHealthyGatewayPublishesOneLine() throws Exception {
        health.connected();
        health.heartbeat(25);

        assertThat(metric.beat()).isTrue();

        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(printed.lines()).hasSize(1);
        assertThat(Json.mapper().readTree(printed).path("GatewayHeartbeat").asInt())
                .isEqualTo(1);
    }

    @Test
    void anUnhealthyGatewayPublishesNothingSoTheAlarmSeesTheGap() {
        health.connected();
        clock.advance(Duration.ofMinutes(5));

        assertThat(metric.beat()).isFalse();
        assertThat(out.size()).isZero();
    }
}
