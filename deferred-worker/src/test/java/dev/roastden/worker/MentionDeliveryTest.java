package dev.roastden.worker;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.fasterxml.jackson.databind.JsonNode;
import dev.roastden.core.job.DeferredJob;
import dev.roastden.emulators.bedrock.Outcome;
import dev.roastden.emulators.discord.DiscordEmulator;
import dev.roastden.emulators.discord.Fault;
import dev.roastden.emulators.discord.RecordedRequest;
import dev.roastden.emulators.http.FaultInjectingProxy;
import dev.roastden.worker.discord.TypingIndicator;
import dev.roastden.worker.support.Harness;
import dev.roastden.worker.support.Jobs;
import dev.roastden.worker.support.ManualRepeater;
import dev.roastden.worker.support.SharedDynamoDb;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Mention replies against the Discord emulator: the typing indicator while the model works, the reply aimed at the
 * mention's target, and no second reply when the queue delivers the job again.
 */
class MentionDeliveryTest {
    private static final String BOT_TOKEN = "bot-token-value";

    private final ManualRepeater repeater = new ManualRepeater();

    private Harness harness() {
        Harness h = Harness.start(b -> b.botToken(() -> BOT_TOKEN).repeater(repeater));
        prepare(h);
        return h;
    }

    private void prepare(Harness h) {
        h.discord.requireBotToken(BOT_TOKEN);
        h.discord.botUserId(Jobs.BOT_USER);
    }

    @Test
    void typingShowsBeforeTheModelIsAskedAndIsRefreshedUntilTheReplyIsPosted() {
        try (Harness h = harness()) {
            AtomicInteger typingWhenAsked = new AtomicInteger(-1);
            h.bedrock.respondWith(call -> {
                typingWhenAsked.set(
                        h.discord.requests(DiscordEmulator.TRIGGER_TYPING).size());
                // The model takes a while: two refresh periods pass before it answers.
                repeater.tick();
                repeater.tick();
                return Outcome.answer("Ahoy, landlubber.");
            });
            DeferredJob job = h.jobs.mention(Jobs.SAMMY, "ford", "ford, how's the sea?");

            assertThat(h.deliver(job).getBatchItemFailures()).isEmpty();

            assertThat(typingWhenAsked.get()).isEqualTo(1);
            assertThat(repeater.periods()).containsExactly(TypingIndicator.REFRESH);
            List<RecordedRequest> typing = h.discord.requests(DiscordEmulator.TRIGGER_TYPING);
            assertThat(typing).hasSize(3).allSatisfy(r -> {
                assertThat(r.params()).containsEntry("channel_id", Jobs.CHANNEL);
                assertThat(r.header("authorization")).contains("Bot " + BOT_TOKEN);
                assertThat(r.succeeded()).isTrue();
            });
            assertThat(repeater.running())
                    .as("typing stops once the reply is sent")
                    .isZero();
            repeater.tick();
            assertThat(h.discord.requests(DiscordEmulator.TRIGGER_TYPING)).hasSize(3);
            List<RecordedRequest> all = h.discord.requests();
            assertThat(all.get(all.size() - 1).operationId()).isEqualTo(DiscordEmulator.CREATE_MESSAGE);
            assertThat(h.discord.channelMessages(Jobs.CHANNEL))
                    .singleElement()
                    .satisfies(m -> assertThat(m.path("content").asText()).contains("Ahoy, landlubber."));
            assertThat(h.discord.problems()).isEmpty();
        }
    }

    @Test
    void aFailingTypingIndicatorNeverFailsTheJob() {
        try (Harness h = harness()) {
            h.discord.failNext(
                    r -> r.operationId().equals(DiscordEmulator.TRIGGER_TYPING),
                    Fault.serverError(),
                    Fault.rateLimited(5),
                    Fault.unknownMessage());
            h.bedrock.respondWith(call -> {
                repeater.tick();
                repeater.tick();
                return Outcome.answer("Still here.");
            });
            DeferredJob job = h.jobs.mention(Jobs.SAMMY, "ford", "ford?");

            assertThat(h.deliver(job).getBatchItemFailures()).isEmpty();

            assertThat(h.discord.requests(DiscordEmulator.TRIGGER_TYPING))
                    .hasSize(3)
                    .noneMatch(RecordedRequest::succeeded);
            assertThat(h.discord.channelMessages(Jobs.CHANNEL)).hasSize(1);
            assertThat(h.sleeper.sleeps())
                    .as("a failed typing call is not retried")
                    .isEmpty();
        }
    }

