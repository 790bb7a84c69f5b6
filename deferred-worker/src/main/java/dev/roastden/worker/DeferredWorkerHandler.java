package dev.roastden.worker;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.roastden.core.job.DeferredJob;
import dev.roastden.core.job.DeferredJobCodec;
import dev.roastden.core.job.MalformedJobException;
import dev.roastden.worker.observability.WorkerMetrics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.crac.Core;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;

/**
 * The worker Lambda: reads each SQS message as a {@link DeferredJob}, processes it and reports the messages to retry
 * as partial batch failures (the event source mapping needs {@code ReportBatchItemFailures}). A message that is not a
 * readable job is logged and dropped, never retried.
 */
public final class DeferredWorkerHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {
    private static final Logger LOG = LoggerFactory.getLogger(DeferredWorkerHandler.class);

    private final JobProcessor processor;
    private final WorkerMetrics metrics;
    private final Object priming;

    /** For Lambda: wires from the environment and registers SnapStart priming. */
    public DeferredWorkerHandler() {
        WorkerWiring wiring = WorkerWiring.fromEnvironment();
        this.processor = wiring.processor();
        this.metrics = wiring.metrics();
        WorkerPriming resource = new WorkerPriming(wiring);
        Core.getGlobalContext().register(resource);
        this.priming = resource;
    }

    /** With the collaborators of an existing wiring (tests, the local system). */
    public DeferredWorkerHandler(WorkerWiring wiring) {
        this(wiring.processor(), wiring.metrics());
    }

    /** With its collaborators. */
    public DeferredWorkerHandler(JobProcessor processor, WorkerMetrics metrics) {
        this.processor = processor;
        this.metrics = metrics;
        this.priming = null;
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        if (context != null) {
            return PowertoolsLogging.withLogging(context, () -> handle(event, Optional.of(context)));
        }
        return handle(event, Optional.empty());
    }

    private SQSBatchResponse handle(SQSEvent event, Optional<Context> context) {
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        try {
            List<SQSEvent.SQSMessage> records = event.getRecords() == null ? List.of() : event.getRecords();
            for (SQSEvent.SQSMessage message : records) {
                // Asked per message: the jobs of a batch share the invocation's time.
                Optional<Duration> remaining =
                        context.map(c -> Duration.ofMillis(Math.max(0, c.getRemainingTimeInMillis())));
                if (!processOne(message, remaining)) {
                    failures.add(SQSBatchResponse.BatchItemFailure.builder()
                            .withItemIdentifier(message.getMessageId())
                            .build());
                }
            }
        } finally {
            metrics.flush();
        }
        return SQSBatchResponse.builder().withBatchItemFailures(failures).build();
    }

    /** Whether the message is finished with (false: report it as a batch item failure). */
    private boolean processOne(SQSEvent.SQSMessage message, Optional<Duration> remainingTime) {
        DeferredJob job;
        try {
            job = DeferredJobCodec.read(message.getBody() == null ? "" : message.getBody());
        } catch (MalformedJobException e) {
            LOG.error("Dropping SQS message {}: {}", message.getMessageId(), e.getMessage());
            return true;
        }
        try {
            return processor.process(job, receiveCount(message), remainingTime) == JobProcessor.Result.DONE;
        } catch (RuntimeException e) {
            LOG.error("Unexpected failure processing {}; it will be retried", job, e);
            return false;
        }
    }

    private static int receiveCount(SQSEvent.SQSMessage message) {
        Map<String, String> attributes = message.getAttributes();
        if (attributes == null) {
            return 1;
        }
        try {
            return Integer.parseInt(attributes.getOrDefault("ApproximateReceiveCount", "1"));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    /** Keeps the priming resource strongly reachable for as long as the handler lives. */
    Object primingResource() {
        return priming;
    }
}
