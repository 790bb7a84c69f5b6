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
 * @param imageDirectory the image build context; must hold a {@code Dockerfile}
 * @param workQueue where mention jobs go
 * @param secrets the bot token (injected into the container) and the application id
 * @param healthCheckCommand the container health check, in ECS {@code CMD-SHELL} / {@code CMD}
 *     form; it must succeed only while {@code GET /health} on port {@value #HEALTH_PORT} answers
 *     200
 */
public record GatewayServiceProps(
        Path imageDirectory, WorkQueue workQueue, BotSecrets secrets, List<String> healthCheckCommand) {

    public static final int HEALTH_PORT = 8080;

    /** Default health check; the image must then provide {@code curl}. */
    public static final List<String> DEFAULT_HEALTH_CHECK =
            List.of("CMD-SHELL", "curl -fsS http://127.0.0.1:" + HEALTH_PORT + "/health || exit 1");

    public GatewayServiceProps {
        Objects.requireNonNull(imageDirectory, "imageDirectory");
        Objects.requireNonNull(workQueue, "workQueue");
        Objects.requireNonNull(secrets, "secrets");
        healthCheckCommand = List.copyOf(Objects.requireNonNull(healthCheckCommand, "healthCheckCommand"));
        if (!Files.isRegularFile(imageDirectory.resolve("Dockerfile"))) {
            throw new IllegalArgumentException("No Dockerfile in the gateway image directory " + imageDirectory);
        }
        if (healthCheckCommand.size() < 2 || !List.of("CMD", "CMD-SHELL").contains(healthCheckCommand.get(0))) {
            throw new IllegalArgumentException("healthCheckCommand must start with CMD or CMD-SHELL");
        }
    }

    public GatewayServiceProps(Path imageDirectory, WorkQueue workQueue, BotSecrets secrets) {
        this(imageDirectory, workQueue, secrets, DEFAULT_HEALTH_CHECK);
    }
}
