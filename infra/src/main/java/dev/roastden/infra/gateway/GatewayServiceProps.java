package dev.roastden.infra.gateway;

import dev.roastden.infra.queue.WorkQueue;
import dev.roastden.infra.secrets.BotSecrets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The always-on Discord gateway task that turns {@code @mentions} into queued jobs.
 *
 * @param buildContext the image build context: a directory, the repository root for the real
 *     gateway image (its Dockerfile builds the jar from the Maven reactor)
 * @param dockerfile the Dockerfile, relative to {@code buildContext} with {@code /} separators (for
 *     example {@code gateway/Dockerfile}); it must exist and lie inside the build context
 * @param workQueue where mention jobs go
 * @param secrets the bot token (injected into the container) and the application id
 * @param healthCheckCommand the container health check, in ECS {@code CMD-SHELL} / {@code CMD}
 *     form; it must succeed only while {@code GET /health} on port {@value #HEALTH_PORT} answers
 *     200
 * @param spot run on Fargate Spot (x86_64); otherwise on-demand on Graviton (ARM64)
 * @param publicIpv4 give the task a public IPv4 address; otherwise a dual-stack VPC and IPv6 only
 */
public record GatewayServiceProps(
        Path buildContext,
        String dockerfile,
        WorkQueue workQueue,
        BotSecrets secrets,
        List<String> healthCheckCommand,
        boolean spot,
        boolean publicIpv4) {

    public static final int HEALTH_PORT = 8080;

    /** Default health check; the image must then provide {@code curl}. */
    public static final List<String> DEFAULT_HEALTH_CHECK =
            List.of("CMD-SHELL", "curl -fsS http://127.0.0.1:" + HEALTH_PORT + "/health || exit 1");

    public GatewayServiceProps {
        Objects.requireNonNull(buildContext, "buildContext");
        Objects.requireNonNull(dockerfile, "dockerfile");
        Objects.requireNonNull(workQueue, "workQueue");
        Objects.requireNonNull(secrets, "secrets");
        healthCheckCommand = List.copyOf(Objects.requireNonNull(healthCheckCommand, "healthCheckCommand"));
        if (!Files.isDirectory(buildContext)) {
            throw new IllegalArgumentException(
                    "The gateway image build context " + buildContext + " is not a directory");
        }
        requireDockerfileInside(buildContext, dockerfile);
        if (healthCheckCommand.size() < 2 || !List.of("CMD", "CMD-SHELL").contains(healthCheckCommand.get(0))) {
            throw new IllegalArgumentException("healthCheckCommand must start with CMD or CMD-SHELL");
        }
    }

    /** The default health check, Fargate Spot, IPv6 only. */
    public GatewayServiceProps(Path buildContext, String dockerfile, WorkQueue workQueue, BotSecrets secrets) {
        this(buildContext, dockerfile, workQueue, secrets, DEFAULT_HEALTH_CHECK, true, false);
    }

    public GatewayServiceProps withCapacity(boolean onSpot, boolean withPublicIpv4) {
        return new GatewayServiceProps(
                buildContext, dockerfile, workQueue, secrets, healthCheckCommand, onSpot, withPublicIpv4);
    }

    private static void requireDockerfileInside(Path buildContext, String dockerfile) {
        if (dockerfile.isBlank() || dockerfile.contains("\\") || dockerfile.startsWith("/")) {
            throw new IllegalArgumentException("The gateway Dockerfile must be a path relative to the build context,"
                    + " with / separators: " + dockerfile);
        }
        Path context = buildContext.toAbsolutePath().normalize();
        Path file = context.resolve(dockerfile).normalize();
        if (!file.startsWith(context) || file.equals(context)) {
            throw new IllegalArgumentException(
                    "The gateway Dockerfile " + dockerfile + " lies outside its build context " + buildContext);
        }
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(
                    "No Dockerfile " + dockerfile + " in the gateway image build context " + buildContext);
        }
    }
}
