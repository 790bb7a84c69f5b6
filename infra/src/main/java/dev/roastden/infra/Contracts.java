package dev.roastden.infra;

/**
 * Names the deployed system shares with the rest of the codebase: artifact paths, Lambda entry
 * points, stable logical ids and metric names. Changing one of these breaks a contract with
 * another module, the sample events or the operator's documentation.
 */
public final class Contracts {

    /** Stack id, and so the name of {@code cdk.out/RoastDenStack.template.json}. */
    public static final String STACK_ID = "RoastDenStack";

    /** The handler's shaded jar, relative to the repository root. */
    public static final String HANDLER_JAR = "handler/target/roastden-handler.jar";

    /** The worker's shaded jar, relative to the repository root. */
    public static final String WORKER_JAR = "deferred-worker/target/roastden-worker.jar";

    /**
     * The gateway's Dockerfile, relative to the repository root. Its build context is the repository
     * root itself: the image builds the gateway from the Maven reactor (parent pom, {@code core},
     * {@code personalities}, …).
     */
    public static final String GATEWAY_DOCKERFILE = "gateway/Dockerfile";

    /** Command that produces both jars, named in every "artifact missing" message. */
    public static final String BUILD_COMMAND = "mvn -B package -DskipTests";

    public static final String HANDLER_ENTRY_POINT = "dev.roastden.handler.InteractionsHandler::handleRequest";
    public static final String WORKER_ENTRY_POINT = "dev.roastden.worker.DeferredWorkerHandler::handleRequest";

    /** Logical id of the handler function; {@code sam local invoke} and events/env.json use it. */
    public static final String HANDLER_LOGICAL_ID = "InteractionsHandlerFunction";

    /** Logical id of the worker function; {@code sam local invoke} and events/env.json use it. */
    public static final String WORKER_LOGICAL_ID = "DeferredWorkerFunction";

    /** Alias that API Gateway, the SQS event source and the keep-alive schedule invoke. */
    public static final String LIVE_ALIAS = "live";

    /** CloudWatch namespace of the application's own metrics (worker EMF, gateway heartbeat). */
    public static final String METRICS_NAMESPACE = "RoastDen";

    /** Powertools service name of the worker; also the value of its {@code Service} dimension. */
    public static final String WORKER_SERVICE_NAME = "roastden-worker";

    /** Dimension name Powertools metrics add for the service. */
    public static final String SERVICE_DIMENSION = "Service";

    public static final String MODEL_RESPONSE_TIME_METRIC = "ModelResponseTime";
    public static final String GATEWAY_HEARTBEAT_METRIC = "GatewayHeartbeat";

    /**
     * Counted by the worker (with the {@value #SERVICE_DIMENSION} dimension) each time Bedrock refuses
     * a model call for a reason no retry fixes: access denied (no model access, no IAM permission),
     * validation (a wrong model id or parameter), model or profile not found. Every member then sees
     * an error, so it has an alarm.
     */
    public static final String MODEL_REJECTED_METRIC = "ModelRejected";

    /**
     * Default model: the Claude Haiku 4.5 global cross-Region inference profile. It can be called
     * from every commercial Region that serves it (see {@link
     * dev.roastden.infra.worker.InferenceProfileRegions}) and is priced about 10% below the
     * geographic ({@code us.}, {@code eu.} …) profiles. Deployments that must keep prompts inside a
     * geography choose a geographic profile instead.
     */
    public static final String DEFAULT_BEDROCK_MODEL_ID = "global.anthropic.claude-haiku-4-5-20251001-v1:0";

    private Contracts() {}
}
