package dev.roastden.worker;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.fasterxml.jackson.databind.JsonNode;
import dev.roastden.core.job.DeferredJob;
import dev.roastden.core.prompt.SafetyRules;
import dev.roastden.emulators.bedrock.ConverseCall;
import dev.roastden.emulators.bedrock.Outcome;
import dev.roastden.emulators.discord.DiscordEmulator;
import dev.roastden.emulators.discord.RecordedRequest;
import dev.roastden.worker.support.Harness;
import dev.roastden.worker.support.Jobs;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The core flow against real parts: claim, model, store, PATCH. */
class RoastFlowTest {
    private Harness h;

    @BeforeEach
    void start() {
        h = Harness.start();
    }

    @AfterEach
    void stop() {
        h.close();
    }

    @Test
    void roastCallsClaudeOnceAndEditsTheResponseInThePersonasVoicePingingOnlyTheTarget() {
        h.bedrock.enqueue(Outcome.answer("Seen better seamanship from a rubber duck, Riles. <@100000000000000005>"));
        DeferredJob job = h.jobs.roast(Jobs.SAMMY, Jobs.RILES, "ford", "their sourdough phase");

        SQSBatchResponse response = h.deliver(job);

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(h.bedrock.calls()).hasSize(1);
        ConverseCall call = h.bedrock.calls().get(0);
        assertThat(call.modelId()).isEqualTo(WorkerConfig.DEFAULT_MODEL_ID);
        assertThat(call.cachePointAfterFirstSystemBlock()).isTrue();
        String system = call.systemTexts().get(0);
        assertThat(system).startsWith(SafetyRules.TEXT).contains("# Your character: Captain Ford");
        assertThat(system).contains("Juniper", "Mags", "Bex");
        assertThat(call.lastUserText()).contains("<user_input>", "target: Riles", "topic: their sourdough phase");
        assertThat(call.maxTokens()).isEqualTo(700);

        RecordedRequest patch = h.patches(job).get(0);
        assertThat(h.patches(job)).hasSize(1);
        assertThat(patch.succeeded()).isTrue();
        assertThat(h.discord.problems()).isEmpty();
        assertThat(patch.header("user-agent").orElseThrow()).startsWith("DiscordBot (");
        JsonNode body = patch.json().orElseThrow();
        assertThat(body.path("content").asText())
                .startsWith("**Captain Ford** → <@100000000000000006>\n")
                .contains("rubber duck");
        assertThat(DiscordEmulator.pingedUsers(body)).containsExactly(Jobs.RILES.id());
        assertThat(body.path("allowed_mentions").path("parse")).isEmpty();
        assertThat(h.discord
                        .originalMessage(job.token().orElseThrow())
                        .orElseThrow()
                        .path("flags")
                        .asInt())
                .isZero();

        assertThat(h.wiring.memory().recentTurns(Jobs.GUILD, "ford", 10, h.clock.instant()))
                .singleElement()
                .satisfies(turn -> {
                    assertThat(turn.subjectId()).isEqualTo(Jobs.RILES.id());
                    assertThat(turn.userIds()).containsExactlyInAnyOrder(Jobs.SAMMY.id(), Jobs.RILES.id());
                    assertThat(turn.reply()).contains("rubber duck");
                });
        assertThat(h.metrics.count("MessageProcessed")).isEqualTo(1);
        assertThat(h.metrics.count("ModelCalls")).isEqualTo(1);
    }

