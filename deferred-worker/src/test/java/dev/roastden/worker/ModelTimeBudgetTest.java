package dev.roastden.worker;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import dev.roastden.core.job.DeferredJob;
import dev.roastden.emulators.bedrock.BedrockEmulator;
import dev.roastden.worker.support.FakeLambdaContext;
import dev.roastden.worker.support.Harness;
import dev.roastden.worker.support.Jobs;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The model step fits in what the invocation has left, less a reserve for the error edit: a Bedrock that never
 * answers costs one attempt of the job, not the whole Lambda run. The emulated Bedrock here holds every call open
 * until the test ends. The budget is real time and starts with the invocation, so it is generous enough that the
 * DynamoDB reads before the model call never use it up, even on a busy machine.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ModelTimeBudgetTest {
    private static final Duration MODEL_TIME = Duration.ofSeconds(3);

    private final CountDownLatch hang = new CountDownLatch(1);
    private Harness h;

    @BeforeEach
    void start() {
        h = Harness.start();
        h.bedrock.respondWith(call -> {
            try {
                hang.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return BedrockEmulator.cannedAnswer(call);
        });
    }

    @AfterEach
    void stop() {
        hang.countDown();
        h.close();
    }

    /** The runtime's context with the reserve plus {@link #MODEL_TIME} left. */
    private static FakeLambdaContext context() {
        return new FakeLambdaContext(
                (int) JobProcessor.TIME_RESERVE.plus(MODEL_TIME).toMillis());
    }

    @Test
    void aHangingModelReleasesTheJobForARetryWhenItsTimeRunsOut() {
        DeferredJob job = h.jobs.ask(Jobs.SAMMY, "ford", "Weather?");
        long started = System.nanoTime();

        SQSBatchResponse response = h.deliver(context(), 1, job);

        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertThat(response.getBatchItemFailures()).hasSize(1);
        assertThat(h.bedrock.calls()).hasSize(1);
        assertThat(h.patches(job)).isEmpty();
        assertThat(h.metrics.count("MessageProcessed.retry")).isEqualTo(1);
        assertThat(took).isGreaterThanOrEqualTo(MODEL_TIME.minusMillis(1)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void onTheLastDeliveryAHangingModelEndsInTheFriendlyErrorEdit() {
        DeferredJob job = h.jobs.ask(Jobs.SAMMY, "ford", "Weather?");

        SQSBatchResponse response = h.deliver(context(), 4, job);

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(h.bedrock.calls()).hasSize(1);
        assertThat(h.patches(job)).singleElement().satisfies(p -> assertThat(p.succeeded())
                .isTrue());
        assertThat(h.shown(job)).contains("Captain Ford").contains("swamped");
    }

    @Test
    void withNoTimeLeftTheModelIsNotCalledAndTheJobIsReleased() {
        DeferredJob job = h.jobs.ask(Jobs.SAMMY, "ford", "Weather?");

        SQSBatchResponse response =
                h.deliver(new FakeLambdaContext((int) JobProcessor.TIME_RESERVE.toMillis()), 1, job);

        assertThat(response.getBatchItemFailures()).hasSize(1);
        assertThat(h.bedrock.calls()).isEmpty();
        assertThat(h.patches(job)).isEmpty();
    }
}
