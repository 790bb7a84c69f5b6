package dev.roastden.local;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Checks, before anything starts, that each fixed port the local system needs is free on 127.0.0.1: a port in use
 * is then one clear line naming the port and the variable that sets it, rather than a server that hangs while
 * binding (ElasticMQ does) or a stack trace.
 */
final class Ports {
    /** A port the local system needs is taken. */
    static final class PortInUseException extends IllegalStateException {
        PortInUseException(String message) {
            super(message);
        }
    }

    private Ports() {}

    /** The configured ports by the variable that sets them; 0 (a free port is picked) is left out. */
    static Map<String, Integer> fixed(LocalConfig config) {
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put(LocalConfig.PORT_VARIABLE, config.port());
        ports.put(LocalConfig.SQS_PORT_VARIABLE, config.sqsPort());
        if (config.realDiscord().isEmpty()) {
            ports.put(LocalConfig.DISCORD_PORT_VARIABLE, config.discordPort());
        }
        ports.values().removeIf(port -> port == 0);
        return ports;
    }

    /** @throws PortInUseException naming the first port that cannot be bound on 127.0.0.1 */
    static void requireFree(LocalConfig config) {
        for (Map.Entry<String, Integer> port : fixed(config).entrySet()) {
            try (ServerSocket probe = new ServerSocket()) {
                probe.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port.getValue()));
            } catch (IOException taken) {
                throw new PortInUseException("Port " + port.getValue() + " is in use (set by " + port.getKey()
                        + "): stop what uses it, or set " + port.getKey() + " to another port.");
            }
        }
    }
}
