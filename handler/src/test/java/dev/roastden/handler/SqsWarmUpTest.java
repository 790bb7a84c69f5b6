package dev.roastden.handler;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SqsWarmUpTest {
    @Test
    void theWarmUpSendIsAnsweredInProcessAndNeverTouchesTheNetwork() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        // Any connection attempt to this endpoint would be refused, and the failed send logged.
        URI nowhere = URI.create("http://127.0.0.1:" + closedPort);
        HandlerConfig config =
                new HandlerConfig("00".repeat(32), nowhere + "/000000000000/work", "us-east-1", Optional.of(nowhere));
        ByteArrayOutputStream logged = new ByteArrayOutputStream();

        assertThatCode(() -> SqsWarmUp.sendOnce(config, new RequestLog(new PrintStream(logged, true, UTF_8))))
                .doesNotThrowAnyException();
        assertThat(logged.toString(UTF_8))
                .as("a failed warm-up is logged, not thrown")
                .isEmpty();
    }
}
