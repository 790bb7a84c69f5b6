package dev.roastden.gateway.aws;

import dev.roastden.core.job.DeferredJob;
import dev.roastden.core.job.DeferredJobCodec;
import dev.roastden.core.job.JobQueue;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Puts mention jobs on the work queue as {@link DeferredJobCodec} JSON, the same contract the endpoint writes. */
public final class SqsJobQueue implements JobQueue {
    private final SqsClient sqs;
    private final String queueUrl;

    public SqsJobQueue(SqsClient sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    @Override
    public void enqueue(DeferredJob job) throws QueueUnavailableException {
        String body = DeferredJobCodec.write(job);
        try {
            sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody(body));
        } catch (SdkException e) {
            throw new QueueUnavailableException("The work queue did not accept job " + job.interactionId(), e);
        }
    }
}
