package dev.roastden.handler;

import dev.roastden.core.job.JobQueue;
import dev.roastden.core.persona.PersonaCatalog;
import dev.roastden.core.signature.SignatureVerifier;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
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
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;
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
 * benchmark machine both run them side by side. All of that is joined before {@link #create} returns, so the first
 * request finds it built and a client that cannot be built still fails the init, as it would serially.
 *
 * <p>The DynamoDB client (autocomplete's roster, the edit form's persona) is the exception: a command never uses it,
 * so it is built only once the SQS client is ready, on a daemon thread of its own that the init does not join. Only
 * a read waits for it, at most {@link #DYNAMO_CLIENT_WAIT}, and answers without it after that; a client that cannot
 * be built costs those reads, never the init or a command.
 */
public final class HandlerWiring {
    /** Every SQS attempt, and the whole call with its one retry, fit well inside Discord's 3 seconds. */
    static final Duration SQS_ATTEMPT_TIMEOUT = Duration.ofMillis(900);

    static final Duration SQS_CALL_TIMEOUT = Duration.ofMillis(1900);

    /** A GetItem attempt; with its one retry the whole read stays under a second. */
    static final Duration DYNAMO_ATTEMPT_TIMEOUT = Duration.ofMillis(400);

    static final Duration DYNAMO_CALL_TIMEOUT = Duration.ofMillis(900);

    /** How long a read waits for the client's background build (only the first reads after a cold start do). */
    static final Duration DYNAMO_CLIENT_WAIT = Duration.ofMillis(1000);

    private HandlerWiring() {}

    /**
     * What the wiring built: the endpoint, and the priming that a SnapStart checkpoint runs (it also waits for the
     * DynamoDB client, so the snapshot holds it built).
     */
    record Wired(InteractionEndpoint endpoint, HandlerPriming priming, PersonaReads reads) {}

    /** The endpoint for the Lambda environment. */
    static Wired fromEnvironment() {
        return wire(HandlerConfig.fromEnvironment(System.getenv()), new RequestLog(System.out));
    }

    /** The endpoint for a configuration. */
    public static InteractionEndpoint create(HandlerConfig config, RequestLog log) {
        return wire(config, log).endpoint();
    }

    /** The endpoint for a configuration, its SQS queue wrapped (the local system journals each job first). */
    public static InteractionEndpoint create(
            HandlerConfig config, RequestLog log, java.util.function.UnaryOperator<JobQueue> queue) {
        return wire(config, log, queue).endpoint();
    }

    static Wired wire(HandlerConfig config, RequestLog log) {
        return wire(config, log, java.util.function.UnaryOperator.identity());
    }

    static Wired wire(HandlerConfig config, RequestLog log, java.util.function.UnaryOperator<JobQueue> wrap) {
        // Two threads rather than one: the TLS context (the JDK trust store included) is ~10-15 % of the cold
        // start's CPU, and the client builder needs it only for its last step, after the pipeline warm-up.
        CompletableFuture<SdkHttpClient> http = inBackground("sqs-http-init", HandlerWiring::httpClient);
        CompletableFuture<SqsClient> sqs = inBackground("sqs-client-init", () -> {
            SqsWarmUp.sendOnce(config, log);
            return sqsClient(config, http.join(), credentials(config.sqsEndpoint()));
        });

        SignatureVerifier verifier = SignatureVerifier.fromHex(config.publicKeyHex());
        PersonaCatalog personas = PersonaCatalog.fromClasspath();
        HandlerPriming.warmUp(personas);

        JobQueue queue = wrap.apply(new SqsJobQueue(await(sqs), config.queueUrl()));
        PersonaReads reads = config.tableName()
                .<PersonaReads>map(table -> new DynamoPersonaReads(
                        inBackground("dynamodb-client-init", () -> {
                            DynamoWarmUp.readOnce(config, log);
                            return dynamoClient(config, http.join(), credentials(config.dynamoEndpoint()));
                        }),
                        table,
                        DYNAMO_CLIENT_WAIT))
                .orElseGet(() -> {
                    log.event(
                            "WARN",
                            HandlerConfig.TABLE_NAME + " is not set: autocomplete offers the bundled personas only"
                                    + " and /persona edit cannot load a persona");
                    return PersonaReads.NONE;
                });
        InteractionRouter router = new InteractionRouter(queue, personas, reads);
        return new Wired(new InteractionEndpoint(verifier, router, log), new HandlerPriming(config, reads), reads);
    }

    /**
     * DynamoDB with the URLConnection HTTP client, an explicit region and the same credentials as SQS, with tight
     * timeouts: a read that cannot finish quickly is answered without.
     */
    static DynamoDbClient dynamoClient(HandlerConfig config, SdkHttpClient http, AwsCredentialsProvider credentials) {
        return dynamoClient(config, http, credentials, DYNAMO_ATTEMPT_TIMEOUT, DYNAMO_CALL_TIMEOUT);
    }

    /** The same client with other timeouts ({@link DynamoWarmUp}'s patient ones). */
    static DynamoDbClient dynamoClient(
            HandlerConfig config,
            SdkHttpClient http,
            AwsCredentialsProvider credentials,
            Duration attemptTimeout,
            Duration callTimeout) {
        DynamoDbClientBuilder builder = DynamoDbClient.builder()
                .httpClient(http)
                .region(Region.of(config.region()))
                .credentialsProvider(credentials)
                .overrideConfiguration(o -> o.apiCallAttemptTimeout(attemptTimeout)
                        .apiCallTimeout(callTimeout)
                        .retryStrategy(r -> r.maxAttempts(2)));
        config.dynamoEndpoint().ifPresent(builder::endpointOverride);
        return builder.build();
    }

    /**
     * SQS with the URLConnection HTTP client, an explicit region, and credentials from the environment (plain
     * Lambda) or the container endpoint (SnapStart restores), skipping the slower default provider chain.
     */
    public static SqsClient sqsClient(HandlerConfig config) {
        return sqsClient(config, httpClient(), credentials(config.sqsEndpoint()));
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

    private static AwsCredentialsProvider credentials(Optional<URI> localEndpoint) {
        AwsCredentialsProviderChain.Builder chain = AwsCredentialsProviderChain.builder()
                .reuseLastProviderEnabled(true)
                .addCredentialsProvider(EnvironmentVariableCredentialsProvider.create())
                .addCredentialsProvider(ContainerCredentialsProvider.create());
        if (localEndpoint.isPresent()) {
            // A local emulator accepts any signature; real AWS credentials still win when present.
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