    @Test
    void memoryTriggersFactsAndRecentTurnsReachThePromptAndExpiredTurnsDoNot() {
        h.deliver(h.jobs.remember(Jobs.FORD_HIGHER_SELF, "ford", "<@100000000000000006> once got lost on a ferry"));
        h.deliver(h.jobs.ask(Jobs.SAMMY, "ford", "What's the oldest thing you remember?"));
        h.clock.advance(Duration.ofDays(31));
        h.deliver(h.jobs.ask(Jobs.SAMMY, "ford", "How was the lighthouse weekend?"));
        h.deliver(h.jobs.roast(Jobs.SAMMY, Jobs.RILES, "ford", "directions"));

        ConverseCall last = h.bedrock.calls().get(h.bedrock.calls().size() - 1);
        String context = last.systemTexts().get(1);
        assertThat(context).contains("once got lost on a ferry");
        assertThat(context).contains("refused the GPS"); // ford's lighthouse/directions memory trigger
        assertThat(context).contains("How was the lighthouse weekend?");
        assertThat(context).doesNotContain("oldest thing"); // 31 days old: expired, filtered on read
        assertThat(context).contains("<memories>");
    }

    @Test
    void duplicateDeliveryMakesNoSecondModelCallAndNoSecondMessage() {
        DeferredJob job = h.jobs.roast(Jobs.SAMMY, Jobs.RILES, "ford", null);

        h.deliver(job, job);
        h.deliver(job);

        assertThat(h.bedrock.calls()).hasSize(1);
        assertThat(h.patches(job)).hasSize(1);
        assertThat(h.metrics.count("DuplicateSuppressed")).isEqualTo(2);
    }

    @Test
    void throttlingIsRetriedWithBackoffThenSucceeds() {
        h.bedrock.enqueue(Outcome.throttled(), Outcome.throttled(), Outcome.answer("Batten down."));
        DeferredJob job = h.jobs.ask(Jobs.SAMMY, "ford", "Weather?");

        assertThat(h.deliver(job).getBatchItemFailures()).isEmpty();

        assertThat(h.bedrock.calls()).hasSize(3);
        assertThat(h.sleeper.sleeps()).hasSize(2);
        assertThat(h.sleeper.sleeps().get(1))
                .isGreaterThan(h.sleeper.sleeps().get(0).minusMillis(1));
        assertThat(h.shown(job)).contains("Batten down.");
        assertThat(h.patches(job)).hasSize(1);
    }

    @Test
    void persistentThrottlingReleasesTheClaimAndTheRedeliveryFinishesTheJob() {
        for (int i = 0; i < 4; i++) {
            h.bedrock.enqueue(Outcome.throttled());
        }
        DeferredJob job = h.jobs.ask(Jobs.SAMMY, "ford", "Weather?");

        SQSBatchResponse first = h.deliver(1, job);
        assertThat(first.getBatchItemFailures()).singleElement().satisfies(f -> assertThat(f.getItemIdentifier())
                .isEqualTo("msg-" + job.interactionId()));
        assertThat(h.patches(job)).isEmpty();

        h.clock.advance(Duration.ofSeconds(30));
        assertThat(h.deliver(2, job).getBatchItemFailures()).isEmpty();
        assertThat(h.patches(job)).hasSize(1);
        assertThat(h.shown(job)).contains("Emulated reply");
    }

    @Test
    void aPermanentModelErrorBecomesAFriendlyErrorEdit() {
        h.bedrock.enqueue(Outcome.validationError("messages.0.content: too long"));
        DeferredJob job = h.jobs.ask(Jobs.SAMMY, "ford", "Weather?");

        assertThat(h.deliver(job).getBatchItemFailures()).isEmpty();

        assertThat(h.bedrock.calls()).hasSize(1);
        assertThat(h.patches(job)).hasSize(1);
        assertThat(h.shown(job)).contains("Captain Ford").contains("lost my train of thought");
        assertThat(h.discord.problems()).isEmpty();
        // A model configuration Bedrock refuses is counted, so that the ModelRejected alarm fires.
        assertThat(h.metrics.count("ModelRejected")).isEqualTo(1);
        assertThat(h.metrics.count("ModelRejected.ValidationException")).isEqualTo(1);
    }

