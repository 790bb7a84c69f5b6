package dev.roastden.gateway.health;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.roastden.core.json.Json;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The heartbeat metric: every {@link #INTERVAL}, while the gateway is healthy, one CloudWatch Embedded Metric Format
 * line on standard output ({@code GatewayHeartbeat} = 1 in namespace {@code RoastDen}). CloudWatch Logs turns the line
 * into the metric; the alarm fires when the metric goes missing, so nothing is published while unhealthy, and the
 * log says why instead.
 *
 * <p>The metric is published twice: with the dimension {@code service=roastden-gateway}, and without dimensions,
 * which is the series the infrastructure's missing-heartbeat alarm watches.
 */
public final class HeartbeatMetric {
    public static final Duration INTERVAL = Duration.ofSeconds(30);
    public static final String METRIC = "GatewayHeartbeat";
    public static final String DIMENSION = "service";
    public static final String SERVICE = "roastden-gateway";

    private static final Logger LOG = LoggerFactory.getLogger(HeartbeatMetric.class);

    private final String namespace;
    private final GatewayHealth health;
    private final Clock clock;
    private final PrintStream out;

    public HeartbeatMetric(String namespace, GatewayHealth health, Clock clock, PrintStream out) {
        this.namespace = namespace;
        this.health = health;
        this.clock = clock;
        this.out = out;
    }

    /** Publishes one heartbeat if healthy, otherwise logs why none was published. Returns whether it published. */
    public boolean beat() {
        HealthReport report = health.report();
        if (!report.healthy()) {
            LOG.warn("No heartbeat published: {}", report.reason());
            return false;
        }
        out.println(emfLine(namespace, clock.instant(), report.gatewayPingMillis()));
        return true;
    }

    /** One heartbeat as an Embedded Metric Format document on one line. */
    public static String emfLine(String namespace, Instant at, OptionalLong gatewayPingMillis) {
        ObjectNode root = Json.mapper().createObjectNode();
        ObjectNode aws = root.putObject("_aws");
        aws.put("Timestamp", at.toEpochMilli());
        ObjectNode directive = aws.putArray("CloudWatchMetrics").addObject();
        directive.put("Namespace", namespace);
        ArrayNode dimensions = directive.putArray("Dimensions");
        dimensions.addArray().add(DIMENSION);
        dimensions.addArray();
        ObjectNode metric = directive.putArray("Metrics").addObject();
        metric.put("Name", METRIC);
        metric.put("Unit", "Count");
        root.put(DIMENSION, SERVICE);
        root.put(METRIC, 1);
        gatewayPingMillis.ifPresent(ping -> root.put("gateway_ping_ms", ping));
        try {
            return Json.mapper().writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
