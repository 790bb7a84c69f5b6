package dev.roastden.worker;

import dev.roastden.worker.commands.FactScreen;
import dev.roastden.worker.time.Backoff;
import dev.roastden.worker.time.Sleeper;
import dev.roastden.worker.time.TimeBudget;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks a fact screen again, with backoff, when it was throttled or failed for now, a few times within the time the
 * caller allows, so a busy guardrail delays a {@code /remember} by a second rather than by a queue redelivery. What
 * still fails goes back to the caller, which lets the queue try again later.
 */
public final class RetryingFactScreen implements FactScreen {
    private static final Logger LOG = LoggerFactory.getLogger(RetryingFactScreen.class);

    private final FactScreen delegate;
    private final Sleeper sleeper;
    private final int maxAttempts;
    private final Duration base;

    public RetryingFactScreen(FactScreen delegate, Sleeper sleeper, int maxAttempts, Duration base) {
        this.delegate = delegate;
        this.sleeper = sleeper;
        this.maxAttempts = maxAttempts;
        this.base = base;
    }

    /** Three attempts, waiting about 0.25 then 0.5 s. */
    public static RetryingFactScreen withDefaults(FactScreen delegate, Sleeper sleeper) {
        return new RetryingFactScreen(delegate, sleeper, 3, Duration.ofMillis(250));
    }

    @Override
    public Verdict screen(String fact, Duration timeout) throws Unavailable {
        TimeBudget budget = TimeBudget.of(timeout);
        for (int attempt = 1; ; attempt++) {
            try {
                return delegate.screen(fact, budget.remaining());
            } catch (Unavailable e) {
                if (!e.retryable() || attempt >= maxAttempts) {
                    throw e;
                }
                Duration wait = Backoff.before(attempt, base);
                if (wait.compareTo(budget.remaining()) >= 0) {
                    throw e;
                }
                LOG.info("Fact screen unavailable (attempt {}), retrying in {} ms", attempt, wait.toMillis());
                if (!sleeper.pause(wait)) {
                    throw e;
                }
            }
        }
    }
}
