package dev.roastden.handler;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * The handler's configuration, read once from the environment and checked at start-up.
 *
 * @param publicKeyHex the Discord application's public key (public, not a secret)
 * @param queueUrl the SQS work queue
 * @param region the AWS region
 * @param sqsEndpoint an SQS endpoint override (local runs only)
 */
public record HandlerConfig(String publicKeyHex, String queueUrl, String region, Optional<URI> sqsEndpoint) {
    public static final String PUBLIC_KEY = "DISCORD_PUBLIC_KEY";
    public static final String QUEUE_URL = "WORK_QUEUE_URL";
    public static final String REGION = "AWS_REGION";
    public static final String SQS_ENDPOINT = "SQS_ENDPOINT";

    /** Reads and validates the configuration. */
    public static HandlerConfig fromEnvironment(Map<String, String> env) {
        return new HandlerConfig(
                required(env, PUBLIC_KEY),
                required(env, QUEUE_URL),
                Optional.ofNullable(env.get(REGION)).filter(s -> !s.isBlank()).orElse("us-east-1"),
                Optional.ofNullable(env.get(SQS_ENDPOINT))
                        .filter(s -> !s.isBlank())
                        .map(URI::create));
    }

    private static String required(Map<String, String> env, String name) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("Set the environment variable " + name);
        }
        return value.trim();
    }
}
