package dev.roastden.infra;

import dev.roastden.infra.worker.BedrockModel;
import dev.roastden.infra.worker.Guardrail;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Deployment choices read from CDK context ({@code cdk deploy -c key=value} or {@code cdk.json}).
 *
 * @param gateway deploy the gateway task ({@value #GATEWAY})
 * @param discordPublicKey {@value #DISCORD_PUBLIC_KEY}; absent: the stack parameter
 * @param discordApplicationId {@value #DISCORD_APPLICATION_ID}; absent: the stack parameter
 * @param bedrockModel {@value #BEDROCK_MODEL_ID}; absent: Claude Haiku 4.5 (US profile)
 * @param guardrail {@value #BEDROCK_GUARDRAIL_ID} and {@value #BEDROCK_GUARDRAIL_VERSION}
 * @param alarmEmail {@value #ALARM_EMAIL}
 * @param localEndpoints {@value #LOCAL_ENDPOINTS}: declare the local endpoint overrides for
 *     {@code sam local invoke} (see {@link RoastDenStackProps#localEndpoints()})
 */
public record Settings(
        boolean gateway,
        Optional<String> discordPublicKey,
        Optional<String> discordApplicationId,
        BedrockModel bedrockModel,
        Optional<Guardrail> guardrail,
        Optional<String> alarmEmail,
        boolean localEndpoints) {

    public static final String GATEWAY = "gateway";
    public static final String DISCORD_PUBLIC_KEY = "discordPublicKey";
    public static final String DISCORD_APPLICATION_ID = "discordApplicationId";
    public static final String BEDROCK_MODEL_ID = "bedrockModelId";
    public static final String BEDROCK_GUARDRAIL_ID = "bedrockGuardrailId";
    public static final String BEDROCK_GUARDRAIL_VERSION = "bedrockGuardrailVersion";
    public static final String ALARM_EMAIL = "alarmEmail";
    public static final String LOCAL_ENDPOINTS = "localEndpoints";

    /** Reads the settings through {@code context} (for example {@code app.getNode()::tryGetContext}). */
    public static Settings from(Function<String, Object> context) {
        Optional<String> guardrailId = text(context, BEDROCK_GUARDRAIL_ID);
        Optional<String> guardrailVersion = text(context, BEDROCK_GUARDRAIL_VERSION);
        if (guardrailId.isPresent() != guardrailVersion.isPresent()) {
            throw new IllegalArgumentException(
                    "Set both " + BEDROCK_GUARDRAIL_ID + " and " + BEDROCK_GUARDRAIL_VERSION + ", or neither");
        }
        return new Settings(
                flag(context, GATEWAY),
                text(context, DISCORD_PUBLIC_KEY),
                text(context, DISCORD_APPLICATION_ID),
                new BedrockModel(text(context, BEDROCK_MODEL_ID).orElse(Contracts.DEFAULT_BEDROCK_MODEL_ID)),
                guardrailId.map(id -> new Guardrail(id, guardrailVersion.orElseThrow())),
                text(context, ALARM_EMAIL),
                flag(context, LOCAL_ENDPOINTS));
    }

    private static Optional<String> text(Function<String, Object> context, String key) {
        return Optional.ofNullable(context.apply(key))
                .map(value -> value.toString().trim())
                .filter(value -> !value.isEmpty());
    }

    private static boolean flag(Function<String, Object> context, String key) {
        Optional<String> value = text(context, key).map(v -> v.toLowerCase(Locale.ROOT));
        if (value.isEmpty() || value.get().equals("false")) {
            return false;
        }
        if (value.get().equals("true")) {
            return true;
        }
        throw new IllegalArgumentException("Context " + key + " must be true or false, got " + value.get());
    }
}
