package dev.roastden.worker;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.JsonNode;
import dev.roastden.core.job.DeferredJob;
import dev.roastden.core.job.DeferredJobCodec;
import dev.roastden.core.json.Json;
import dev.roastden.emulators.discord.RecordedRequest;
import dev.roastden.worker.support.Harness;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The committed sample SQS event (owned by the events module) runs through the handler and produces the PATCH. */
class SampleEventTest {
    /** Where the events module keeps it, next to this module; {@code sam local invoke -e} reads the same file. */
    private static final Path SAMPLE = Path.of("../events/sqs/deferred-job.json");

    @Test
    void theSampleRoastEventProducesOnePatchOfTheOriginalResponse() throws Exception {
        assertThat(SAMPLE).as("the committed sample SQS event").isRegularFile();
        SQSEvent event = read(SAMPLE);
        DeferredJob job = DeferredJobCodec.read(event.getRecords().get(0).getBody());

        try (Harness h = Harness.start()) {
            // The sample was recorded long ago: run it at the moment it was created, or the token has expired.
            h.clock.set(job.createdAt().plus(Duration.ofSeconds(2)));

            assertThat(h.handler.handleRequest(event, null).getBatchItemFailures())
                    .isEmpty();

            List<RecordedRequest> patches = h.patches(job);
            assertThat(patches).hasSize(1);
            assertThat(patches.get(0).succeeded()).isTrue();
            assertThat(patches.get(0).path())
                    .isEqualTo("/webhooks/" + job.applicationId() + "/"
                            + job.token().orElseThrow() + "/messages/@original");
            assertThat(h.discord.problems()).isEmpty();
            assertThat(h.bedrock.calls()).hasSize(1);
        }
    }

    /** Reads a Lambda SQS event file ({@code Records}, as Lambda sends it) into the events library's type. */
    static SQSEvent read(Path file) throws Exception {
        JsonNode root = Json.mapper().readTree(Files.readString(file));
        List<SQSEvent.SQSMessage> messages = new ArrayList<>();
        for (JsonNode record : root.path("Records")) {
            SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
            message.setMessageId(record.path("messageId").asText());
            message.setReceiptHandle(record.path("receiptHandle").asText());
            message.setBody(record.path("body").asText());
            Map<String, String> attributes = new HashMap<>();
            record.path("attributes")
                    .fields()
                    .forEachRemaining(
                            e -> attributes.put(e.getKey(), e.getValue().asText()));
            message.setAttributes(attributes);
            message.setEventSource(record.path("eventSource").asText());
            message.setEventSourceArn(record.path("eventSourceARN").asText());
            message.setAwsRegion(record.path("awsRegion").asText());
            messages.add(message);
        }
        SQSEvent event = new SQSEvent();
        event.setRecords(messages);
        return event;
    }
}
