package dev.roastden.worker;

import dev.roastden.core.model.ModelException;
import dev.roastden.core.model.ModelReply;
import dev.roastden.core.model.ModelRequest;
import dev.roastden.core.model.PersonaModel;
import dev.roastden.worker.time.Backoff;
import dev.roastden.worker.time.Sleeper;
import dev.roastden.worker.time.TimeBudget;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Retries a model that was throttled or failed transiently, with exponential backoff and full jitter, a few times
 * within one invocation, and within the time the caller allows for the whole model step. What still fails goes back
 * to the caller, which lets the queue try again later.
 */
public final class RetryingModel implements PersonaModel {
    private static final Logger LOG = LoggerFactory.getLogger(RetryingModel.class);

    private final PersonaModel delegate;
    private final Sleeper sleeper;
    private final int maxAttempts;
    private final Duration throttleBase;
    private final Duration transientBase;

    public RetryingModel(
            PersonaModel delegate, Sleeper sleeper, int maxAttempts, Duration throttleBase, Duration transientBase) {
        this.delegate = delegate;
        this.sleeper = sleeper;
        this.maxAttempts = maxAttempts;
        this.throttleBase = throttleBase;
        this.transientBase = transientBase;
    }

    /** Four attempts; throttling waits about 1, 2, 4 s; other transient failures about 0.2, 0.4, 0.8 s. */
    public static RetryingModel withDefaults(PersonaModel delegate, Sleeper sleeper) {
        return new RetryingModel(delegate, sleeper, 4, Duration.ofSeconds(1), Duration.ofMillis(200));
    }

    @Override
    public String label() {
        return delegate.label();
    }

    @Override
    public ModelReply generate(ModelRequest request) throws ModelException {
        return generate(request, Optional.empty());
    }

    /**
     * Every attempt and every wait between them fit in {@code timeout}: each call gets what is left of it, and no
     * wait starts that would leave nothing for the next attempt. When the time runs out the last failure (or a
     * transient "out of time" failure) goes back to the caller.
     */
    @Override
    public ModelReply generate(ModelRequest request, Duration timeout) throws ModelException {
        return generate(request, Optional.of(TimeBudget.of(timeout)));
    }

    private ModelReply generate(ModelRequest request, Optional<TimeBudget> budget) throws ModelException {
        for (int attempt = 1; ; attempt++) {
            try {
                if (budget.isEmpty()) {
                    return delegate.generate(request);
                }
                Duration left = budget.get().remaining();
                if (left.isZero()) {
                    throw new ModelException(ModelException.Kind.TRANSIENT, "No time left for the model");
                }
                return delegate.generate(request, left);
            } catch (ModelException e) {
                if (!e.retryable() || attempt >= maxAttempts) {
                    throw e;
                }
                Duration base = e.kind() == ModelException.Kind.THROTTLED ? throttleBase : transientBase;
                Duration wait = Backoff.before(attempt, base);
                if (budget.isPresent() && wait.compareTo(budget.get().remaining()) >= 0) {
                    LOG.warn("Model {} (attempt {}), and no time is left for another attempt", e.kind(), attempt);
                    throw e;
                }
                LOG.info("Model {} (attempt {}), retrying in {} ms", e.kind(), attempt, wait.toMillis());
                if (!sleeper.pause(wait)) {
                    throw e;
                }
            }
        }
    }
}
