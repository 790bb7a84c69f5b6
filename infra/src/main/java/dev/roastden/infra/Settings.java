package dev.roastden.infra;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.roastden.infra.worker.BedrockModel;
import dev.roastden.infra.worker.FallbackModel;
import dev.roastden.infra.worker.Guardrail;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Deployment choices. Each is read from CDK context ({@code cdk deploy -c key=value}) and, when the
 * context does not name it, from the committed {@value #FILE} (keys as below). Keeping the
 * optional features in that file means a deploy from CI builds the same stack as the last deploy
 * from a laptop: a setting left off a command line never removes a feature.
 *
 * @param gateway deploy the gateway task ({@value #GATEWAY})
 * @param discordPublicKey {@value #DISCORD_PUBLIC_KEY}; absent: the stack parameter
 * @param discordApplicationId {@value #DISCORD_APPLICATION_ID}; absent: the stack parameter
 * @param bedrockModel {@value #BEDROCK_MODEL_ID}; absent: Claude Haiku 4.5 (global profile)
 * @param bedrockSourceRegions {@value #BEDROCK_SOURCE_REGIONS}: comma-separated Regions the
 *     profile may be called from, replacing the built-in list; {@code any} switches the check off
 * @param guardrail {@value #BEDROCK_GUARDRAIL_ID} and {@value #BEDROCK_GUARDRAIL_VERSION}
 * @param alarmEmail {@value #ALARM_EMAIL}
 * @param localEndpoints {@value #LOCAL_ENDPOINTS}: declare the local endpoint overrides for
 *     {@code sam local invoke} (see {@link RoastDenStackProps#localEndpoints()})
 * @param dashboard {@value #DASHBOARD}: the CloudWatch dashboard ($3 a month); default off
 * @param detailedMetrics {@value #DETAILED_METRICS}: the worker's per-request custom metrics
 *     (about $0.30 each a month); default off, when only rare failure metrics are published
 * @param memoryTableName {@value #MEMORY_TABLE_NAME}: adopt this existing (retained) memory table
 *     instead of creating one
 * @param gatewaySpot {@value #GATEWAY_SPOT}: run the gateway task on Fargate Spot; default on
 * @param adminWebhookSecretArn {@value #ADMIN_WEBHOOK_SECRET_ARN}: the full ARN of an existing Secrets Manager
 *     secret holding a Discord webhook URL for the deployment's admin channel (failure alerts); the worker may read
 *     that secret only
 * @param gatewayPublicIpv4 {@value #GATEWAY_PUBLIC_IPV4}: give the gateway task a public IPv4
 *     address; default off: IPv6 only (see docs/DEPLOY.md)
 * @param fallbackModel {@value #FALLBACK_MODEL_ID} and {@value #FALLBACK_MODEL_PRICE}: a cheaper model for
 *     servers past their soft budget limit, with its price; both or neither; default none
 */
public record Settings(
        boolean gateway,
        Optional<String> discordPublicKey,
        Optional<String> discordApplicationId,
        BedrockModel bedrockModel,
        Optional<List<String>> bedrockSourceRegions,
        Optional<Guardrail> guardrail,
        Optional<String> alarmEmail,
        boolean localEndpoints,
        boolean dashboard,
        boolean detailedMetrics,
        Optional<String> memoryTableName,
        boolean gatewaySpot,
        boolean gatewayPublicIpv4,
        Optional<String> adminWebhookSecretArn,
        Optional<FallbackModel> fallbackModel) {

    /** The committed settings file, relative to the repository root. */
    public static final String FILE = "infra/deployment.json";

    public static final String GATEWAY = "gateway";
    public static final String DISCORD_PUBLIC_KEY = "discordPublicKey";
    public static final String DISCORD_APPLICATION_ID = "discordApplicationId";
    public static final String BEDROCK_MODEL_ID = "bedrockModelId";
    public static final String BEDROCK_SOURCE_REGIONS = "bedrockSourceRegions";
    public static final String BEDROCK_GUARDRAIL_ID = "bedrockGuardrailId";
    public static final String BEDROCK_GUARDRAIL_VERSION = "bedrockGuardrailVersion";
    public static final String ALARM_EMAIL = "alarmEmail";
    public static final String LOCAL_ENDPOINTS = "localEndpoints";
    public static final String DASHBOARD = "dashboard";
    public static final String DETAILED_METRICS = "detailedMetrics";
    public static final String MEMORY_TABLE_NAME = "memoryTableName";
    public static final String GATEWAY_SPOT = "gatewaySpot";
    public static final String GATEWAY_PUBLIC_IPV4 = "gatewayPublicIpv4";
    public static final String ADMIN_WEBHOOK_SECRET_ARN = "adminWebhookSecretArn";
    public static final String FALLBACK_MODEL_ID = "fallbackModelId";
    public static final String FALLBACK_MODEL_PRICE = "fallbackModelPrice";

    /** Every key the settings file may hold; anything else is a typo and refused. */
    public static final Set<String> KEYS = Set.of(
            GATEWAY,
            DISCORD_PUBLIC_KEY,
            DISCORD_APPLICATION_ID,
            BEDROCK_MODEL_ID,
            BEDROCK_SOURCE_REGIONS,
            BEDROCK_GUARDRAIL_ID,
            BEDROCK_GUARDRAIL_VERSION,
            ALARM_EMAIL,
            LOCAL_ENDPOINTS,
            DASHBOARD,
            DETAILED_METRICS,
            MEMORY_TABLE_NAME,
            GATEWAY_SPOT,
            GATEWAY_PUBLIC_IPV4,
            ADMIN_WEBHOOK_SECRET_ARN,
            FALLBACK_MODEL_ID,
            FALLBACK_MODEL_PRICE);

    /** Reads the settings through {@code context} alone (for example {@code app.getNode()::tryGetContext}). */
    public static Settings from(Function<String, Object> context) {
        return from(context, Map.of());
    }

    /** Reads each setting from {@code context}, else from {@code file} (the parsed {@value #FILE}). */
    public static Settings from(Function<String, Object> context, Map<String, Object> file) {
        file.keySet().stream()
                .filter(key -> !key.startsWith("//") && !KEYS.contains(key))
                .findFirst()
                .ifPresent(key -> {
                    throw new IllegalArgumentException(
                            FILE + " has an unknown setting \"" + key + "\"; known: " + String.join(", ", KEYS));
                });
        Function<String, Object> read = key -> {
            Object value = context.apply(key);
            return value != null ? value : file.get(key);
        };
        Optional<String> guardrailId = text(read, BEDROCK_GUARDRAIL_ID);
        Optional<String> guardrailVersion = text(read, BEDROCK_GUARDRAIL_VERSION);
        if (guardrailId.isPresent() != guardrailVersion.isPresent()) {
            throw new IllegalArgumentException(
                    "Set both " + BEDROCK_GUARDRAIL_ID + " and " + BEDROCK_GUARDRAIL_VERSION + ", or neither");
        }
        Optional<String> fallbackId = text(read, FALLBACK_MODEL_ID);
        Optional<String> fallbackPrice = text(read, FALLBACK_MODEL_PRICE);
        if (fallbackId.isPresent() != fallbackPrice.isPresent()) {
            throw new IllegalArgumentException("Set both " + FALLBACK_MODEL_ID + " and " + FALLBACK_MODEL_PRICE
                    + " (the worker counts the fallback's usage at that price), or neither");
        }
        return new Settings(
                flag(read, GATEWAY, false),
                text(read, DISCORD_PUBLIC_KEY),
                text(read, DISCORD_APPLICATION_ID),
                new BedrockModel(text(read, BEDROCK_MODEL_ID).orElse(Contracts.DEFAULT_BEDROCK_MODEL_ID)),
                text(read, BEDROCK_SOURCE_REGIONS).map(Settings::regions),
                guardrailId.map(id -> new Guardrail(id, guardrailVersion.orElseThrow())),
                text(read, ALARM_EMAIL),
                flag(read, LOCAL_ENDPOINTS, false),
                flag(read, DASHBOARD, false),
                flag(read, DETAILED_METRICS, false),
                text(read, MEMORY_TABLE_NAME),
                flag(read, GATEWAY_SPOT, true),
                flag(read, GATEWAY_PUBLIC_IPV4, false),
                text(read, ADMIN_WEBHOOK_SECRET_ARN).map(Settings::secretArn),
                fallbackId.map(id -> new FallbackModel(new BedrockModel(id), fallbackPrice.orElseThrow())));
    }

    /** The parsed settings file under {@code root}; empty when there is none. */
    public static Map<String, Object> readFile(Path root) {
        Path file = root.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return Map.of();
        }
        try {
            return new ObjectMapper().readValue(file.toFile(), new TypeReference<Map<String, Object>>() {});
        } catch (IOException e) {
            throw new UncheckedIOException(FILE + " is not a JSON object of settings: " + e.getMessage(), e);
        }
    }

    private static String secretArn(String value) {
        if (!value.matches("^arn:aws[a-z-]*:secretsmanager:[a-z0-9-]+:\\d{12}:secret:[A-Za-z0-9/_+=.@-]+$")) {
            throw new IllegalArgumentException(ADMIN_WEBHOOK_SECRET_ARN
                    + " must be the full ARN of a Secrets Manager secret (arn:aws:secretsmanager:…:secret:…), got "
                    + value);
        }
        return value;
    }

    private static List<String> regions(String value) {
        if (value.equalsIgnoreCase("any")) {
            return List.of();
        }
        List<String> regions = Arrays.stream(value.split(","))
                .map(String::trim)
                .filter(region -> !region.isEmpty())
                .sorted()
                .distinct()
                .toList();
        regions.stream()
                .filter(region -> !region.matches("^[a-z]{2}(-[a-z]+)+-\\d$"))
                .findFirst()
                .ifPresent(region -> {
                    throw new IllegalArgumentException(BEDROCK_SOURCE_REGIONS
                            + " must be Region codes separated by commas (or \"any\"), got " + region);
                });
        return regions;
    }

    private static Optional<String> text(Function<String, Object> context, String key) {
        return Optional.ofNullable(context.apply(key))
                .map(value -> value.toString().trim())
                .filter(value -> !value.isEmpty());
    }

    private static boolean flag(Function<String, Object> context, String key, boolean otherwise) {
        Optional<String> value = text(context, key).map(v -> v.toLowerCase(Locale.ROOT));
        if (value.isEmpty()) {
            return otherwise;
        }
        if (value.get().equals("true")) {
            return true;
        }
        if (value.get().equals("false")) {
            return false;
        }
        throw new IllegalArgumentException("Setting " + key + " must be true or false, got " + value.get());
    }
}