    @Test
    void aMentionAimedAtSomeoneNamesThemToTheModelAndPingsOnlyThem() {
        try (Harness h = harness()) {
            h.bedrock.enqueue(Outcome.answer("Riles, your parking is a shipwreck."), Outcome.answer("Ahoy, Sammy."));
            DeferredJob aimed = h.jobs.mention(
                    Jobs.SAMMY, "ford", "roast <@" + Jobs.RILES.id() + "> and <@!777>", Optional.of(Jobs.RILES));
            DeferredJob plain = h.jobs.mention(Jobs.SAMMY, "ford", "ahoy");

            assertThat(h.deliver(aimed, plain).getBatchItemFailures()).isEmpty();

            assertThat(h.bedrock.calls().get(0).lastUserText()).contains("from: Sammy", "target: Riles");
            assertThat(h.bedrock.calls().get(1).lastUserText()).doesNotContain("target:");
            List<RecordedRequest> posts = h.discord.requests(DiscordEmulator.CREATE_MESSAGE);
            JsonNode aimedBody = posts.get(0).json().orElseThrow();
            assertThat(DiscordEmulator.pingedUsers(aimedBody)).containsExactly(Jobs.RILES.id());
            assertThat(aimedBody.path("allowed_mentions").path("parse")).isEmpty();
            assertThat(aimedBody.path("allowed_mentions").path("users"))
                    .extracting(JsonNode::asText)
                    .containsExactly(Jobs.RILES.id());
            assertThat(aimedBody.path("allowed_mentions").path("replied_user").asBoolean())
                    .as("the author is not pinged when someone else is the target")
                    .isFalse();
            JsonNode plainBody = posts.get(1).json().orElseThrow();
            assertThat(DiscordEmulator.pingedUsers(plainBody)).containsExactly(Jobs.SAMMY.id());
            assertThat(plainBody.path("allowed_mentions").path("replied_user").asBoolean())
                    .isTrue();
            assertThat(h.discord.problems()).isEmpty();
        }
    }

    @Test
    void theReplyCarriesTheTriggerAsAnEnforcedNonceAndTheFirstAttemptDoesNotLookForEarlierReplies() {
        try (Harness h = harness()) {
            h.bedrock.enqueue(Outcome.answer("Ahoy."));
            DeferredJob job = h.jobs.mention(Jobs.SAMMY, "ford", "ford?");

            assertThat(h.deliver(job).getBatchItemFailures()).isEmpty();

            JsonNode body = h.discord
                    .requests(DiscordEmulator.CREATE_MESSAGE)
                    .get(0)
                    .json()
                    .orElseThrow();
            assertThat(body.path("nonce").asText()).isEqualTo(job.interactionId());
            assertThat(body.path("enforce_nonce").asBoolean()).isTrue();
            assertThat(body.path("message_reference").path("message_id").asText())
                    .isEqualTo(job.interactionId());
            assertThat(body.path("message_reference").path("fail_if_not_exists").asBoolean())
                    .isFalse();
            assertThat(h.discord.requests(DiscordEmulator.LIST_MESSAGES)).isEmpty();
        }
    }

    @Test
    void aRetryAfterAReplyWasPostedButNotRecordedFindsItAndDoesNotPostAgain() {
        AtomicBoolean finishFails = new AtomicBoolean(true);
        try (FaultInjectingProxy dynamo =
                        FaultInjectingProxy.start(SharedDynamoDb.get().endpoint());
                Harness h = proxied(dynamo, finishFails)) {
            h.bedrock.enqueue(Outcome.answer("Ahoy once."));
            DeferredJob job = h.jobs.mention(Jobs.SAMMY, "ford", "ford?");

            SQSBatchResponse first = h.deliver(job);
            assertThat(first.getBatchItemFailures()).hasSize(1);
            assertThat(h.discord.channelMessages(Jobs.CHANNEL)).hasSize(1);
            assertThat(h.discord.requests(DiscordEmulator.LIST_MESSAGES)).isEmpty();

            finishFails.set(false);
            // Later, past Discord's nonce window: only the look-up can tell the reply is there.
            h.clock.advance(DiscordEmulator.NONCE_WINDOW.plusSeconds(60));
            SQSBatchResponse second = h.deliver(2, job);

            assertThat(second.getBatchItemFailures()).isEmpty();
            assertThat(h.discord.channelMessages(Jobs.CHANNEL)).hasSize(1);
            assertThat(h.discord.requests(DiscordEmulator.CREATE_MESSAGE)).hasSize(1);
            assertThat(h.discord.requests(DiscordEmulator.LIST_MESSAGES))
                    .singleElement()
                    .satisfies(r -> {
                        assertThat(r.params()).containsEntry("channel_id", Jobs.CHANNEL);
                        assertThat(r.query()).isEqualTo("after=" + job.interactionId() + "&limit=50");
                    });
            assertThat(h.deliver(3, job).getBatchItemFailures()).isEmpty();
            assertThat(h.discord.requests(DiscordEmulator.CREATE_MESSAGE)).hasSize(1);
            assertThat(h.discord.problems()).isEmpty();
        }
    }

