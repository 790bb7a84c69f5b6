package dev.roastden.local;

import java.util.Map;
import java.util.Optional;

/**
 * How the local system runs, from the environment.
 *
 * @param port the HTTP port of the endpoint and pages
 * @param sqsPort the port of the in-process SQS server
 * @param discordPublicKey a real Discord application's public key; absent means the committed test-only key
 */
public record LocalConfig(int port, int sqsPort, Optional<String> discordPublicKey) {
    public static LocalConfig fromEnvironment(Map<String, String> env) {
        return new LocalConfig(
                intValue(env, "ROASTDEN_PORT", 8080),
                intValue(env, "ROASTDEN_SQS_PORT", 9324),
                Optional.ofNullable(env.get("DISCORD_PUBLIC_KEY")).filter(s -> !s.isBlank()));
    }

    private static int intValue(Map<String, String> env, String name, int fallback) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalStateException(name + " must be a port number, not '" + value + "'");
        }
    }
}
