package dev.roastden.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.roastden.emulators.dynamodb.LocalDynamoDb;
import dev.roastden.emulators.http.FaultInjectingProxy;
import dev.roastden.emulators.http.FaultInjectingProxy.ProxyFault;
import dev.roastden.emulators.sqs.LocalSqs;
import dev.roastden.handler.HandlerConfig;
import dev.roastden.handler.HandlerWiring;
import dev.roastden.worker.memory.MemoryTable;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Start-up's queue and table creation outlast a struggling machine: their clients retry where the handler's,
 * cut for Discord's 3-second clock, give up. A proxy fails the first calls as an overloaded server would.
 */
class LocalSetupTest {
    private static final int FAILURES = 4;

    @Test
    void theQueueIsCreatedThroughFailuresTheHandlersClientGivesUpOn() {
        try (LocalSqs sqs = LocalSqs.start();
                FaultInjectingProxy proxy = FaultInjectingProxy.start(sqs.endpoint())) {
            AtomicInteger calls = new AtomicInteger();
            proxy.setFaultInjector(request -> calls.incrementAndGet() <= FAILURES
                    ? Optional.of(new ProxyFault(
                            500,
                            "application/x-amz-json-1.0",
                            "{\"__type\":\"InternalError\",\"message\":\"busy\"}",
                            Map.of(),
                            false))
                    : Optional.empty());
            try (SqsClient handlers = HandlerWiring.sqsClient(
                    new HandlerConfig("00".repeat(32), "unused", "us-east-1", Optional.of(proxy.endpoint())))) {
                assertThatThrownBy(() -> handlers.createQueue(b -> b.queueName("setup")))
                        .isInstanceOf(RuntimeException.class);
            }
            calls.set(0);
            try (SqsClient setup = SetupClients.sqs(proxy.endpoint())) {
                assertThat(setup.createQueue(b -> b.queueName("setup")).queueUrl())
                        .endsWith("/setup");
            }
            assertThat(calls.get()).isGreaterThan(FAILURES);
        }
    }

    @Test
    void theTableIsCreatedThroughFailures() {
        try (LocalDynamoDb dynamo = LocalDynamoDb.start();
                FaultInjectingProxy proxy = FaultInjectingProxy.start(dynamo.endpoint())) {
            AtomicInteger calls = new AtomicInteger();
            proxy.setFaultInjector(request -> calls.incrementAndGet() <= FAILURES
                    ? Optional.of(ProxyFault.dynamoDbInternalError(false))
                    : Optional.empty());
            try (DynamoDbClient setup = SetupClients.dynamo(proxy.endpoint())) {
                MemoryTable.createIfMissing(setup, "setup");
                assertThat(setup.describeTable(b -> b.tableName("setup"))
                                .table()
                                .tableName())
                        .isEqualTo("setup");
            }
            assertThat(proxy.failed()).isEqualTo(FAILURES);
        }
    }
}
