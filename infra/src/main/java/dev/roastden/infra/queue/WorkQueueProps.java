package dev.roastden.infra.queue;

import java.util.Objects;
import software.amazon.awscdk.Duration;

/**
 * The queue between the handler (and the gateway) and the worker.
 *
 * @param consumerTimeout the worker function's timeout; the visibility timeout is six times it,
 *     so a message is never handed to a second worker while the first may still be running
 * @param maxReceiveCount deliveries before a message moves to the dead-letter queue
 */
public record WorkQueueProps(Duration consumerTimeout, int maxReceiveCount) {

    /** Multiple of the consumer's timeout used as the visibility timeout. */
    public static final int VISIBILITY_TIMEOUT_FACTOR = 6;

    /** SQS allows a visibility timeout of at most 12 hours. */
    private static final long MAX_VISIBILITY_SECONDS = 12 * 60 * 60;

    public WorkQueueProps {
        Objects.requireNonNull(consumerTimeout, "consumerTimeout");
        if (maxReceiveCount < 1 || maxReceiveCount > 1000) {
            throw new IllegalArgumentException("maxReceiveCount must be 1..1000, got " + maxReceiveCount);
        }
        long visibility =
                VISIBILITY_TIMEOUT_FACTOR * consumerTimeout.toSeconds().longValue();
        if (visibility > MAX_VISIBILITY_SECONDS) {
            throw new IllegalArgumentException("A consumer timeout of " + consumerTimeout.toSeconds()
                    + " s needs a visibility timeout of " + visibility + " s, more than SQS allows (43200 s)");
        }
    }

    /** Visibility timeout of the work queue. */
    public Duration visibilityTimeout() {
        return Duration.seconds(
                VISIBILITY_TIMEOUT_FACTOR * consumerTimeout.toSeconds().longValue());
    }
}
