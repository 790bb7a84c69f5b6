package dev.roastden.local;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.roastden.worker.DeferredWorkerHandler;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * Does locally what Lambda's SQS event source mapping does: long-polls the queue, hands each batch to the real
 * worker handler as an SQS event, deletes what succeeded, and makes the reported failures visible again soon.
 */
final class WorkerPoller implements AutoCloseable {
    static final int RETRY_VISIBILITY_SECONDS = 5;

    private final SqsClient sqs;
    private final String queueUrl;
    private final DeferredWorkerHandler worker;
    private final java.util.function.Consumer<String> finished;
    private final Thread thread;
    private volatile boolean running = true;

    /** {@code finished} hears the body of every message deleted as done (the {@link JobJournal} marks it). */
    WorkerPoller(
            SqsClient sqs,
            String queueUrl,
            DeferredWorkerHandler worker,
            java.util.function.Consumer<String> finished) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
        this.worker = worker;
        this.finished = finished;
        this.thread = new Thread(this::run, "roastden-worker-poller");
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    private void run() {
        while (running) {
            try {
                List<Message> messages = sqs.receiveMessage(b -> b.queueUrl(queueUrl)
                                .maxNumberOfMessages(5)
                                .waitTimeSeconds(1)
                                .messageSystemAttributeNames(MessageSystemAttributeName.ALL))
                        .messages();
                if (!messages.isEmpty()) {
                    deliver(messages);
                }
            } catch (SdkException e) {
                if (running) {
                    System.err.println("{\"level\":\"WARN\",\"message\":\"queue poll failed\",\"error\":\""
                            + e.getClass().getSimpleName() + "\"}");
                    java.util.concurrent.locks.LockSupport.parkNanos(1_000_000_000L);
                }
            }
        }
    }

    private void deliver(List<Message> messages) {
        SQSEvent event = new SQSEvent();
        List<SQSEvent.SQSMessage> records = new ArrayList<>();
        for (Message message : messages) {
            SQSEvent.SQSMessage record = new SQSEvent.SQSMessage();
            record.setMessageId(message.messageId());
            record.setReceiptHandle(message.receiptHandle());
            record.setBody(message.body());
            record.setMd5OfBody(message.md5OfBody());
            Map<String, String> attributes = new HashMap<>();
            message.attributes().forEach((name, value) -> attributes.put(name.toString(), value));
            record.setAttributes(attributes);
            record.setEventSource("aws:sqs");
            record.setEventSourceArn("arn:aws:sqs:us-east-1:000000000000:" + LocalSystem.QUEUE_NAME);
            record.setAwsRegion("us-east-1");
            records.add(record);
        }
        event.setRecords(records);
        SQSBatchResponse response = worker.handleRequest(event, null);
        Set<String> failed = response.getBatchItemFailures().stream()
                .map(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                .collect(Collectors.toSet());
        for (Message message : messages) {
            if (failed.contains(message.messageId())) {
                sqs.changeMessageVisibility(b -> b.queueUrl(queueUrl)
                        .receiptHandle(message.receiptHandle())
                        .visibilityTimeout(RETRY_VISIBILITY_SECONDS));
            } else {
                sqs.deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(message.receiptHandle()));
                finished.accept(message.body());
            }
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
