package dev.roastden.handler;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.roastden.core.interaction.InteractionParser;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import org.junit.jupiter.api.Test;

/** One JSON line per request, fields in a fixed order; the duration is the only part that varies. */
class RequestLogTest {
    private static final String DURATION = "\"duration_ms\":[0-9]+\\.[0-9]+(E-?[0-9]+)?";

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final RequestLog log = new RequestLog(new PrintStream(out, true, UTF_8));

    @Test
    void answeredCommand() throws Exception {
        var roast = new InteractionParser()
                .parse(SampleEventsTest.resource("interactions/roast.json").getBytes(UTF_8));
        log.answered(roast, "deferred", java.util.Optional.empty(), System.nanoTime());
        assertThat(out.toString(UTF_8))
                .matches("\\{\"level\":\"INFO\",\"service\":\"roastden-handler\",\"message\":\"interaction answered\","
                        + DURATION + ",\"interaction_id\":\"1310000000000000001\","
                        + "\"interaction_type\":\"ApplicationCommand\",\"command\":\"roast\","
                        + "\"guild_id\":\"1200000000000000001\",\"outcome\":\"deferred\"}\\R")
                .doesNotContain("test-only-token-roast");
    }

    @Test
    void anAnswerGivenWithoutItsReadIsAWarningThatSaysWhy() throws Exception {
        var typing = new InteractionParser()
                .parse(SampleEventsTest.resource("interactions/autocomplete-persona.json")
                        .getBytes(UTF_8));
        log.answered(
                typing,
                "autocomplete-bundled",
                java.util.Optional.of("GetItem ROSTER failed: ApiCallTimeoutException"),
                System.nanoTime());
        assertThat(out.toString(UTF_8))
                .matches("\\{\"level\":\"WARN\",\"service\":\"roastden-handler\",\"message\":\"interaction answered\","
                        + DURATION + ",\"interaction_id\":\"1310000000000000007\","
                        + "\"interaction_type\":\"Autocomplete\",\"command\":\"roast\","
                        + "\"outcome\":\"autocomplete-bundled\","
                        + "\"detail\":\"GetItem ROSTER failed: ApiCallTimeoutException\"}\\R");
    }

    @Test
    void rejectedAndFailed() throws Exception {
        log.rejected(400, "The body is not \"valid\" JSON", System.nanoTime());
        var ping = new InteractionParser()
                .parse(SampleEventsTest.resource("interactions/ping.json").getBytes(UTF_8));
        log.failed(ping, new IllegalStateException("broken é"), System.nanoTime());
        String[] lines = out.toString(UTF_8).split("\\R");
        assertThat(lines[0])
                .matches("\\{\"level\":\"WARN\",\"service\":\"roastden-handler\",\"message\":\"request rejected\","
                        + DURATION + ",\"status\":400,\"reason\":\"The body is not \\\\\"valid\\\\\" JSON\"}");
        assertThat(lines[1])
                .matches("\\{\"level\":\"ERROR\",\"service\":\"roastden-handler\",\"message\":\"interaction failed\","
                        + DURATION + ",\"interaction_id\":\"[0-9]+\",\"interaction_type\":\"Ping\","
                        + "\"error\":\"java.lang.IllegalStateException\",\"error_message\":\"broken é\"}");
    }

    @Test
    void event() {
        log.event("INFO", "cold start");
        assertThat(out.toString(UTF_8))
                .matches("\\{\"level\":\"INFO\",\"service\":\"roastden-handler\",\"message\":\"cold start\"," + DURATION
                        + "}\\R");
    }
}
