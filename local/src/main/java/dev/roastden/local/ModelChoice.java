package dev.roastden.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Which model writes the personas' words locally, and why it was chosen.
 *
 * @param kind the provider
 * @param reason a sentence for the start-up log
 * @param openAiBaseUrl for {@link Kind#OPENAI}: the endpoint, e.g. {@code http://127.0.0.1:11434/v1} (Ollama)
 * @param openAiModel for {@link Kind#OPENAI}: the model name
 * @param openAiKey for {@link Kind#OPENAI}: an API key, when the endpoint needs one (never logged)
 * @param bedrockModelId for {@link Kind#BEDROCK}: the model or inference profile id, when not the default
 */
public record ModelChoice(
        Kind kind,
        String reason,
        Optional<String> openAiBaseUrl,
        Optional<String> openAiModel,
        Optional<String> openAiKey,
        Optional<String> bedrockModelId) {

    public enum Kind {
        OFFLINE,
        OPENAI,
        BEDROCK
    }

    static final String HOW_TO_SWITCH = "Switch with ROASTDEN_MODEL=offline|openai|bedrock; openai reads"
            + " OPENAI_BASE_URL (e.g. http://127.0.0.1:11434/v1 for Ollama), OPENAI_MODEL and optional OPENAI_API_KEY;"
            + " bedrock uses your AWS credentials, AWS_REGION and optional BEDROCK_MODEL_ID.";

    static ModelChoice offline(String reason) {
        return new ModelChoice(
                Kind.OFFLINE, reason, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** Explicit {@code ROASTDEN_MODEL} wins; else an OpenAI-compatible URL; else AWS credentials; else offline. */
    static ModelChoice fromEnvironment(Map<String, String> env) {
        Optional<String> explicit = value(env, "ROASTDEN_MODEL").map(s -> s.toLowerCase(java.util.Locale.ROOT));
        Optional<String> openAiUrl = value(env, "OPENAI_BASE_URL");
        boolean aws = hasAwsCredentials(env)
                && (value(env, "AWS_REGION").isPresent()
                        || value(env, "AWS_DEFAULT_REGION").isPresent());
        if (explicit.isPresent()) {
            switch (explicit.get()) {
                case "offline" -> {
                    return offline("ROASTDEN_MODEL=offline");
                }
                case "openai" -> {
                    if (openAiUrl.isEmpty()) {
                        throw new IllegalStateException("ROASTDEN_MODEL=openai needs OPENAI_BASE_URL");
                    }
                    return openAi(env, "ROASTDEN_MODEL=openai");
                }
                case "bedrock" -> {
                    return bedrock(env, "ROASTDEN_MODEL=bedrock");
                }
                default ->
                    throw new IllegalStateException(
                            "ROASTDEN_MODEL must be offline, openai or bedrock, not " + explicit.get());
            }
        }
        if (openAiUrl.isPresent()) {
            return openAi(env, "OPENAI_BASE_URL is set");
        }
        if (aws) {
            return bedrock(env, "AWS credentials and a region are configured");
        }
        return offline("no model is configured");
    }

    /** A description for the start-up log and the playground. */
    String describe() {
        return switch (kind) {
            case OFFLINE -> "offline persona generator (" + reason + ")";
            case OPENAI ->
                "OpenAI-compatible " + openAiModel.orElse("?") + " at " + openAiBaseUrl.orElse("?") + " (" + reason
                        + ")";
            case BEDROCK ->
                "Claude on Amazon Bedrock"
                        + bedrockModelId.map(id -> " (" + id + ")").orElse("") + " (" + reason + ")";
        };
    }

    private static ModelChoice openAi(Map<String, String> env, String reason) {
        return new ModelChoice(
                Kind.OPENAI,
                reason,
                value(env, "OPENAI_BASE_URL"),
                Optional.of(value(env, "OPENAI_MODEL").orElse("llama3.2")),
                value(env, "OPENAI_API_KEY"),
                Optional.empty());
    }

    private static ModelChoice bedrock(Map<String, String> env, String reason) {
        return new ModelChoice(
                Kind.BEDROCK,
                reason,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                value(env, "BEDROCK_MODEL_ID"));
    }

    private static boolean hasAwsCredentials(Map<String, String> env) {
        if (value(env, "AWS_ACCESS_KEY_ID").isPresent()
                || value(env, "AWS_PROFILE").isPresent()
                || value(env, "AWS_CONTAINER_CREDENTIALS_FULL_URI").isPresent()) {
            return true;
        }
        return value(env, "HOME")
                .map(home -> Files.exists(Path.of(home, ".aws", "credentials")))
                .orElse(false);
    }

    private static Optional<String> value(Map<String, String> env, String name) {
        return Optional.ofNullable(env.get(name)).map(String::trim).filter(s -> !s.isEmpty());
    }

    @Override
    public String toString() {
        return "ModelChoice[" + describe() + "]";
    }
}
