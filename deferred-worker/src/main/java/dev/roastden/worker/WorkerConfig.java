package dev.roastden.worker;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The worker's settings, read from the Lambda environment.
 *
 * @param memoryTableName {@code MEMORY_TABLE_NAME}
 * @param botTokenSecretId {@code BOT_TOKEN_SECRET_ID}: the Secrets Manager secret holding the bot token (mention
 *     replies only)
 * @param applicationId {@code DISCORD_APPLICATION_ID}
 * @param discordApiBase {@code DISCORD_API_BASE}, default {@code https://discord.com/api/v10}
 * @param modelId {@code BEDROCK_MODEL_ID}, default a Claude Haiku 4.5 inference profile
 * @param fallbackModelId {@code FALLBACK_MODEL_ID}: a cheaper Bedrock model (or inference profile) for servers past
 *     their soft budget limit ({@code /settings set fallback_at_percent}); none by default
 * @param guardrailId {@code BEDROCK_GUARDRAIL_ID}
 * @param guardrailVersion {@code BEDROCK_GUARDRAIL_VERSION} (default {@code DRAFT} when an id is set)
 * @param region {@code AWS_REGION}
 * @param maxTokens {@code BEDROCK_MAX_TOKENS}, default 700
 * @param lease how long one attempt owns an interaction ({@code CLAIM_LEASE_SECONDS}, default 120; keep it above
 *     the function timeout)
 * @param maxReceives after this many deliveries of a job a retryable failure becomes a friendly error
 *     ({@code MAX_RECEIVES}, default 2; keep it below the queue's maxReceiveCount, which is 3 in the deployed stack)
 * @param retryDelay how long after a delivery a released job comes back: the queue's visibility timeout
 *     ({@code RETRY_DELAY_SECONDS}, default 540, the deployed queue's). An attempt whose retry would come too late
 *     for the interaction token answers with a friendly error instead of releasing the job.
 * @param modelBudget how long the model step (all attempts and the waits between them) may take when the runtime
 *     does not say how much time the invocation has left, as in local runs ({@code MODEL_BUDGET_SECONDS}, default
 *     60). On Lambda the budget is the invocation's remaining time minus a reserve for the error edit.
 */
public record WorkerConfig(
        String memoryTableName,
        Optional<String> botTokenSecretId,
        String applicationId,
        URI discordApiBase,
        String modelId,
        Optional<String> fallbackModelId,
        Optional<String> guardrailId,
        Optional<String> guardrailVersion,
        String region,
        int maxTokens,
        Duration lease,
        int maxReceives,
        Duration retryDelay,
        Duration modelBudget) {

    /** The deployed work queue's visibility timeout: six times the worker's 90-second timeout. */
    public static final int DEFAULT_RETRY_DELAY_SECONDS = 540;

    public static final int DEFAULT_MODEL_BUDGET_SECONDS = 60;

    public static final String DEFAULT_DISCORD_API_BASE = "https://discord.com/api/v10";
    public static final String DEFAULT_MODEL_ID = "us.anthropic.claude-haiku-4-5-20251001-v1:0";
    /** Sent on every Discord call, as Discord requires. */
    public static final String USER_AGENT = "DiscordBot (https://github.com/roastden/roastden, 0.1.0)";

    /** Reads the settings from environment variables. */
    public static WorkerConfig fromEnvironment(Map<String, String> env) {
        Optional<String> guardrailId = optional(env, "BEDROCK_GUARDRAIL_ID");
        return new WorkerConfig(
                required(env, "MEMORY_TABLE_NAME"),
                optional(env, "BOT_TOKEN_SECRET_ID"),
                optional(env, "DISCORD_APPLICATION_ID").orElse(""),
                URI.create(stripSlash(optional(env, "DISCORD_API_BASE").orElse(DEFAULT_DISCORD_API_BASE))),
                optional(env, "BEDROCK_MODEL_ID").orElse(DEFAULT_MODEL_ID),
                optional(env, "FALLBACK_MODEL_ID"),
                guardrailId,
                guardrailId.map(id -> optional(env, "BEDROCK_GUARDRAIL_VERSION").orElse("DRAFT")),
                optional(env, "AWS_REGION").orElse("us-east-1"),
                Integer.parseInt(optional(env, "BEDROCK_MAX_TOKENS").orElse("700")),
                Duration.ofSeconds(
                        Long.parseLong(optional(env, "CLAIM_LEASE_SECONDS").orElse("120"))),
                Integer.parseInt(optional(env, "MAX_RECEIVES").orElse("2")),
                Duration.ofSeconds(Long.parseLong(
                        optional(env, "RETRY_DELAY_SECONDS").orElse(Integer.toString(DEFAULT_RETRY_DELAY_SECONDS)))),
                Duration.ofSeconds(Long.parseLong(
                        optional(env, "MODEL_BUDGET_SECONDS").orElse(Integer.toString(DEFAULT_MODEL_BUDGET_SECONDS)))));
    }

    /** These settings with {@code fallback} as the fallback model. */
    public WorkerConfig withFallbackModelId(Optional<String> fallback) {
        return new WorkerConfig(
                memoryTableName,
                botTokenSecretId,
                applicationId,
                discordApiBase,
                modelId,
                fallback,
                guardrailId,
                guardrailVersion,
                region,
                maxTokens,
                lease,
                maxReceives,
                retryDelay,
                modelBudget);
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static Optional<String> optional(Map<String, String> env, String name) {
        return Optional.ofNullable(env.get(name)).map(String::trim).filter(v -> !v.isEmpty());
    }

    private static String required(Map<String, String> env, String name) {
        return optional(env, name)
                .orElseThrow(() -> new IllegalStateException("Environment variable " + name + " is not set"));
    }
}