    @Test
    void aRetryWhoseEarlierAttemptNeverPostedLooksThenPostsOnce() {
        try (Harness h = harness()) {
            h.bedrock.enqueue(Outcome.throttled(), Outcome.throttled(), Outcome.throttled(), Outcome.throttled());
            h.bedrock.enqueue(Outcome.answer("Made it."));
            DeferredJob job = h.jobs.mention(Jobs.SAMMY, "ford", "ford?");

            assertThat(h.deliver(job).getBatchItemFailures()).hasSize(1);
            assertThat(h.discord.channelMessages(Jobs.CHANNEL)).isEmpty();
            assertThat(repeater.running())
                    .as("typing stops when the attempt fails")
                    .isZero();

            assertThat(h.deliver(2, job).getBatchItemFailures()).isEmpty();

            assertThat(h.discord.requests(DiscordEmulator.LIST_MESSAGES)).hasSize(1);
            assertThat(h.discord.channelMessages(Jobs.CHANNEL))
                    .singleElement()
                    .satisfies(m -> assertThat(m.path("content").asText()).contains("Made it."));
        }
    }

    @Test
    void whenTheLookUpFailsTheNonceStillKeepsASecondCopyOut() {
        AtomicBoolean finishFails = new AtomicBoolean(true);
        try (FaultInjectingProxy dynamo =
                        FaultInjectingProxy.start(SharedDynamoDb.get().endpoint());
                Harness h = proxied(dynamo, finishFails)) {
            h.bedrock.enqueue(Outcome.answer("Only once."));
            DeferredJob job = h.jobs.mention(Jobs.SAMMY, "ford", "ford?");
            assertThat(h.deliver(job).getBatchItemFailures()).hasSize(1);
            String posted =
                    h.discord.channelMessages(Jobs.CHANNEL).get(0).path("id").asText();

            finishFails.set(false);
            h.discord.failNext(
                    r -> r.operationId().equals(DiscordEmulator.LIST_MESSAGES),
                    new Fault(403, 50001, "Missing Access", OptionalDouble.empty(), false));
            h.clock.advance(Duration.ofSeconds(90));

            assertThat(h.deliver(2, job).getBatchItemFailures()).isEmpty();

            assertThat(h.discord.requests(DiscordEmulator.LIST_MESSAGES)).hasSize(1);
            List<RecordedRequest> posts = h.discord.requests(DiscordEmulator.CREATE_MESSAGE);
            assertThat(posts).hasSize(2).allSatisfy(r -> assertThat(r.succeeded())
                    .isTrue());
            assertThat(h.discord.channelMessages(Jobs.CHANNEL))
                    .as("Discord answered the second post with the first message")
                    .singleElement()
                    .satisfies(m -> assertThat(m.path("id").asText()).isEqualTo(posted));
            assertThat(h.discord.problems()).isEmpty();
        }
    }

    /** A harness whose DynamoDB traffic passes {@code dynamo}, where recording a job as done fails while asked. */
    private Harness proxied(FaultInjectingProxy dynamo, AtomicBoolean finishFails) {
        Harness h = Harness.start(
                Instant.now().truncatedTo(ChronoUnit.MILLIS), dynamo.endpoint(), b -> b.botToken(() -> BOT_TOKEN)
                        .repeater(repeater));
        prepare(h);
        dynamo.setFaultInjector(request -> finishFails.get() && request.body().contains("finishedAt")
                ? Optional.of(FaultInjectingProxy.ProxyFault.dynamoDbInternalError(false))
                : Optional.empty());
        return h;
    }

    @Test
    void aMentionHasNoTokenToExpireAndIsStillAnsweredHalfAnHourLater() {
        try (Harness h = harness()) {
            DeferredJob job = h.jobs.mention(Jobs.SAMMY, "ford", "ford, how's the sea?");
            h.clock.advance(Duration.ofMinutes(30));

            assertThat(h.deliver(job).getBatchItemFailures()).isEmpty();

            assertThat(h.bedrock.calls()).hasSize(1);
            assertThat(h.discord.channelMessages(Jobs.CHANNEL)).hasSize(1);
            assertThat(h.metrics.count("MessageProcessed.mention-reply")).isEqualTo(1);
        }
    }

    @Test
    void aMentionOlderThanAnHourIsDroppedWithoutAnyCall() {
        try (Harness h = harness()) {
            DeferredJob job = h.jobs.mention(Jobs.SAMMY, "ford", "ford, how's the sea?");
            h.clock.advance(JobProcessor.MENTION_MAX_AGE.plusSeconds(1));

            assertThat(h.deliver(job).getBatchItemFailures()).isEmpty();

            assertThat(h.bedrock.calls()).isEmpty();
            assertThat(h.discord.requests()).isEmpty();
            assertThat(h.metrics.count("MessageProcessed.stale")).isEqualTo(1);
        }
    }
}
