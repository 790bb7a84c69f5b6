package dev.roastden.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.roastden.worker.commands.FactScreen;
import dev.roastden.worker.support.RecordingSleeper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RetryingFactScreenTest {
    private final RecordingSleeper sleeper = new RecordingSleeper();
    private final List<Duration> calls = new ArrayList<>();

    private FactScreen failing(boolean retryable) {
        return (fact, timeout) -> {
            calls.add(timeout);
            throw new FactScreen.Unavailable("busy", retryable, null);
        };
    }

    @Test
    void aScreenThatStaysBusyIsAskedThreeTimesWithGrowingWaits() {
        FactScreen screen = RetryingFactScreen.withDefaults(failing(true), sleeper);

        assertThatThrownBy(() -> screen.screen("fact", Duration.ofMinutes(1)))
                .isInstanceOf(FactScreen.Unavailable.class);

        assertThat(calls).hasSize(3).allSatisfy(t -> assertThat(t).isPositive());
        assertThat(sleeper.sleeps()).hasSize(2);
        assertThat(sleeper.sleeps().get(0)).isBetween(Duration.ofMillis(125), Duration.ofMillis(250));
        assertThat(sleeper.sleeps().get(1)).isBetween(Duration.ofMillis(250), Duration.ofMillis(500));
    }

    @Test
    void aFailureThatWillNotPassIsNotRetried() {
        FactScreen screen = RetryingFactScreen.withDefaults(failing(false), sleeper);

        assertThatThrownBy(() -> screen.screen("fact", Duration.ofMinutes(1)))
                .isInstanceOf(FactScreen.Unavailable.class);

        assertThat(calls).hasSize(1);
        assertThat(sleeper.sleeps()).isEmpty();
    }

    @Test
    void noWaitStartsThatWouldOutlastTheTimeAllowed() {
        FactScreen screen = RetryingFactScreen.withDefaults(failing(true), sleeper);

        // The first wait is at least 125 ms: more than the 100 ms allowed.
        assertThatThrownBy(() -> screen.screen("fact", Duration.ofMillis(100)))
                .isInstanceOf(FactScreen.Unavailable.class);

        assertThat(calls).singleElement().satisfies(t -> assertThat(t).isLessThanOrEqualTo(Duration.ofMillis(100)));
        assertThat(sleeper.sleeps()).isEmpty();
    }
}
