package dev.roastden.infra.queue;

import java.util.List;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.iam.IGrantable;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.sqs.DeadLetterQueue;
import software.amazon.awscdk.services.sqs.Queue;
import software.amazon.awscdk.services.sqs.QueueEncryption;
import software.constructs.Construct;

/**
 * The work queue carrying {@code DeferredJob} JSON from the handler and the gateway to the worker,
 * with a dead-letter queue for jobs that keep failing.
 *
 * <p>Both queues use SQS-managed server-side encryption (SSE-SQS) and refuse plain-HTTP access.
 * SSE-SQS rather than a customer-managed KMS key keeps the producers' permission to exactly
 * {@code sqs:SendMessage}: a KMS key would also require {@code kms:GenerateDataKey} for every
 * sender and add a KMS call to the handler's three-second path.
 */
public final class WorkQueue extends Construct {

    /** Messages in the dead-letter queue are kept for the longest period SQS allows. */
    public static final Duration DEAD_LETTER_RETENTION = Duration.days(14);

    private final Queue queue;
    private final Queue deadLetterQueue;
    private final int maxReceiveCount;
    private final Duration visibilityTimeout;

    public WorkQueue(Construct scope, String id, WorkQueueProps props) {
        super(scope, id);
        maxReceiveCount = props.maxReceiveCount();
        visibilityTimeout = props.visibilityTimeout();

        deadLetterQueue = Queue.Builder.create(this, "DeadLetterQueue")
                .encryption(QueueEncryption.SQS_MANAGED)
                .enforceSsl(true)
                .retentionPeriod(DEAD_LETTER_RETENTION)
                .build();

        queue = Queue.Builder.create(this, "Queue")
                .encryption(QueueEncryption.SQS_MANAGED)
                .enforceSsl(true)
                .visibilityTimeout(props.visibilityTimeout())
                // An interaction token lives 15 minutes; a job older than a day is never useful.
                .retentionPeriod(Duration.days(1))
                .deadLetterQueue(DeadLetterQueue.builder()
                        .queue(deadLetterQueue)
                        .maxReceiveCount(props.maxReceiveCount())
                        .build())
                .build();
    }

    /** The queue the worker consumes. */
    public Queue queue() {
        return queue;
    }

    /** Deliveries of a job before it moves to the dead-letter queue. */
    public int maxReceiveCount() {
        return maxReceiveCount;
    }

    /** How long a received job stays hidden: a job the worker hands back returns after this. */
    public Duration visibilityTimeout() {
        return visibilityTimeout;
    }

    /** Where jobs go after {@code maxReceiveCount} failed deliveries. */
    public Queue deadLetterQueue() {
        return deadLetterQueue;
    }

    /**
     * Lets {@code producer} send jobs and nothing else: only {@code sqs:SendMessage}, only on this
     * queue. (CDK's {@code grantSendMessages} would add {@code GetQueueAttributes} and
     * {@code GetQueueUrl}, which producers that are given the queue URL never need.)
     */
    public void grantSendOnly(IGrantable producer) {
        producer.getGrantPrincipal()
                .addToPrincipalPolicy(PolicyStatement.Builder.create()
                        .actions(List.of("sqs:SendMessage"))
                        .resources(List.of(queue.getQueueArn()))
                        .build());
    }
}
