package dev.roastden.gateway.health;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.roastden.core.json.Json;
import java.io.UncheckedIOException;
import java.util.OptionalLong;

/**
 * The gateway's health at one moment, as {@code GET /health} reports it.
 *
 * @param healthy connected to Discord's gateway with a recent heartbeat
 * @param reason why it is (or is not) healthy, in words for the operator
 * @param connection the connection's state (JDA's status name, or what the task is waiting for)
 * @param heartbeatAgeSeconds seconds since the gateway last acknowledged a heartbeat, when it ever did
 * @param gatewayPingMillis the round trip of the last heartbeat, when known
 */
public record HealthReport(
        boolean healthy,
        String reason,
        String connection,
        OptionalLong heartbeatAgeSeconds,
        OptionalLong gatewayPingMillis) {

    /** 200 while healthy, 503 otherwise. */
    public int httpStatus() {
        return healthy ? 200 : 503;
    }

    /** The report as the JSON body of {@code GET /health}. */
    public String toJson() {
        ObjectNode node = Json.mapper().createObjectNode();
        node.put("status", healthy ? "ok" : "unavailable");
        node.put("reason", reason);
        node.put("connection", connection);
        heartbeatAgeSeconds.ifPresent(age -> node.put("heartbeat_age_seconds", age));
        gatewayPingMillis.ifPresent(ping -> node.put("gateway_ping_ms", ping));
        try {
            return Json.mapper().writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
