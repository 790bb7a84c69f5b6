package dev.roastden.infra;

import static dev.roastden.infra.Cfn.getAtt;
import static dev.roastden.infra.Cfn.list;
import static dev.roastden.infra.Cfn.map;
import static dev.roastden.infra.Cfn.properties;
import static dev.roastden.infra.Cfn.ref;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.roastden.infra.queue.WorkQueueProps;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.assertions.Template;

class WorkQueueTest {

    private final Synthesized.Result synthesized = Synthesized.defaults();
    private final Template template = synthesized.template();
    private final String queueId = Cfn.logicalId(synthesized.stack().workQueue().queue());
    private final String dlqId = Cfn.logicalId(synthesized.stack().workQueue().deadLetterQueue());

    @Test
    void bothQueuesAreEncryptedServerSide() {
        assertThat(properties(Cfn.resource(template, queueId))).containsEntry("SqsManagedSseEnabled", true);
        assertThat(properties(Cfn.resource(template, dlqId))).containsEntry("SqsManagedSseEnabled", true);
    }

    @Test
    void failedJobsMoveToTheDeadLetterQueueAfterBoundedDeliveries() {
        Map<String, Object> redrive =
                map(properties(Cfn.resource(template, queueId)).get("RedrivePolicy"));
        assertThat(redrive).containsEntry("deadLetterTargetArn", getAtt(dlqId, "Arn"));
        assertThat(Cfn.number(redrive.get("maxReceiveCount"))).isEqualTo(RoastDenStack.MAX_RECEIVE_COUNT);
    }

    @Test
    void deadLetterQueueKeepsJobsForFourteenDays() {
        assertThat(Cfn.number(properties(Cfn.resource(template, dlqId)).get("MessageRetentionPeriod")))
                .isEqualTo(14 * 24 * 3600);
    }

    @Test
    void visibilityTimeoutIsAtLeastSixTimesTheWorkerTimeout() {
        int workerTimeout = Cfn.number(
                properties(Cfn.resource(template, Contracts.WORKER_LOGICAL_ID)).get("Timeout"));
        int visibility = Cfn.number(properties(Cfn.resource(template, queueId)).get("VisibilityTimeout"));
        assertThat(visibility).isGreaterThanOrEqualTo(6 * workerTimeout);
    }

    @Test
    void bothQueuesRefusePlainHttp() {
        for (String id : List.of(queueId, dlqId)) {
            assertThat(Cfn.resources(template, "AWS::SQS::QueuePolicy").values().stream()
                            .map(Cfn::properties)
                            .filter(p -> list(p.get("Queues")).contains(ref(id)))
                            .flatMap(p -> list(map(p.get("PolicyDocument")).get("Statement")).stream())
                            .map(Cfn::map)
                            .filter(s -> "Deny".equals(s.get("Effect"))))
                    .as("deny statement on %s", id)
                    .anySatisfy(deny -> assertThat(deny.get("Condition"))
                            .isEqualTo(Map.of("Bool", Map.of("aws:SecureTransport", "false"))));
        }
    }

    @Test
    void propsRejectUnboundedOrImpossibleSettings() {
        assertThatThrownBy(() -> new WorkQueueProps(Duration.seconds(90), 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WorkQueueProps(Duration.hours(3), 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("visibility timeout");
        assertThat(new WorkQueueProps(Duration.seconds(90), 3)
                        .visibilityTimeout()
                        .toSeconds())
                .isEqualTo(540);
    }
}
