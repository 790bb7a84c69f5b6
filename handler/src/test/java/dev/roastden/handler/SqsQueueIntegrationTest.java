package dev.roastden.handler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roastden.core.interaction.Interaction;
import dev.roastden.core.interaction.InteractionParser;
import dev.roastden.core.job.DeferredJob;
import dev.roastden.core.job.DeferredJobCodec;
import dev.roastden.emulators.sqs.LocalSqs;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/** The real wiring and SDK client against ElasticMQ running in this JVM. */
class SqsQueueIntegrationTest {
    private static LocalSqs sqs;
    private static SqsClient client;
    private static String queueUrl;
    private final TestSigner signer = new TestSigner();

    @BeforeAll
    static void startQueue() {
        sqs = LocalSqs.start();
        // The test's own client, for setup and for reading the queue: the handler's is cut for Discord's 3 seconds
        // and fails on a loaded machine; the handler under test still builds its own through HandlerWiring.
        client = SqsClient.builder()
                .endpointOverride(sqs.endpoint())
                .region(software.amazon.awssdk.regions.Region.US_EAST_1)
                .credentialsProvider(software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
                        software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create("local", "local")))
                .httpClient(software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient.builder()
                        .socketTimeout(java.time.Duration.ofSeconds(30))
                        .build())
                .overrideConfiguration(
                        o -> o.apiCallTimeout(java.time.Duration.ofMinutes(2)).retryStrategy(r -> r.maxAttempts(8)))
                .build();
        queueUrl = client.createQueue(b -> b.queueName("work")).queueUrl();
    }

    @AfterAll
    static void stopQueue() {
        client.close();
        sqs.close();
    }

    @Test
    void theQueuedJobIsWhatTheInteractionAskedFor() throws Exception {
        InteractionsHandler handler = new InteractionsHandler(HandlerWiring.create(
                new HandlerConfig(signer.publicKeyHex(), queueUrl, "us-east-1", Optional.of(sqs.endpoint())),
                RequestLog.silent()));
        String body = InteractionsHandlerTest.body("roast");

        ApiResponse response = ApiResponse.parse(TestSigner.invoke(handler, signer.event(body)));

        assertThat(response.type()).isEqualTo(5);
        List<Message> messages = client.receiveMessage(
                        b -> b.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(5))
                .messages();
        assertThat(messages).hasSize(1);
        DeferredJob queued = DeferredJobCodec.read(messages.get(0).body());
        var asked =
                (Interaction.ApplicationCommand) new InteractionParser().parse(body.getBytes(StandardCharsets.UTF_8));
        assertThat(queued).isEqualTo(DeferredJob.forCommand(asked));
        assertThat(queued.token()).contains("test-only-token-roast");
    }

    @Test
    void anUnreachableQueueGetsAPrivateTryAgain() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        URI nowhere = URI.create("http://127.0.0.1:" + closedPort);
        InteractionsHandler handler = new InteractionsHandler(HandlerWiring.create(
                new HandlerConfig(
                        signer.publicKeyHex(), nowhere + "/000000000000/work", "us-east-1", Optional.of(nowhere)),
                RequestLog.silent()));

        ApiResponse response =
                ApiResponse.parse(TestSigner.invoke(handler, signer.event(InteractionsHandlerTest.body("ask"))));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.type()).isEqualTo(4);
        assertThat(response.flags()).isEqualTo(64);
        assertThat(response.content()).isEqualTo(InteractionRouter.QUEUE_FAILED);
    }
}
