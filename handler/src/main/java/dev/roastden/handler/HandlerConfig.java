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
 * @param tableName the table holding the servers' personas and rosters ({@code MEMORY_TABLE_NAME}, the worker's
 *     variable); without it the handler answers autocomplete with the bundled personas and cannot open the edit form
 * @param dynamoEndpoint a DynamoDB endpoint override (local runs only)
 */
public record HandlerConfig(
        String publicKeyHex,
        String queueUrl,
        String region,
        Optional<URI> sqsEndpoint,
        Optional<String> tableName,
        Optional<URI> dynamoEndpoint) {
    public static final String PUBLIC_KEY = "DISCORD_PUBLIC_KEY";
    public static final String QUEUE_URL = "WORK_QUEUE_URL";
    public static final String REGION = "AWS_REGION";
    public static final String SQS_ENDPOINT = "SQS_ENDPOINT";
    public static final String TABLE_NAME = "MEMORY_TABLE_NAME";
    public static final String DYNAMODB_ENDPOINT = "DYNAMODB_ENDPOINT";

    /** A configuration without the persona table: autocomplete offers the bundled personas only. */
    public HandlerConfig(String publicKeyHex, String queueUrl, String region, Optional<URI> sqsEndpoint) {
        this(publicKeyHex, queueUrl, region, sqsEndpoint, Optional.empty(), Optional.empty());
    }

    /** Reads and validates the configuration. */
    public static HandlerConfig fromEnvironment(Map<String, String> env) {
        return new HandlerConfig(
                required(env, PUBLIC_KEY),
                required(env, QUEUE_URL),
                optional(env, REGION).orElse("us-east-1"),
                optional(env, SQS_ENDPOINT).map(URI::create),
                optional(env, TABLE_NAME),
                optional(env, DYNAMODB_ENDPOINT).map(URI::create));
    }

    private static Optional<String> optional(Map<String, String> env, String name) {
        return Optional.ofNullable(env.get(name)).map(String::trim).filter(s -> !s.isEmpty());
    }

    private static String required(Map<String, String> env, String name) {
        return optional(env, name).orElseThrow(() -> new IllegalStateException("Set the environment variable " + name));
    }
}
