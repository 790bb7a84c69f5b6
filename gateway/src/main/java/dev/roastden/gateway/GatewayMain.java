package dev.roastden.gateway;

import dev.roastden.core.mention.MentionDecider;
import dev.roastden.core.persona.PersonaCatalog;
import dev.roastden.gateway.aws.AwsClients;
import dev.roastden.gateway.aws.SqsJobQueue;
import dev.roastden.gateway.discord.DiscordConnection;
import dev.roastden.gateway.discord.MentionListener;
import dev.roastden.gateway.health.GatewayHealth;
import dev.roastden.gateway.health.HealthReport;
import dev.roastden.gateway.health.HealthServer;
import dev.roastden.gateway.health.HeartbeatMetric;
import dev.roastden.gateway.logging.GatewayLogManager;
import dev.roastden.gateway.logging.JsonLines;
import java.io.PrintStream;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The gateway task: {@code GET /health} first, then configuration and the bot token, then the Discord session. A
 * missing token or a configuration problem does not stop the process: it keeps serving {@code /health} with 503 and
 * the reason, and logs the reason every heartbeat interval, so the operator sees what to fix.
 */
public final class GatewayMain {
    private static final int ENQUEUE_BACKLOG = 1_000;

    private GatewayMain() {}

    /** The logger, created on first use so that {@link #main} can choose the logging manager first. */
    private static final class Log {
        static final Logger LOG = LoggerFactory.getLogger(GatewayMain.class);
    }

    public static void main(String[] args) throws InterruptedException {
        // Before anything logs: keep logging alive through the shutdown hook (see GatewayLogManager).
        System.setProperty("java.util.logging.manager", GatewayLogManager.class.getName());
        Map<String, String> env = System.getenv();
        JsonLines.install(
                System.out,
                HeartbeatMetric.SERVICE,
                GatewayConfig.optional(env, "LOG_LEVEL").orElse("INFO"));
        Running gateway = start(env, Clock.systemUTC(), System.out);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            gateway.close();
                            stopped.countDown();
                        },
                        "gateway-shutdown"));
        stopped.await();
    }

    /**
     * Starts the task in this JVM and returns at once; the Discord login continues in the background.
     *
     * @param env the environment (see {@link GatewayConfig} and {@link BotTokens})
     * @param clock the clock health and metrics read
     * @param metricsOut where heartbeat metric lines go (standard output in production)
     */
    public static Running start(Map<String, String> env, Clock clock, PrintStream metricsOut) {
        PersonaCatalog personas = PersonaCatalog.fromClasspath();
        GatewayHealth health = new GatewayHealth(clock, GatewayConfig.heartbeatMaxAge(env));
        HealthServer server = HealthServer.start(GatewayConfig.healthPort(env), health::report);
        // Two threads: a slow Discord login never delays the heartbeat metric.
        ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2, r -> {
            Thread thread = new Thread(r, "gateway-scheduler");
            thread.setDaemon(true);
            return thread;
        });
        Running running = new Running(server, health, scheduler);
        Log.LOG.info("Health endpoint listening on port {}", server.port());

        List<String> problems = new ArrayList<>();
        GatewayConfig config = null;
        try {
            config = GatewayConfig.fromEnvironment(env, personas);
        } catch (IllegalArgumentException e) {
            problems.add("Configuration: " + e.getMessage());
        }
        String namespace = config != null ? config.metricsNamespace() : GatewayConfig.DEFAULT_NAMESPACE;
        HeartbeatMetric heartbeat = new HeartbeatMetric(namespace, health, clock, metricsOut);
        long interval = HeartbeatMetric.INTERVAL.toMillis();
        scheduler.scheduleAtFixedRate(
                () -> {
                    try {
                        heartbeat.beat();
                    } catch (RuntimeException e) {
                        // A failed beat must not cancel the schedule.
                        Log.LOG.warn("The heartbeat metric failed", e);
                    }
                },
                interval,
                interval,
                TimeUnit.MILLISECONDS);

        BotTokens.Resolution token = BotTokens.resolve(env, secretReader(env, config));
        token.problem().ifPresent(problems::add);
        if (!problems.isEmpty()) {
            String reason = String.join(" | ", problems);
            health.blocked(reason);
            Log.LOG.error("Not connecting to Discord: {}", reason);
            return running;
        }
        Log.LOG.info("Bot token from {}", token.source());

        SqsClient sqs = AwsClients.sqs(config);
        ThreadPoolExecutor enqueuer =
                new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(ENQUEUE_BACKLOG), r -> {
                    Thread thread = new Thread(r, "mention-enqueue");
                    thread.setDaemon(true);
                    return thread;
                });
        MentionListener listener = new MentionListener(
                new MentionDecider(personas, config.personas(), config.botChainLimit(), config.botChainWindow()),
                new SqsJobQueue(sqs, config.queueUrl()),
                enqueuer,
                health,
                config.applicationId());
        Log.LOG.info(
                "Connecting to Discord with intents {}; mention jobs go to {}",
                DiscordConnection.intents(config.messageContentIntent()),
                config.queueUrl());
        DiscordConnection connection = DiscordConnection.start(
                token.token().orElseThrow(), config.messageContentIntent(), listener, health, scheduler);
        running.connected(connection, enqueuer, sqs);
        return running;
    }

    private static BotTokens.SecretReader secretReader(Map<String, String> env, GatewayConfig config) {
        return secretId -> {
            String region = config != null
                    ? config.region()
                    : GatewayConfig.optional(env, "AWS_REGION").orElse("us-east-1");
            Optional<URI> endpoint = config != null ? config.secretsEndpoint() : Optional.empty();
            try (SecretsManagerClient client = AwsClients.secretsManager(region, endpoint)) {
                return client.getSecretValue(b -> b.secretId(secretId)).secretString();
            }
        };
    }

    /** A started gateway task. */
    public static final class Running implements AutoCloseable {
        private final HealthServer server;
        private final GatewayHealth health;
        private final ScheduledExecutorService scheduler;
        private DiscordConnection connection;
        private ThreadPoolExecutor enqueuer;
        private SqsClient sqs;
        private boolean closed;

        private Running(HealthServer server, GatewayHealth health, ScheduledExecutorService scheduler) {
            this.server = server;
            this.health = health;
            this.scheduler = scheduler;
        }

        private synchronized void connected(DiscordConnection connection, ThreadPoolExecutor enqueuer, SqsClient sqs) {
            this.connection = connection;
            this.enqueuer = enqueuer;
            this.sqs = sqs;
        }

        /** The port {@code /health} listens on. */
        public int healthPort() {
            return server.port();
        }

        /** The health verdict now. */
        public HealthReport health() {
            return health.report();
        }

        /**
         * Stops in order: {@code /health} answers 503 (so nothing counts on this task any more), leave the gateway
         * (no new mentions), let queued mentions reach SQS, then stop answering {@code /health}.
         */
        @Override
        public synchronized void close() {
            if (closed) {
                return;
            }
            closed = true;
            health.stopping();
            Log.LOG.info("Stopping: /health answers 503; leaving the Discord gateway");
            if (connection != null) {
                connection.close();
            }
            if (enqueuer != null) {
                enqueuer.shutdown();
                try {
                    if (!enqueuer.awaitTermination(10, TimeUnit.SECONDS)) {
                        Log.LOG.warn(
                                "{} mentions were not queued before shutdown",
                                enqueuer.getQueue().size());
                        enqueuer.shutdownNow();
                    }
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
            if (sqs != null) {
                sqs.close();
            }
            scheduler.shutdownNow();
            server.close();
            Log.LOG.info("Stopped");
        }
    }
}
