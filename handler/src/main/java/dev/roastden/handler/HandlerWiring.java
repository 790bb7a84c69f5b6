package dev.roastden.handler;

import dev.roastden.core.persona.PersonaCatalog;
import dev.roastden.core.signature.SignatureVerifier;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.SqsClientBuilder;

/** The one place the handler reads its environment and builds its collaborators. */
public final class HandlerWiring {
    /** Every SQS attempt, and the whole call with its one retry, fit well inside Discord's 3 seconds. */
    static final Duration SQS_ATTEMPT_TIMEOUT = Duration.ofMillis(900);

    static final Duration SQS_CALL_TIMEOUT = Duration.ofMillis(1900);

    private HandlerWiring() {}

    /** The endpoint for the Lambda environment. */
    public static InteractionEndpoint fromEnvironment() {
        return create(HandlerConfig.fromEnvironment(System.getenv()), new RequestLog(System.out));
    }

    /** The endpoint for a configuration. */
    public static InteractionEndpoint create(HandlerConfig config, RequestLog log) {
        SignatureVerifier verifier = SignatureVerifier.fromHex(config.publicKeyHex());
        SqsJobQueue queue = new SqsJobQueue(sqsClient(config), config.queueUrl());
        InteractionRouter router = new InteractionRouter(queue, PersonaCatalog.fromClasspath());
        return new InteractionEndpoint(verifier, router, log);
    }

    /**
     * SQS with the URLConnection HTTP client, an explicit region, and credentials from the environment (plain
     * Lambda) or the container endpoint (SnapStart restores), skipping the slower default provider chain.
     */
    public static SqsClient sqsClient(HandlerConfig config) {
        SqsClientBuilder builder = SqsClient.builder()
                .httpClient(UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofMillis(500))
                        .socketTimeout(SQS_ATTEMPT_TIMEOUT)
                        .build())
                .region(Region.of(config.region()))
                .credentialsProvider(credentials(config))
                .overrideConfiguration(o -> o.apiCallAttemptTimeout(SQS_ATTEMPT_TIMEOUT)
                        .apiCallTimeout(SQS_CALL_TIMEOUT)
                        .retryStrategy(r -> r.maxAttempts(2)));
        config.sqsEndpoint().ifPresent(builder::endpointOverride);
        return builder.build();
    }

    private static AwsCredentialsProvider credentials(HandlerConfig config) {
        AwsCredentialsProviderChain.Builder chain = AwsCredentialsProviderChain.builder()
                .reuseLastProviderEnabled(true)
                .addCredentialsProvider(EnvironmentVariableCredentialsProvider.create())
                .addCredentialsProvider(ContainerCredentialsProvider.create());
        if (config.sqsEndpoint().isPresent()) {
            // A local SQS emulator accepts any signature; real AWS credentials still win when present.
            chain.addCredentialsProvider(
                    StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")));
        }
        return chain.build();
    }
}
