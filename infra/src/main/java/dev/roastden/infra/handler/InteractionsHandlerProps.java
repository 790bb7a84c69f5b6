package dev.roastden.infra.handler;

import dev.roastden.infra.lambda.SnapStartKeepAlive;
import dev.roastden.infra.queue.WorkQueue;
import dev.roastden.infra.storage.MemoryTable;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awscdk.Duration;

/**
 * The function that answers Discord's HTTP interactions.
 *
 * @param jar the handler's shaded jar ({@code handler/target/roastden-handler.jar})
 * @param workQueue where commands are queued for the worker
 * @param memory the table holding the servers' rosters and personas, which the handler reads
 *     (one GetItem per request at most)
 * @param discordPublicKey hex Ed25519 public key (literal or stack parameter reference)
 * @param keepAlive how often a scheduled, unsigned request keeps the SnapStart snapshot active;
 *     empty for no schedule
 */
public record InteractionsHandlerProps(
        Path jar, WorkQueue workQueue, MemoryTable memory, String discordPublicKey, Optional<Duration> keepAlive) {

    public InteractionsHandlerProps {
        Objects.requireNonNull(jar, "jar");
        Objects.requireNonNull(workQueue, "workQueue");
        Objects.requireNonNull(memory, "memory");
        Objects.requireNonNull(discordPublicKey, "discordPublicKey");
        Objects.requireNonNull(keepAlive, "keepAlive");
        keepAlive.ifPresent(SnapStartKeepAlive::requireValidRate);
    }

    public InteractionsHandlerProps(Path jar, WorkQueue workQueue, MemoryTable memory, String discordPublicKey) {
        this(jar, workQueue, memory, discordPublicKey, Optional.of(SnapStartKeepAlive.DEFAULT_RATE));
    }
}
