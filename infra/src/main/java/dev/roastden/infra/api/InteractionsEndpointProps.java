package dev.roastden.infra.api;

import java.util.Objects;
import software.amazon.awscdk.services.lambda.IFunction;

/**
 * Discord's Interactions Endpoint URL.
 *
 * @param handler what the route invokes: the handler's alias, so SnapStart applies (a function's
 *     {@code $LATEST} never restores from a snapshot)
 * @param rateLimit steady requests per second the stage accepts
 * @param burstLimit requests the stage accepts in a burst
 */
public record InteractionsEndpointProps(IFunction handler, double rateLimit, int burstLimit) {

    /** A friend group's commands, with room for Discord's own probes and retries. */
    public static final double DEFAULT_RATE_LIMIT = 25;

    public static final int DEFAULT_BURST_LIMIT = 50;

    public InteractionsEndpointProps {
        Objects.requireNonNull(handler, "handler");
        if (!(rateLimit > 0) || burstLimit < 1) {
            throw new IllegalArgumentException("rateLimit and burstLimit must be positive");
        }
    }

    public InteractionsEndpointProps(IFunction handler) {
        this(handler, DEFAULT_RATE_LIMIT, DEFAULT_BURST_LIMIT);
    }
}
