package dev.roastden.infra.handler;

import dev.roastden.infra.Contracts;
import dev.roastden.infra.Nag;
import dev.roastden.infra.lambda.SnapStartJavaFunction;
import dev.roastden.infra.lambda.SnapStartJavaFunctionProps;
import dev.roastden.infra.lambda.SnapStartKeepAlive;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.constructs.Construct;

/**
 * The interactions handler: verifies Discord's signature, answers PING and autocomplete in-line,
 * queues everything else for the worker and answers "deferred" — all within Discord's three
 * seconds, cold start included. It calls no model and no secret; its only permissions beyond its
 * own logs and traces are {@code sqs:SendMessage} on the work queue and {@code dynamodb:GetItem} on
 * the table (autocomplete reads the server's roster, the edit form a persona: one small read at
 * most per request, bounded, answered without it when slow).
 */
public final class InteractionsHandler extends Construct {

    /**
     * 1769 MB is the size at which Lambda gives a function one full vCPU. The handler's first
     * answer after a cold start or a snapshot restore is CPU-bound class loading and JIT (JSON,
     * Ed25519, the SQS client): about one second of CPU in the cold-path measurements. At 1024 MB
     * (0.58 vCPU) that stretches toward Discord's three-second limit; at one vCPU it does not. Per
     * invocation the handler runs for tens of milliseconds, so the larger size costs little.
     */
    public static final int MEMORY_MB = 1769;

    /** Verify, parse, one SQS send or one GetItem: far below this even cold; Discord gives up after 3 s anyway. */
    public static final Duration TIMEOUT = Duration.seconds(10);

    private final SnapStartJavaFunction function;

    public InteractionsHandler(Construct scope, String id, InteractionsHandlerProps props) {
        super(scope, id);

        function = new SnapStartJavaFunction(
                this,
                "Lambda",
                new SnapStartJavaFunctionProps(
                        Contracts.HANDLER_LOGICAL_ID,
                        props.jar(),
                        Contracts.HANDLER_ENTRY_POINT,
                        "Roast Den: verifies and answers Discord interactions, queues the work",
                        MEMORY_MB,
                        TIMEOUT,
                        Map.of(
                                "DISCORD_PUBLIC_KEY", props.discordPublicKey(),
                                "WORK_QUEUE_URL", props.workQueue().queue().getQueueUrl(),
                                "MEMORY_TABLE_NAME", props.memory().table().getTableName(),
                                // The Lambda java21 runtime patches Log4j against CVE-2021-44228 at start-up,
                                // at a cold-start cost. The handler has no Log4j on its classpath at all, so
                                // the patch protects nothing here and is switched off.
                                "AWS_LAMBDA_DISABLE_CVE_2021_44228_PROTECTION", "true"),
                        RetentionDays.ONE_MONTH));

        props.workQueue().grantSendOnly(function.role());
        props.memory().grantHandlerRead(function.role());

        Nag.acceptOnly(
                function.role(),
                "AwsSolutions-IAM5",
                "X-Ray's PutTraceSegments and PutTelemetryRecords do not support resource-level permissions;"
                        + " AWS requires Resource \"*\" for active tracing.",
                "Resource::*");

        // An unsigned request: the handler answers 401, as to any unsigned request, and queues nothing.
        props.keepAlive()
                .ifPresent(rate -> new SnapStartKeepAlive(
                        this,
                        "SnapStartKeepAlive",
                        function.alias(),
                        rate,
                        unsignedRequest(),
                        "Keeps the interactions handler's SnapStart version active (unsigned request, answered 401)"));
    }

    /** An API Gateway HTTP API (payload 2.0) request without Discord's signature headers. */
    static Map<String, Object> unsignedRequest() {
        return Map.of(
                "version", "2.0",
                "routeKey", "POST /interactions",
                "rawPath", "/interactions",
                "rawQueryString", "",
                "headers", Map.of("content-type", "application/json", "user-agent", "roastden-keepalive"),
                "requestContext",
                        Map.of(
                                "http",
                                Map.of(
                                        "method", "POST",
                                        "path", "/interactions",
                                        "protocol", "HTTP/1.1",
                                        "sourceIp", "127.0.0.1",
                                        "userAgent", "roastden-keepalive"),
                                "requestId",
                                "keepalive",
                                "routeKey",
                                "POST /interactions",
                                "stage",
                                "$default"),
                "body", "{\"type\":1}",
                "isBase64Encoded", false);
    }

    /** The function; invoke it through {@link #alias()}. */
    public Function function() {
        return function.function();
    }

    /** The alias API Gateway integrates with. */
    public Alias alias() {
        return function.alias();
    }

    /** The execution role. */
    public Role role() {
        return function.role();
    }
}
