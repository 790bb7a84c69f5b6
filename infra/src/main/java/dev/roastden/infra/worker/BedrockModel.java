package dev.roastden.infra.worker;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Bedrock model id as the worker passes it to Converse: either a foundation model
 * ({@code anthropic.claude-haiku-4-5-20251001-v1:0}) or a cross-Region inference profile, which is
 * the foundation model id with a geography prefix ({@code us.}, {@code eu.}, {@code apac.},
 * {@code global.} …).
 *
 * <p>Invoking through an inference profile needs permission on the profile and on the foundation
 * model in every Region the profile may route to.
 *
 * @param modelId the id exactly as configured
 */
public record BedrockModel(String modelId) {

    /** Geography prefixes of Bedrock system-defined inference profiles. */
    public static final Set<String> PROFILE_PREFIXES = Set.of("us", "us-gov", "eu", "apac", "jp", "au", "ca", "global");

    private static final Pattern PREFIXED = Pattern.compile("^([a-z-]+)\\.(.+)$");
    private static final Pattern VALID = Pattern.compile("^[a-zA-Z0-9.:_-]{3,200}$");

    public BedrockModel {
        Objects.requireNonNull(modelId, "modelId");
        if (!VALID.matcher(modelId).matches() || modelId.startsWith("arn:")) {
            throw new IllegalArgumentException("bedrockModelId must be a model or inference profile id such as "
                    + "us.anthropic.claude-haiku-4-5-20251001-v1:0, got " + modelId);
        }
    }

    /** The inference profile's prefix ({@code us}, {@code global} …) when this id is a profile. */
    public Optional<String> profilePrefix() {
        Matcher matcher = PREFIXED.matcher(modelId);
        if (matcher.matches() && PROFILE_PREFIXES.contains(matcher.group(1))) {
            return Optional.of(matcher.group(1));
        }
        return Optional.empty();
    }

    /** Whether the id names a cross-Region inference profile. */
    public boolean isInferenceProfile() {
        return profilePrefix().isPresent();
    }

    /** The foundation model the id resolves to. */
    public String foundationModelId() {
        return profilePrefix()
                .map(prefix -> modelId.substring(prefix.length() + 1))
                .orElse(modelId);
    }
}
