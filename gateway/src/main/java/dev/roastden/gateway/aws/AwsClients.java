package dev.roastden.gateway.aws;

import dev.roastden.gateway.GatewayConfig;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClientBuilder;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.SqsClientBuilder;

/**
 * The AWS clients of the gateway task: URLConnection HTTP, an explicit region, and the default credentials chain (on
 * Fargate: the task role through the container credentials endpoint). With an endpoint override (a local emulator),
 * credentials come from the environment when set, else are dummies: emulators accept any signature, and the default
 * chain's instance-metadata probing would only slow a local start.
 */
public final class AwsClients {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(20);

    private AwsClients() {}

    /** SQS for the work queue. */
    public static SqsClient sqs(GatewayConfig config) {
        SqsClientBuilder builder = SqsClient.builder()
                .httpClient(http())
                .region(Region.of(config.region()))
                .credentialsProvider(credentials(config.sqsEndpoint()))
                .overrideConfiguration(o -> o.apiCallTimeout(CALL_TIMEOUT));
        config.sqsEndpoint().ifPresent(builder::endpointOverride);
        return builder.build();
    }

    /** Secrets Manager, for the bot token. */
    public static SecretsManagerClient secretsManager(String region, Optional<URI> endpoint) {
        SecretsManagerClientBuilder builder = SecretsManagerClient.builder()
                .httpClient(http())
                .region(Region.of(region))
                .credentialsProvider(credentials(endpoint))
                .overrideConfiguration(o -> o.apiCallTimeout(CALL_TIMEOUT));
        endpoint.ifPresent(builder::endpointOverride);
        return builder.build();
    }

    private static SdkHttpClient http() {
        return UrlConnectionHttpClient.builder()
                .connectionTimeout(CONNECT_TIMEOUT)
                .socketTimeout(SOCKET_TIMEOUT)
                .build();
    }

    private static AwsCredentialsProvider credentials(Optional<URI> endpointOverride) {
        DefaultCredentialsProvider defaults =
                DefaultCredentialsProvider.builder().build();
        if (endpointOverride.isEmpty()) {
            return defaults;
        }
        return AwsCredentialsProviderChain.builder()
                .reuseLastProviderEnabled(true)
                .addCredentialsProvider(defaults)
                .addCredentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .build();
    }
}
