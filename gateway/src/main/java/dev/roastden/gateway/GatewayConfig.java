package dev.roastden.gateway;

import dev.roastden.core.mention.PersonaDefaults;
import dev.roastden.core.persona.PersonaCatalog;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The gateway task's configuration, read once from the environment. The bot token is not part of it (see
 * {@link BotTokens}): it is a secret and never travels with the rest.
 *
 * @param healthPort {@code HEALTH_PORT}: where {@code GET /health} listens (default 8080)
 * @param heartbeatMaxAge {@code GATEWAY_HEARTBEAT_MAX_AGE_SECONDS}: how old the last gateway heartbeat may be while
 *     healthy (default 120 s, about three of Discord's heartbeat intervals)
 * @param queueUrl {@code WORK_QUEUE_URL}: the SQS work queue
 * @param region {@code AWS_REGION}, else {@code AWS_DEFAULT_REGION}, else the queue URL's region
 * @param sqsEndpoint {@code SQS_ENDPOINT}: an SQS endpoint override (local runs)
 * @param secretsEndpoint {@code SECRETS_MANAGER_ENDPOINT}: a Secrets Manager endpoint override (local runs)
 * @param applicationId {@code DISCORD_APPLICATION_ID}; when absent, the one Discord reports for the bot
 * @param metricsNamespace {@code METRICS_NAMESPACE} (default {@code RoastDen})
 * @param personas {@code GATEWAY_CHANNEL_PERSONAS}, {@code GATEWAY_SERVER_PERSONAS}, {@code GATEWAY_DEFAULT_PERSONA}
 * @param botChainLimit {@code GATEWAY_BOT_CHAIN_LIMIT}: other bots' mentions answered in a row per channel (default 3)
 * @param botChainWindow {@code GATEWAY_BOT_CHAIN_WINDOW_SECONDS}: quiet time after which a bot chain lapses (default
 *     600 s)
 * @param messageContentIntent {@code GATEWAY_MESSAGE_CONTENT_INTENT=true} asks for the privileged Message Content
 *     intent (off by default; see the README)
 * @param logLevel {@code LOG_LEVEL} (default {@code INFO})
 */
public record GatewayConfig(
        int healthPort,
        Duration heartbeatMaxAge,
        String queueUrl,
        String region,
        Optional<URI> sqsEndpoint,
        Optional<URI> secretsEndpoint,
        Optional<String> applicationId,
        String metricsNamespace,
        PersonaDefaults personas,
        int botChainLimit,
        Duration botChainWindow,
        boolean messageContentIntent,
        String logLevel) {

    public static final int DEFAULT_HEALTH_PORT = 8080;
    public static final Duration DEFAULT_HEARTBEAT_MAX_AGE = Duration.ofSeconds(120);
    public static final String DEFAULT_NAMESPACE = "RoastDen";
    public static final int DEFAULT_BOT_CHAIN_LIMIT = 3;
    public static final Duration DEFAULT_BOT_CHAIN_WINDOW = Duration.ofMinutes(10);

    private static final Pattern QUEUE_URL_REGION = Pattern.compile("^https://sqs\\.([a-z0-9-]+)\\.amazonaws\\.com");

    /**
     * Reads and checks the configuration.
     *
     * @throws IllegalArgumentException listing every problem found, for the health endpoint and the log
     */
    public static GatewayConfig fromEnvironment(Map<String, String> env, PersonaCatalog catalog) {
        List<String> problems = new ArrayList<>();
        int healthPort = integer(env, "HEALTH_PORT", DEFAULT_HEALTH_PORT, 0, 65_535, problems);
        long maxAge = integer(
                env,
                "GATEWAY_HEARTBEAT_MAX_AGE_SECONDS",
                (int) DEFAULT_HEARTBEAT_MAX_AGE.toSeconds(),
                1,
                3600,
                problems);
        Optional<String> queueUrl = optional(env, "WORK_QUEUE_URL");
        if (queueUrl.isEmpty()) {
            problems.add("WORK_QUEUE_URL is not set (the SQS queue mention jobs go to)");
        }
        String region = optional(env, "AWS_REGION")
                .or(() -> optional(env, "AWS_DEFAULT_REGION"))
                .or(() -> queueUrl.flatMap(GatewayConfig::regionOf))
                .orElse("us-east-1");
        Optional<URI> sqsEndpoint = uri(env, "SQS_ENDPOINT", problems);
        Optional<URI> secretsEndpoint = uri(env, "SECRETS_MANAGER_ENDPOINT", problems);
        int chainLimit = integer(env, "GATEWAY_BOT_CHAIN_LIMIT", DEFAULT_BOT_CHAIN_LIMIT, 0, 100, problems);
        long chainWindow = integer(
                env,
                "GATEWAY_BOT_CHAIN_WINDOW_SECONDS",
                (int) DEFAULT_BOT_CHAIN_WINDOW.toSeconds(),
                1,
                86_400,
                problems);
        boolean messageContent = flag(env, "GATEWAY_MESSAGE_CONTENT_INTENT", problems);
        PersonaDefaults personas = PersonaDefaults.NONE;
        try {
            personas = PersonaDefaults.parse(
                    optional(env, "GATEWAY_CHANNEL_PERSONAS"),
                    optional(env, "GATEWAY_SERVER_PERSONAS"),
                    optional(env, "GATEWAY_DEFAULT_PERSONA"),
                    catalog);
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        return new GatewayConfig(
                healthPort,
                Duration.ofSeconds(maxAge),
                queueUrl.orElseThrow(),
                region,
                sqsEndpoint,
                secretsEndpoint,
                optional(env, "DISCORD_APPLICATION_ID"),
                optional(env, "METRICS_NAMESPACE").orElse(DEFAULT_NAMESPACE),
                personas,
                chainLimit,
                Duration.ofSeconds(chainWindow),
                messageContent,
                optional(env, "LOG_LEVEL").orElse("INFO"));
    }

    /** The health port alone, so {@code /health} can answer even when the rest of the configuration is wrong. */
    public static int healthPort(Map<String, String> env) {
        return integer(env, "HEALTH_PORT", DEFAULT_HEALTH_PORT, 0, 65_535, new ArrayList<>());
    }

    /** The heartbeat age limit alone, for the same reason. */
    public static Duration heartbeatMaxAge(Map<String, String> env) {
        return Duration.ofSeconds(integer(
                env,
                "GATEWAY_HEARTBEAT_MAX_AGE_SECONDS",
                (int) DEFAULT_HEARTBEAT_MAX_AGE.toSeconds(),
                1,
                3600,
                new ArrayList<>()));
    }

    static Optional<String> regionOf(String queueUrl) {
        Matcher matcher = QUEUE_URL_REGION.matcher(queueUrl);
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    static Optional<String> optional(Map<String, String> env, String name) {
        return Optional.ofNullable(env.get(name)).map(String::trim).filter(s -> !s.isEmpty());
    }

    private static int integer(
            Map<String, String> env, String name, int fallback, int min, int max, List<String> problems) {
        Optional<String> text = optional(env, name);
        if (text.isEmpty()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text.get());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        problems.add(name + " must be a whole number from " + min + " to " + max + ", not '" + text.get() + "'");
        return fallback;
    }

    private static Optional<URI> uri(Map<String, String> env, String name, List<String> problems) {
        Optional<String> text = optional(env, name);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            URI uri = URI.create(text.get());
            if (uri.getScheme() != null && uri.getHost() != null) {
                return Optional.of(uri);
            }
        } catch (IllegalArgumentException malformed) {
            // reported below
        }
        problems.add(name + " is not an http(s) URL: '" + text.get() + "'");
        return Optional.empty();
    }

    private static boolean flag(Map<String, String> env, String name, List<String> problems) {
        String text = optional(env, name).orElse("false").toLowerCase(Locale.ROOT);
        if (text.equals("true")) {
            return true;
        }
        if (!text.equals("false")) {
            problems.add(name + " must be true or false, not '" + text + "'");
        }
        return false;
    }
}
