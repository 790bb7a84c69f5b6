package dev.roastden.gateway.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.roastden.core.interaction.DiscordUser;
import dev.roastden.core.job.DeferredJob;
import dev.roastden.core.job.DeferredJobCodec;
import dev.roastden.core.job.JobQueue;
import dev.roastden.core.job.Snowflake;
import dev.roastden.core.mention.BotChain;
import dev.roastden.core.mention.BotIdentity;
import dev.roastden.core.mention.IncomingMessage;
import dev.roastden.core.mention.MentionDecider;
import dev.roastden.core.persona.PersonaCatalog;
import dev.roastden.emulators.sqs.LocalSqs;
import dev.roastden.gateway.GatewayConfig;
import java.net.ServerSocket;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/** The gateway's real SQS client and adapter against ElasticMQ in this JVM. */
class SqsJobQueueTest {
    private static final BotIdentity SELF = new BotIdentity("900000000000000009", "910000000000000009");
    private static final DiscordUser SAM = new DiscordUser("100000000000000011", "Sam", false, "0");
    private static final DiscordUser ALEX = new DiscordUser("100000000000000012", "Alex", false, "0");

    private static LocalSqs sqs;
    private static SqsClient client;
    private static GatewayConfig config;

    @BeforeAll
    static void startQueue() {
        sqs = LocalSqs.start();
        GatewayConfig bootstrap = config(sqs.endpoint() + "/000000000000/unused");
        client = AwsClients.sqs(bootstrap);
        String queueUrl = client.createQueue(b -> b.queueName("work")).queueUrl();
        config = config(queueUrl);
    }

    @AfterAll
    static void stopQueue() {
        client.close();
        sqs.close();
    }

    private static GatewayConfig config(String queueUrl) {
        return GatewayConfig.fromEnvironment(
                Map.of(
                        "WORK_QUEUE_URL",
                        queueUrl,
                        "SQS_ENDPOINT",
                        sqs.endpoint().toString(),
                        "AWS_REGION",
                        "us-east-1"),
                PersonaCatalog.fromClasspath());
    }

    @Test
    void aMentionLandsOnTheQueueAsTheJobTheDeciderMade() throws Exception {
        String messageId = Snowflake.at(Instant.parse("2026-11-20T18:00:00Z"), 7);
        IncomingMessage mention = new IncomingMessage(
                Optional.of("700000000000000001"),
                "710000000000000001",
                messageId,
                SAM,
                false,
                false,
                "<@" + SELF.userId() + "> mags, roast <@" + ALEX.id() + ">",
                true,
                Optional.empty(),
                Map.of(ALEX.id(), ALEX),
                Optional.of(new DeferredJob.ReferencedMessage("730000000000000001", "gg ez", ALEX)));
        DeferredJob job = new MentionDecider(
                        PersonaCatalog.fromClasspath(),
                        config.personas(),
                        config.botChainLimit(),
                        config.botChainWindow())
                .decide(mention, SELF, BotChain.NONE)
                .job()
                .orElseThrow();
        SqsClient queueClient = AwsClients.sqs(config);

        new SqsJobQueue(queueClient, config.queueUrl()).enqueue(job);

        List<Message> received = queueClient
                .receiveMessage(b ->
                        b.queueUrl(config.queueUrl()).maxNumberOfMessages(10).waitTimeSeconds(5))
                .messages();
        assertThat(received).hasSize(1);
        DeferredJob queued = DeferredJobCodec.read(received.get(0).body());
        assertThat(queued).isEqualTo(job);
        assertThat(queued.kind()).isEqualTo(DeferredJob.Kind.MENTION);
        assertThat(queued.interactionId()).isEqualTo(messageId);
        assertThat(queued.option("persona")).contains("mags");
        assertThat(queued.mention().orElseThrow().content()).isEqualTo("mags, roast <@" + ALEX.id() + ">");
        queueClient.close();
    }

    @Test
    void anUnreachableQueueIsReportedAsUnavailable() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String nowhere = "http://127.0.0.1:" + closedPort;
        GatewayConfig unreachable = GatewayConfig.fromEnvironment(
                Map.of("WORK_QUEUE_URL", nowhere + "/000000000000/work", "SQS_ENDPOINT", nowhere),
                PersonaCatalog.fromClasspath());
        DeferredJob job = new DeferredJob(
                DeferredJob.Kind.MENTION,
                "1",
                SELF.applicationId(),
                Optional.empty(),
                "mention",
                Optional.empty(),
                Map.of("persona", "ford"),
                SAM,
                Map.of(),
                Optional.of("2"),
                Optional.of("3"),
                "en-US",
                Instant.EPOCH,
                Optional.of(new DeferredJob.Mention("hi", Optional.empty())));

        try (SqsClient unreachableClient = AwsClients.sqs(unreachable)) {
            assertThatThrownBy(() -> new SqsJobQueue(unreachableClient, unreachable.queueUrl()).enqueue(job))
                    .isInstanceOf(JobQueue.QueueUnavailableException.class)
                    .hasMessageContaining("job 1");
        }
    }
}
