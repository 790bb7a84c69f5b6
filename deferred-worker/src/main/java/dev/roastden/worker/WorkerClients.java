package dev.roastden.worker;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClientBuilder;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClientBuilder;

/**
 * The worker's SDK clients, each with an explicit URLConnection HTTP client, region and timeouts sized for its
 * calls. An endpoint, when given, points a client at an emulator. No network call happens here.
 */
final class WorkerClients {
    private WorkerClients() {}

    /** DynamoDB: short calls, SDK retries (or the strategy given, tests use one that does not sleep). */
    static DynamoDbClient dynamo(
            Region region,
            AwsCredentialsProvider credentials,
            Optional<URI> endpoint,
            Optional<RetryStrategy> retryStrategy) {
        DynamoDbClientBuilder builder = DynamoDbClient.builder()
                .region(region)
                .credentialsProvider(credentials)
                .httpClient(UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(2))
                        .socketTimeout(Duration.ofSeconds(5))
                        .build())
                .overrideConfiguration(o -> {
                    o.apiCallTimeout(Duration.ofSeconds(12));
                    retryStrategy.ifPresent(o::retryStrategy);
                });
        endpoint.ifPresent(builder::endpointOverride);
        return builder.build();
    }

    /** Bedrock: long answers take a while, so a generous read timeout; no SDK retries (RetryingModel and the queue retry). */
    static BedrockRuntimeClient bedrock(Region region, AwsCredentialsProvider credentials, Optional<URI> endpoint) {
        BedrockRuntimeClientBuilder builder = BedrockRuntimeClient.builder()
                .region(region)
                .credentialsProvider(credentials)
                .httpClient(UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(3))
                        .socketTimeout(Duration.ofSeconds(120))
                        .build())
                .overrideConfiguration(
                        o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()).apiCallTimeout(Duration.ofSeconds(150)));
        endpoint.ifPresent(builder::endpointOverride);
        return builder.build();
    }

    /** Secrets Manager: one small read per token refresh. */
    static SecretsManagerClient secrets(Region region, AwsCredentialsProvider credentials, Optional<URI> endpoint) {
        SecretsManagerClientBuilder builder = SecretsManagerClient.builder()
                .region(region)
                .credentialsProvider(credentials)
                .httpClient(UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(2))
                        .socketTimeout(Duration.ofSeconds(5))
                        .build());
        endpoint.ifPresent(builder::endpointOverride);
        return builder.build();
    }
}
