package dev.roastden.infra.worker;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A Bedrock guardrail the worker applies to every model call.
 *
 * @param id guardrail id (not the ARN)
 * @param version a published version number or {@code DRAFT}
 */
public record Guardrail(String id, String version) {

    private static final Pattern ID = Pattern.compile("^[a-z0-9]{1,64}$");
    private static final Pattern VERSION = Pattern.compile("^([1-9][0-9]{0,7}|DRAFT)$");

    public Guardrail {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(version, "version");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException(
                    "bedrockGuardrailId must be a guardrail id (lower-case letters and" + " digits), got " + id);
        }
        if (!VERSION.matcher(version).matches()) {
            throw new IllegalArgumentException(
                    "bedrockGuardrailVersion must be a version number or DRAFT, got " + version);
        }
    }
}
