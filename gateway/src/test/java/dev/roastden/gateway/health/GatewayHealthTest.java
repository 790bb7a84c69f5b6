package dev.roastden.gateway.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roastden.emulators.time.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class GatewayHealthTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-20T18:00:00Z"));
    private final GatewayHealth health = new GatewayHealth(clock, Duration.ofSeconds(120));

    @Test
    void stoppingIsUnavailableEvenWhenConnectedWithAFreshHeartbeat() {
        health.connected();
        health.heartbeat(40);
        assertThat(health.report().healthy()).isTrue();

        health.stopping();
        health.connected();

        HealthReport report = health.report();
        assertThat(report.httpStatus()).isEqualTo(503);
        assertThat(report.reason()).isEqualTo(GatewayHealth.STOPPING_REASON);
    }

    @Test
    void startingIsUnavailable() {
        HealthReport report = health.report();
        assertThat(report.httpStatus()).isEqualTo(503);
        assertThat(report.reason()).isEqualTo("Not connected to the Discord gateway (STARTING)");
        assertThat(report.heartbeatAgeSeconds()).isEmpty();
    }

    @Test
    void connectedWithAFreshHeartbeatIsHealthy() {
        health.connected();
        clock.advance(Duration.ofSeconds(100));
        health.heartbeat(42);
        clock.advance(Duration.ofSeconds(41));

        HealthReport report = health.report();

        assertThat(report.httpStatus()).isEqualTo(200);
        assertThat(report.healthy()).isTrue();
        assertThat(report.heartbeatAgeSeconds()).hasValue(41);
        assertThat(report.gatewayPingMillis()).hasValue(42);
        assertThat(report.toJson())
                .isEqualTo("{\"status\":\"ok\",\"reason\":\"Connected to the Discord gateway\","
                        + "\"connection\":\"CONNECTED\",\"heartbeat_age_seconds\":41,\"gateway_ping_ms\":42}");
    }

    @Test
    void theHeartbeatLimitItselfIsStillHealthy() {
        health.connected();
        clock.advance(Duration.ofSeconds(120));
        assertThat(health.report().healthy()).isTrue();
    }

    @Test
    void aStaleHeartbeatIsUnavailable() {
        health.connected();
        clock.advance(Duration.ofSeconds(121));

        HealthReport report = health.report();

        assertThat(report.httpStatus()).isEqualTo(503);
        assertThat(report.reason()).isEqualTo("No heartbeat from the Discord gateway for 121 s (limit 120 s)");
        assertThat(report.toJson()).contains("\"status\":\"unavailable\"");
    }

    @Test
    void aHeartbeatRevivesAStaleConnection() {
        health.connected();
        clock.advance(Duration.ofSeconds(300));
        health.heartbeat(50);
        assertThat(health.report().healthy()).isTrue();
    }

    @Test
    void disconnectedIsUnavailableEvenWithARecentHeartbeat() {
        health.connected();
        health.heartbeat(40);
        health.disconnected("DISCONNECTED (1006 ...)");

        HealthReport report = health.report();

        assertThat(report.httpStatus()).isEqualTo(503);
        assertThat(report.reason()).contains("Not connected").contains("1006");
    }

    @Test
    void resumingMakesItHealthyAgain() {
        health.connected();
        health.disconnected("DISCONNECTED");
        clock.advance(Duration.ofSeconds(5));
        health.connected();
        assertThat(health.report().healthy()).isTrue();
    }

    @Test
    void aBlockingProblemWinsOverEverythingAndIsTheReason() {
        health.connected();
        health.blocked("No Discord bot token: set DISCORD_BOT_TOKEN");
        health.heartbeat(40);

        HealthReport report = health.report();

        assertThat(report.httpStatus()).isEqualTo(503);
        assertThat(report.reason()).isEqualTo("No Discord bot token: set DISCORD_BOT_TOKEN");
    }
}
