package dev.roastden.infra.monitoring;

import java.util.Objects;
import java.util.Optional;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.sqs.IQueue;

/**
 * What is watched and who is told.
 *
 * @param handler the interactions handler function
 * @param worker the deferred worker function
 * @param workQueue the work queue
 * @param deadLetterQueue the work queue's dead-letter queue
 * @param gatewayDeployed whether the gateway task runs, so its heartbeat is charted and alarmed
 * @param alarmEmail an address subscribed to the alarm topic, if any
 * @param dashboard whether to create the CloudWatch dashboard ($3 a month)
 */
public record MonitoringProps(
        IFunction handler,
        IFunction worker,
        IQueue workQueue,
        IQueue deadLetterQueue,
        boolean gatewayDeployed,
        Optional<String> alarmEmail,
        boolean dashboard) {

    public MonitoringProps {
        Objects.requireNonNull(handler, "handler");
        Objects.requireNonNull(worker, "worker");
        Objects.requireNonNull(workQueue, "workQueue");
        Objects.requireNonNull(deadLetterQueue, "deadLetterQueue");
        Objects.requireNonNull(alarmEmail, "alarmEmail");
        alarmEmail.ifPresent(email -> {
            if (!email.matches("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$")) {
                throw new IllegalArgumentException("alarmEmail is not an e-mail address: " + email);
            }
        });
    }
}
