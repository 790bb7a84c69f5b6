package dev.roastden.worker;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.roastden.core.job.DeferredJob;
import dev.roastden.emulators.bedrock.Outcome;
import dev.roastden.emulators.discord.DiscordEmulator;
import dev.roastden.emulators.discord.RecordedRequest;
import dev.roastden.emulators.secrets.SecretsManagerEmulator;
import dev.roastden.worker.reply.MessageRenderer;
import dev.roastden.worker.reply.Reply;
import dev.roastden.worker.support.Harness;
import dev.roastden.worker.support.Jobs;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** How replies reach Discord: length limits, mention replies with the bot token. */
class DeliveryTest {

    @Test
    void contentUpTo2000CharactersStaysContentLongerGoesToAnEmbedAndBeyond4096IsCut() {
        try (Harness h = Harness.start()) {
            h.bedrock.enqueue(
                    Outcome.answer("a".repeat(1900)),
                    Outcome.answer("b".repeat(3000)),
                    Outcome.answer("c".repeat(5000)));
            DeferredJob shortOne = h.jobs.roast(Jobs.SAMMY, Jobs.RILES, "ford", null);
            DeferredJob longOne = h.jobs.roast(Jobs.SAMMY, Jobs.RILES, "ford", null);
            DeferredJob tooLong = h.jobs.roast(Jobs.SAMMY, Jobs.RILES, "ford", null);

            h.deliver(shortOne);
            h.deliver(longOne);
            h.deliver(tooLong);

            assertThat(h.discord.problems()).isEmpty();
            JsonNode first = body(h, shortOne);
            assertThat(first.path("content").asText())
                    .hasSizeLessThanOrEqualTo(2000)
                    .endsWith("a");
            assertThat(first.path("embeds")).isEmpty();
            JsonNode second = body(h, longOne);
            assertThat(second.path("content").asText()).isEqualTo("<@" + Jobs.RILES.id() + ">");
            assertThat(second.path("embeds").get(0).path("author").path("name").asText())
                    .isEqualTo("Captain Ford");
            assertThat(second.path("embeds").get(0).path("description").asText())
                    .isEqualTo("b".repeat(3000));
            JsonNode third = body(h, tooLong);
            String description = third.path("embeds").get(0).path("description").asText();
            assertThat(description)
                    .hasSize(MessageRenderer.MAX_EMBED_DESCRIPTION)
                    .endsWith("…");
            assertThat(DiscordEmulator.pingedUsers(third)).containsExactly(Jobs.RILES.id());
        }
    }

    @Test
    void renderingNeverPingsAnyoneButTheReplysPingUsers() {
        Reply reply = new Reply(
                Reply.Kind.ANSWER,
                Optional.of("Bex"),
                Optional.empty(),
                "@everyone look at <@111> and <@222>",
                List.of("222"));
        JsonNode body = MessageRenderer.render(reply);
        assertThat(DiscordEmulator.pingedUsers(body)).containsExactly("222");
        assertThat(body.path("allowed_mentions").path("parse")).isEmpty();
        JsonNode notice = MessageRenderer.render(Reply.notice("<@111> said hi"));
        assertThat(DiscordEmulator.pingedUsers(notice)).isEmpty();
    }

    @Test
    void aMentionIsAnsweredInTheChannelWithTheBotTokenFromSecretsManagerFetchedOnceAndNeverLogged() {
        try (SecretsManagerEmulator secrets = SecretsManagerEmulator.start();
                Harness h = Harness.start(b -> {})) {
            // A harness whose wiring reads the token from the Secrets Manager emulator.
            secrets.put("roastden/bot-token", "bot-secret-value");
            h.discord.requireBotToken("bot-secret-value");
            try (WorkerWiring wiring = WorkerWiring.builder(Harness.config(h.table, h.discord.apiBase()))
                    .dynamoEndpoint(
                            dev.roastden.worker.support.SharedDynamoDb.get().endpoint())
                    .bedrockEndpoint(h.bedrock.endpoint())
                    .secretsEndpoint(secrets.endpoint())
                    .credentials(software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
                            software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create("t", "t")))
                    .clock(h.clock)
                    .sleeper(h.sleeper)
                    .metrics(h.metrics)
                    .build()) {
                DeferredWorkerHandler handler = new DeferredWorkerHandler(wiring);
                DeferredJob first = h.jobs.mention(Jobs.SAMMY, "bex", "hey bex, best raid snack?");
                DeferredJob second = h.jobs.mention(Jobs.RILES, "bex", "and mine?");
                com.amazonaws.services.lambda.runtime.events.SQSEvent event =
                        new com.amazonaws.services.lambda.runtime.events.SQSEvent();
                event.setRecords(List.of(Harness.message(first, 1), Harness.message(second, 1)));

                assertThat(handler.handleRequest(event, null).getBatchItemFailures())
                        .isEmpty();

                List<JsonNode> posted = h.discord.channelMessages(Jobs.CHANNEL);
                assertThat(posted).hasSize(2);
                assertThat(posted.get(0)
                                .path("message_reference")
                                .path("message_id")
                                .asText())
                        .isEqualTo(first.interactionId());
                assertThat(posted.get(0).path("pinged_user_ids"))
                        .extracting(JsonNode::asText)
                        .containsExactly(Jobs.SAMMY.id());
                assertThat(secrets.reads()).isEqualTo(1);
                assertThat(h.metrics.count("SecretAccess.success")).isEqualTo(1);
                assertThat(h.discord.requests(DiscordEmulator.CREATE_MESSAGE))
                        .allSatisfy(r -> assertThat(r.succeeded()).isTrue());
                assertThat(h.discord.problems()).isEmpty();
            }
        }
    }

    @Test
    void aMissingSecretIsCountedAsAFailedAccessAndTheJobRetried() {
        try (SecretsManagerEmulator secrets = SecretsManagerEmulator.start();
                Harness h = Harness.start()) {
            try (WorkerWiring wiring = WorkerWiring.builder(Harness.config(h.table, h.discord.apiBase()))
                    .dynamoEndpoint(
                            dev.roastden.worker.support.SharedDynamoDb.get().endpoint())
                    .bedrockEndpoint(h.bedrock.endpoint())
                    .secretsEndpoint(secrets.endpoint())
                    .credentials(software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
                            software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create("t", "t")))
                    .clock(h.clock)
                    .sleeper(h.sleeper)
                    .metrics(h.metrics)
                    .build()) {
                DeferredJob job = h.jobs.mention(Jobs.SAMMY, "bex", "hello?");
                com.amazonaws.services.lambda.runtime.events.SQSEvent event =
                        new com.amazonaws.services.lambda.runtime.events.SQSEvent();
                event.setRecords(List.of(Harness.message(job, 1)));

                assertThat(new DeferredWorkerHandler(wiring)
                                .handleRequest(event, null)
                                .getBatchItemFailures())
                        .hasSize(1);
                assertThat(h.metrics.count("SecretAccess.failure")).isEqualTo(1);
                assertThat(h.discord.requests()).isEmpty();
            }
        }
    }

    private static JsonNode body(Harness h, DeferredJob job) {
        List<RecordedRequest> patches = h.patches(job);
        assertThat(patches).hasSize(1);
        return patches.get(0).json().orElseThrow();
    }
}
