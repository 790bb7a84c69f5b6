package dev.roastden.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roastden.core.job.DeferredJob;
import dev.roastden.emulators.bedrock.Outcome;
import dev.roastden.worker.support.Harness;
import dev.roastden.worker.support.Jobs;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** /remember facts screened by the Bedrock guardrail (ApplyGuardrail on the emulator) before DynamoDB Local keeps them. */
class FactScreeningTest {
    private static final String GUARDRAIL = "gr-roastden-1";
    private static final String BAD_FACT = "Ford keeps a stash of contraband fireworks";

    private Harness h;

    @AfterEach
    void stop() {
        h.close();
    }

    @Test
    void anAllowedFactIsScreenedAsUserInputThenStoredAndConfirmed() {
        h = Harness.withGuardrail(GUARDRAIL);
        DeferredJob job = h.jobs.remember(Jobs.FORD_HIGHER_SELF, "ford", "Ford once ate soup with a fork");

        assertThat(h.deliver(job).getBatchItemFailures()).isEmpty();

        assertThat(h.shown(job)).contains("Captain Ford will remember that").contains("Memory id:");
        assertThat(h.wiring.memory().facts(Jobs.GUILD, "ford", 10))
                .extracting(f -> f.text())
                .containsExactly("Ford once ate soup with a fork");
        assertThat(h.bedrock.guardrailCalls()).singleElement().satisfies(call -> {
            assertThat(call.guardrailId()).isEqualTo(GUARDRAIL);
            assertThat(call.version()).isEqualTo(Harness.GUARDRAIL_VERSION);
            assertThat(call.source()).isEqualTo("INPUT");
            assertThat(call.texts()).containsExactly("Ford once ate soup with a fork");
        });
        assertThat(h.bedrock.calls()).as("no model is invoked for /remember").isEmpty();
        assertThat(h.metrics.count("FactRefused")).isZero();
    }

