package dev.roastden.infra.lambda;

import dev.roastden.infra.Ordered;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.logs.RetentionDays;

/**
 * A Java Lambda function that restores from a SnapStart snapshot and is invoked only through an
 * alias.
 *
 * @param logicalId stable CloudFormation logical id of the function
 * @param jar shaded jar to deploy as the function's code
 * @param entryPoint {@code class::method}
 * @param description shown in the Lambda console
 * @param memoryMb memory, which also sets the function's share of CPU
 * @param timeout longest single invocation
 * @param environment environment variables (no secrets: these are readable in the console)
 * @param logRetention how long the function's logs are kept
 */
public record SnapStartJavaFunctionProps(
        String logicalId,
        Path jar,
        String entryPoint,
        String description,
        int memoryMb,
        Duration timeout,
        Map<String, String> environment,
        RetentionDays logRetention) {

    public SnapStartJavaFunctionProps {
        Objects.requireNonNull(logicalId, "logicalId");
        Objects.requireNonNull(jar, "jar");
        Objects.requireNonNull(entryPoint, "entryPoint");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(logRetention, "logRetention");
        environment = Ordered.sorted(Objects.requireNonNull(environment, "environment"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalArgumentException("Lambda code jar not found: " + jar);
        }
        if (!entryPoint.contains("::")) {
            throw new IllegalArgumentException("Entry point must be class::method, got " + entryPoint);
        }
        if (memoryMb < 128 || memoryMb > 10_240) {
            throw new IllegalArgumentException("Lambda memory must be 128..10240 MB, got " + memoryMb);
        }
    }
}