    @Test
    void noModelAccessIsCountedAsARejectedModelAndAnsweredPolitely() {
        h.bedrock.enqueue(Outcome.accessDenied());
        DeferredJob job = h.jobs.ask(Jobs.SAMMY, "ford", "Weather?");

        assertThat(h.deliver(job).getBatchItemFailures()).isEmpty();

        assertThat(h.bedrock.calls()).hasSize(1);
        assertThat(h.shown(job)).contains("lost my train of thought");
        assertThat(h.metrics.count("ModelRejected.AccessDeniedException")).isEqualTo(1);
    }

    @Test
    void aThrottledModelIsNotARejectedModel() {
        h.bedrock.enqueue(Outcome.throttled(), Outcome.answer("Batten down."));
        DeferredJob job = h.jobs.ask(Jobs.SAMMY, "ford", "Weather?");

        assertThat(h.deliver(job).getBatchItemFailures()).isEmpty();

        assertThat(h.metrics.count("ModelRejected")).isZero();
    }

    @Test
    void onTheLastDeliveryAnOutageBecomesAFriendlyErrorInsteadOfAnotherRetry() {
        for (int i = 0; i < 4; i++) {
            h.bedrock.enqueue(Outcome.serviceUnavailable());
        }
        DeferredJob job = h.jobs.ask(Jobs.SAMMY, "ford", "Weather?");

        assertThat(h.deliver(4, job).getBatchItemFailures()).isEmpty();

        assertThat(h.shown(job)).contains("swamped");
    }

    @Test
    void whenTheQueuesRetryWouldComeAfterTheTokenExpiresAnOutageBecomesAFriendlyErrorAtOnce() {
        // The job reaches the worker 7 minutes after the interaction: a retry would come 9 minutes later, at 16.
        DeferredJob job = h.jobs.ask(Jobs.SAMMY, "ford", "Weather?");
        h.clock.advance(Duration.ofMinutes(7));
        for (int i = 0; i < 4; i++) {
            h.bedrock.enqueue(Outcome.serviceUnavailable());
        }

        assertThat(h.deliver(1, job).getBatchItemFailures()).isEmpty();

        assertThat(h.bedrock.calls()).hasSize(4);
        assertThat(h.patches(job)).singleElement().satisfies(p -> assertThat(p.succeeded())
                .isTrue());
        assertThat(h.shown(job)).contains("Captain Ford").contains("swamped");
        assertThat(h.metrics.count("MessageProcessed.error")).isEqualTo(1);
    }

    @Test
    void aRetryThatComesBackInTimeIsStillScheduled() {
        DeferredJob job = h.jobs.ask(Jobs.SAMMY, "ford", "Weather?");
        h.clock.advance(Duration.ofMinutes(3));
        for (int i = 0; i < 4; i++) {
            h.bedrock.enqueue(Outcome.serviceUnavailable());
        }

        assertThat(h.deliver(1, job).getBatchItemFailures()).hasSize(1);
        assertThat(h.patches(job)).isEmpty();

        h.clock.advance(Duration.ofSeconds(WorkerConfig.DEFAULT_RETRY_DELAY_SECONDS));
        assertThat(h.deliver(2, job).getBatchItemFailures()).isEmpty();
        assertThat(h.shown(job)).contains("Emulated reply");
    }

    @Test
    void a429IsWaitedOutPerRetryAfterThenTheEditSucceeds() {
        h.discord.failNext(DiscordEmulator.patchOriginal(), dev.roastden.emulators.discord.Fault.rateLimited(1.5));
        DeferredJob job = h.jobs.ask(Jobs.SAMMY, "ford", "Weather?");

        assertThat(h.deliver(job).getBatchItemFailures()).isEmpty();

        assertThat(h.patches(job)).extracting(RecordedRequest::status).containsExactly(429, 200);
        assertThat(h.sleeper.sleeps()).containsExactly(Duration.ofMillis(1500));
    }