    @Test
    void aFactTheGuardrailBlocksIsNotStoredAndThePrivateAnswerSaysWhyWithoutRepeatingIt() {
        h = Harness.withGuardrail(GUARDRAIL);
        h.bedrock.guardrailIntervenesWhen(text -> text.contains("contraband"));
        DeferredJob job = h.jobs.remember(Jobs.FORD_HIGHER_SELF, "ford", BAD_FACT);
        List<String> logged = new CopyOnWriteArrayList<>();

        try (LogCapture capture = LogCapture.start(logged)) {
            assertThat(h.deliver(job).getBatchItemFailures()).isEmpty();
        }

        String shown = h.shown(job);
        assertThat(shown)
                .contains("Captain Ford can't remember that")
                .contains("breaks this server's content rules")
                .doesNotContain("contraband")
                .doesNotContain("fireworks")
                .doesNotContain("Memory id")
                .doesNotContain("Emulated denied topic")
                .doesNotContain(dev.roastden.emulators.bedrock.BedrockEmulator.GUARDRAIL_BLOCKED_MESSAGE);
        assertThat(h.wiring.memory().facts(Jobs.GUILD, "ford", 10)).isEmpty();
        assertThat(tableItemsContaining("contraband"))
                .as("nothing in the table holds the fact")
                .isEmpty();
        assertThat(h.metrics.count("FactRefused")).isEqualTo(1);
        assertThat(logged).anySatisfy(line -> assertThat(line).contains("refused by the content rules"));
        assertThat(logged).noneSatisfy(line -> assertThat(line).contains("contraband"));
        assertThat(h.bedrock.guardrailCalls()).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(ints = {429, 500})
    void aGuardrailThatFailsOnceIsAskedAgainAfterABriefWaitAndTheFactIsStoredOnce(int status) {
        h = Harness.withGuardrail(GUARDRAIL);
        h.bedrock.enqueueGuardrail(failureFor(status));
        DeferredJob job = h.jobs.remember(Jobs.FORD_HIGHER_SELF, "ford", "Ford hums shanties in the shower");

        assertThat(h.deliver(1, job).getBatchItemFailures()).isEmpty();

        assertThat(h.shown(job)).contains("Captain Ford will remember that");
        assertThat(tableItemsContaining("shanties")).hasSize(1);
        assertThat(h.bedrock.guardrailCalls()).hasSize(2);
        assertThat(h.sleeper.sleeps())
                .singleElement()
                .satisfies(wait -> assertThat(wait).isPositive().isLessThanOrEqualTo(Duration.ofMillis(250)));
    }

    @ParameterizedTest
    @ValueSource(ints = {429, 500})
    void aGuardrailThatKeepsFailingLetsTheQueueRetryAndTheRetryStoresTheFactOnce(int status) {
        h = Harness.withGuardrail(GUARDRAIL);
        h.bedrock.enqueueGuardrail(failureFor(status), failureFor(status), failureFor(status));
        DeferredJob job = h.jobs.remember(Jobs.FORD_HIGHER_SELF, "ford", "Ford hums shanties in the shower");

        assertThat(h.deliver(1, job).getBatchItemFailures()).hasSize(1);
        assertThat(h.wiring.memory().facts(Jobs.GUILD, "ford", 10)).isEmpty();
        assertThat(h.bedrock.guardrailCalls()).hasSize(3);

        assertThat(h.deliver(2, job).getBatchItemFailures()).isEmpty();

        assertThat(h.shown(job)).contains("Captain Ford will remember that");
        assertThat(tableItemsContaining("shanties")).hasSize(1);
        assertThat(h.wiring.memory().facts(Jobs.GUILD, "ford", 10)).hasSize(1);
        assertThat(h.bedrock.guardrailCalls()).hasSize(4);
    }

    @Test
    void aGuardrailStillThrottlingOnTheLastAttemptGetsAFriendlyErrorAndStoresNothing() {
        assertFriendlyErrorAndNothingStored(
                4, "Try again in a minute", Outcome.throttled(), Outcome.throttled(), Outcome.throttled());
    }

    @Test
    void aGuardrailThatRejectsTheRequestForGoodGetsAFriendlyErrorAtOnceAndStoresNothing() {
        assertFriendlyErrorAndNothingStored(1, "server admin", Outcome.accessDenied());
    }

    private static Outcome.Failure failureFor(int status) {
        return status == 429 ? Outcome.throttled() : Outcome.serverError();
    }

    /** Every scripted failure is met by one ApplyGuardrail call; nothing is stored and the answer is friendly. */
    private void assertFriendlyErrorAndNothingStored(int receiveCount, String advice, Outcome.Failure... failures) {
        h = Harness.withGuardrail(GUARDRAIL);
        h.bedrock.enqueueGuardrail(failures);
        DeferredJob job = h.jobs.remember(Jobs.FORD_HIGHER_SELF, "ford", "Ford hums shanties in the shower");

        assertThat(h.deliver(receiveCount, job).getBatchItemFailures()).isEmpty();

        assertThat(h.shown(job)).contains("couldn't check that fact").contains(advice);
        assertThat(tableItemsContaining("shanties")).isEmpty();
        assertThat(h.bedrock.guardrailCalls()).hasSize(failures.length);
    }

    @Test
    void withoutAGuardrailFactsAreStoredWithoutCallingApplyGuardrail() {
        h = Harness.start();
        h.bedrock.guardrailIntervenesWhen(text -> true);
        DeferredJob job = h.jobs.remember(Jobs.FORD_HIGHER_SELF, "ford", BAD_FACT);

        h.deliver(job);

        assertThat(h.shown(job)).contains("Captain Ford will remember that");
        assertThat(h.wiring.memory().facts(Jobs.GUILD, "ford", 10))
                .extracting(f -> f.text())
                .containsExactly(BAD_FACT);
        assertThat(h.bedrock.guardrailCalls()).isEmpty();
    }

    /** Every item in the memory table with an attribute whose text contains {@code text}. */
    private List<Map<String, AttributeValue>> tableItemsContaining(String text) {
        return h.wiring.dynamo().scanPaginator(b -> b.tableName(h.table)).items().stream()
                .filter(item ->
                        item.values().stream().anyMatch(v -> v.toString().contains(text)))
                .toList();
    }

    /** Collects the worker's log messages while open. */
    private static final class LogCapture extends AbstractAppender implements AutoCloseable {
        private final List<String> lines;

        private LogCapture(List<String> lines) {
            super("fact-screening-capture", null, null, true, Property.EMPTY_ARRAY);
            this.lines = lines;
        }

        static LogCapture start(List<String> lines) {
            LogCapture capture = new LogCapture(lines);
            capture.start();
            LoggerConfig logger = config().getLoggerConfig("dev.roastden");
            logger.addAppender(capture, null, null);
            context().updateLoggers();
            return capture;
        }

        @Override
        public void append(LogEvent event) {
            lines.add(event.getMessage().getFormattedMessage());
        }

        @Override
        public void close() {
            config().getLoggerConfig("dev.roastden").removeAppender(getName());
            context().updateLoggers();
            stop();
        }

        private static LoggerContext context() {
            return (LoggerContext) LogManager.getContext(false);
        }

        private static org.apache.logging.log4j.core.config.Configuration config() {
            return context().getConfiguration();
        }
    }
}
