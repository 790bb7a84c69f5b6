package dev.roastden.handler;

import dev.roastden.core.persona.PersonaCatalog;
import dev.roastden.core.signature.SignatureVerifier;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.SqsClientBuilder;

/**
 * The one place the handler reads its environment and builds its collaborators.
 *
 * <p>Built for the cold start, which Discord's 3-second clock includes (docs/PERFORMANCE.md has the figures). The
 * SQS client is the dearest part of the first answer: the TLS trust store, the SDK's client builder and its
 * first-call pipeline (hundreds of classes and lambdas) take more CPU than Jackson, Bouncy Castle and the personas
 * together, yet need nothing from them. So {@link #create} builds it on two daemon threads while the calling thread
 * loads the rest and runs the request path once ({@link HandlerPriming#warmUp}); Lambda's init phase and the 2-core
 * benchmark machine both run them side by side. Everything is joined before {@link #create} returns, so the first
 * request finds it all built and a client that cannot be built still fails the init, as it would serially.
 */
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
        // Two threads rather than one: the TLS context (the JDK trust store included) is ~10-15 % of the cold
        // start's CPU, and the client builder needs it only for its last step, after the pipeline warm-up.
        CompletableFuture<SdkHttpClient> http = inBackground("sqs-http-init", HandlerWiring::httpClient);
        CompletableFuture<SqsClient> sqs = inBackground("sqs-client-init", () -> {
            SqsWarmUp.sendOnce(config, log);
            return sqsClient(config, http.join(), credentials(config));
        });

        SignatureVerifier verifier = SignatureVerifier.fromHex(config.publicKeyHex());
        PersonaCatalog personas = PersonaCatalog.fromClasspath();
        HandlerPriming.warmUp(personas);

        SqsJobQueue queue = new SqsJobQueue(await(sqs), config.queueUrl());
        InteractionRouter router = new InteractionRouter(queue, personas);
        return new InteractionEndpoint(verifier, router, log);
    }

    /**
     * SQS with the URLConnection HTTP client, an explicit region, and credentials from the environment (plain
     * Lambda) or the container endpoint (SnapStart restores), skipping the slower default provider chain.
     */
    public static SqsClient sqsClient(HandlerConfig config) {
        return sqsClient(config, httpClient(), credentials(config));
    }

    /**
     * The SQS client with a given HTTP client and credentials: the real ones, or the canned ones of {@link
     * SqsWarmUp}, which must exercise the same configuration.
     */
    static SqsClient sqsClient(HandlerConfig config, SdkHttpClient http, AwsCredentialsProvider credentials) {
        SqsClientBuilder builder = SqsClient.builder()
                .httpClient(http)
                .region(Region.of(config.region()))
                .credentialsProvider(credentials)
                .overrideConfiguration(o -> o.apiCallAttemptTimeout(SQS_ATTEMPT_TIMEOUT)
                        .apiCallTimeout(SQS_CALL_TIMEOUT)
                        .retryStrategy(r -> r.maxAttempts(2)));
        config.sqsEndpoint().ifPresent(builder::endpointOverride);
        return builder.build();
    }

    /** Builds its TLS context, and so loads the JDK trust store, here rather than on the first request. */
    private static SdkHttpClient httpClient() {
        return UrlConnectionHttpClient.builder()
                .connectionTimeout(Duration.ofMillis(500))
                .socketTimeout(SQS_ATTEMPT_TIMEOUT)
                .build();
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

    /**
     * Runs {@code work} on a new daemon thread (daemon so that a failed init never keeps the JVM alive). A plain
     * thread rather than the common pool, which has a single worker on two cores and would queue the two tasks.
     */
    private static <T> CompletableFuture<T> inBackground(String name, Supplier<T> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Thread thread = new Thread(
                () -> {
                    try {
                        result.complete(work.get());
                    } catch (Throwable e) {
                        result.completeExceptionally(e);
                    }
                },
                name);
        thread.setDaemon(true);
        thread.start();
        return result;
    }

    /** The result, with the background thread's own exception rethrown as it would have been on this thread. */
    private static <T> T await(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause();
            while (cause instanceof CompletionException && cause.getCause() != null) {
                cause = cause.getCause();
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }
}