    @Test
    void a404IsNotRetried() {
        h.discord.failNext(DiscordEmulator.patchOriginal(), dev.roastden.emulators.discord.Fault.unknownWebhook());
        DeferredJob job = h.jobs.ask(Jobs.SAMMY, "ford", "Weather?");

        assertThat(h.deliver(job).getBatchItemFailures()).isEmpty();
        assertThat(h.deliver(2, job).getBatchItemFailures()).isEmpty();

        assertThat(h.patches(job)).extracting(RecordedRequest::status).containsExactly(404);
        assertThat(h.metrics.count("DiscordPatchFailed.gone")).isEqualTo(1);
        assertThat(h.metrics.count("DuplicateSuppressed")).isEqualTo(1);
    }

    @Test
    void aDeletedOriginalResponseIsNotRetried() {
        DeferredJob job = h.jobs.ask(Jobs.SAMMY, "ford", "Weather?");
        h.discord.registerInteraction(Jobs.APP, job.token().orElseThrow(), Jobs.CHANNEL);
        h.discord.deleteOriginal(job.token().orElseThrow());

        assertThat(h.deliver(job).getBatchItemFailures()).isEmpty();
        assertThat(h.deliver(2, job).getBatchItemFailures()).isEmpty();

        assertThat(h.bedrock.calls()).hasSize(1);
        assertThat(h.patches(job)).singleElement().satisfies(p -> {
            assertThat(p.status()).isEqualTo(404);
        });
        assertThat(h.metrics.count("DiscordPatchFailed.gone")).isEqualTo(1);
        assertThat(h.metrics.count("MessageProcessed.dropped")).isEqualTo(1);
        assertThat(h.metrics.count("DuplicateSuppressed")).isEqualTo(1);
    }

    @Test
    void anExpiredTokenMakesNoCallAtAll() {
        DeferredJob job = h.jobs.roast(Jobs.SAMMY, Jobs.RILES, "ford", null);
        h.clock.advance(Duration.ofMinutes(15).plusSeconds(1));

        assertThat(h.deliver(job).getBatchItemFailures()).isEmpty();

        assertThat(h.discord.requests()).isEmpty();
        assertThat(h.bedrock.calls()).isEmpty();
        assertThat(h.metrics.count("MessageProcessed.expired")).isEqualTo(1);
    }

    @Test
    void aReplyAlreadyDeliveredIsNotEditedAgainWhenOnlyRecordingItFailed() {
        DeferredJob job = h.jobs.ask(Jobs.SAMMY, "ford", "Weather?");
        // First attempt: reply produced, saved and delivered; the claim is then released as if finishing failed.
        String attempt = "attempt-1";
        h.wiring.memory().claim(job.interactionId(), attempt, h.clock.instant(), Duration.ofMinutes(2));
        dev.roastden.worker.reply.Reply reply = dev.roastden.worker.reply.Reply.notice("Already said this.");
        h.wiring.memory().saveReply(job.interactionId(), attempt, reply.toJson());
        h.discord.registerInteraction(Jobs.APP, job.token().orElseThrow(), Jobs.CHANNEL);
        new dev.roastden.worker.discord.DiscordRest(
                        h.discord.apiBase(), WorkerConfig.USER_AGENT, h.clock, h.sleeper, Duration.ofSeconds(5))
                .editOriginal(
                        Jobs.APP,
                        job.token().orElseThrow(),
                        dev.roastden.worker.reply.MessageRenderer.render(reply),
                        h.clock.instant().plusSeconds(60));
        h.wiring.memory().release(job.interactionId(), attempt);

        assertThat(h.deliver(2, job).getBatchItemFailures()).isEmpty();

        assertThat(h.bedrock.calls()).isEmpty();
        assertThat(h.patches(job)).hasSize(1);
        assertThat(h.discord.requests(DiscordEmulator.GET_ORIGINAL)).hasSize(1);
        assertThat(h.deliver(3, job).getBatchItemFailures()).isEmpty();
        assertThat(h.patches(job)).hasSize(1);
    }
}
