package dev.roastden.gateway.health;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;

/**
 * What the task knows about its Discord connection, and the verdict drawn from it: healthy only while connected with a
 * heartbeat younger than the limit. A configuration problem (no token, a token Discord rejects, an intent the
 * application may not use) blocks health for good and names itself as the reason. Once the task is stopping, health
 * is unavailable whatever else is true.
 */
public final class GatewayHealth {
    /** The reason {@code /health} gives once the task is shutting down. */
    public static final String STOPPING_REASON = "Stopping: the task is shutting down";

    private final Clock clock;
    private final Duration maxHeartbeatAge;

    private boolean stopping;
    private String blockedReason;
    private String connection = "STARTING";
    private boolean connected;
    private Instant lastHeartbeat;
    private long gatewayPingMillis = -1;

    public GatewayHealth(Clock clock, Duration maxHeartbeatAge) {
        this.clock = clock;
        this.maxHeartbeatAge = maxHeartbeatAge;
    }

    /** A problem that connecting again will not fix; health stays 503 with this reason. */
    public synchronized void blocked(String reason) {
        blockedReason = reason;
        connected = false;
    }

    /**
     * The task is shutting down: health is 503 from now on, whatever the connection does, so the load balancer and
     * ECS stop counting on this task while it leaves Discord and drains.
     */
    public synchronized void stopping() {
        stopping = true;
    }

    /** The connection's state changed (informational; JDA's status names). */
    public synchronized void connection(String state) {
        connection = state;
    }

    /** The session is ready (new or resumed): Discord just spoke, which counts as a heartbeat. */
    public synchronized void connected() {
        connected = true;
        lastHeartbeat = clock.instant();
        connection = "CONNECTED";
    }

    /** Discord acknowledged a heartbeat. */
    public synchronized void heartbeat(long pingMillis) {
        lastHeartbeat = clock.instant();
        gatewayPingMillis = pingMillis;
    }

    /** The connection dropped; JDA reconnects or resumes on its own. */
    public synchronized void disconnected(String why) {
        connected = false;
        connection = why;
    }

    /** The verdict now. */
    public synchronized HealthReport report() {
        Instant now = clock.instant();
        OptionalLong age = lastHeartbeat == null
                ? OptionalLong.empty()
                : OptionalLong.of(
                        Math.max(0, Duration.between(lastHeartbeat, now).toSeconds()));
        OptionalLong ping = gatewayPingMillis < 0 ? OptionalLong.empty() : OptionalLong.of(gatewayPingMillis);
        if (stopping) {
            return new HealthReport(false, STOPPING_REASON, connection, age, ping);
        }
        if (blockedReason != null) {
            return new HealthReport(false, blockedReason, connection, age, ping);
        }
        if (!connected) {
            return new HealthReport(
                    false, "Not connected to the Discord gateway (" + connection + ")", connection, age, ping);
        }
        if (lastHeartbeat.plus(maxHeartbeatAge).isBefore(now)) {
            return new HealthReport(
                    false,
                    "No heartbeat from the Discord gateway for " + age.getAsLong() + " s (limit "
                            + maxHeartbeatAge.toSeconds() + " s)",
                    connection,
                    age,
                    ping);
        }
        return new HealthReport(true, "Connected to the Discord gateway", connection, age, ping);
    }
}
