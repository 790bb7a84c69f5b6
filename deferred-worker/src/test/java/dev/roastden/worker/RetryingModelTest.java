package dev.roastden.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.roastden.core.model.ModelException;
import dev.roastden.core.model.ModelReply;
import dev.roastden.core.model.ModelRequest;
import dev.roastden.core.model.PersonaModel;
import dev.roastden.core.persona.PersonaCatalog;
import dev.roastden.core.prompt.PromptBuilder;
import dev.roastden.core.prompt.PromptInput;
import dev.roastden.worker.support.Jobs;
import dev.roastden.worker.support.RecordingSleeper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Backoff between model attempts stays inside the time the caller gives the model step. */
class RetryingModelTest {
    private final RecordingSleeper sleeper = new RecordingSleeper();
    private final List<Optional<Duration>> calls = new ArrayList<>();

    /** Always throttled; records the timeout each call was given. */
    private final PersonaModel throttled = new PersonaModel() {
        @Override
        public ModelReply generate(ModelRequest request) throws ModelException {
            calls.add(Optional.empty());
            throw new ModelException(ModelException.Kind.THROTTLED, "throttled");
        }

        @Override
        public ModelReply generate(ModelRequest request, Duration timeout) throws ModelException {
            calls.add(Optional.of(timeout));
            throw new ModelException(ModelException.Kind.THROTTLED, "throttled");
        }

        @Override
        public String label() {
            return "throttled";
        }
    };

    private static ModelRequest request() {
        PersonaCatalog catalog = PersonaCatalog.fromClasspath();
        PromptInput input = new PromptInput(
                PromptInput.Task.ASK,
                catalog.all().get(0),
                catalog.all(),
                Jobs.SAMMY,
                Optional.empty(),
                "Weather?",
                List.of(),
                List.of());
        return new ModelRequest(PromptBuilder.build(input), input, 100);
    }

    @Test
    void withoutABoundEveryAttemptIsMadeWithBackoffBetween() {
        RetryingModel model = new RetryingModel(throttled, sleeper, 4, Duration.ofSeconds(1), Duration.ofMillis(200));

        assertThatThrownBy(() -> model.generate(request())).isInstanceOf(ModelException.class);

        assertThat(calls).hasSize(4).allSatisfy(t -> assertThat(t).isEmpty());
        assertThat(sleeper.sleeps()).hasSize(3);
    }

    @Test
    void aWaitThatWouldOutlastTheBudgetIsNotStartedAndEachCallGetsAtMostWhatIsLeft() {
        RetryingModel model = new RetryingModel(throttled, sleeper, 4, Duration.ofSeconds(1), Duration.ofMillis(200));

        // The first wait after throttling is at least half a second: more than the budget has.
        assertThatThrownBy(() -> model.generate(request(), Duration.ofMillis(400)))
                .isInstanceOf(ModelException.class);

        assertThat(calls)
                .singleElement()
                .satisfies(t -> assertThat(t.orElseThrow()).isPositive().isLessThanOrEqualTo(Duration.ofMillis(400)));
        assertThat(sleeper.sleeps()).isEmpty();
    }
}
