package dev.roastden.gateway.logging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.roastden.core.json.Json;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

class JsonLinesTest {
    private final JsonLogFormatter formatter = new JsonLogFormatter("roastden-gateway");

    @Test
    void aRecordIsOneJsonLine() throws Exception {
        LogRecord record = new LogRecord(Level.WARNING, "Lost the connection: {0}");
        record.setParameters(new Object[] {"1006"});
        record.setLoggerName("dev.roastden.gateway.Test");
        record.setInstant(Instant.parse("2026-11-20T18:00:00Z"));

        String line = formatter.format(record);

        assertThat(line).doesNotContain("\n");
        JsonNode node = Json.mapper().readTree(line);
        assertThat(node.path("timestamp").asText()).isEqualTo("2026-11-20T18:00:00Z");
        assertThat(node.path("level").asText()).isEqualTo("WARN");
        assertThat(node.path("logger").asText()).isEqualTo("dev.roastden.gateway.Test");
        assertThat(node.path("message").asText()).isEqualTo("Lost the connection: 1006");
        assertThat(node.path("service").asText()).isEqualTo("roastden-gateway");
        assertThat(node.has("exception")).isFalse();
    }

    @Test
    void anExceptionTravelsInsideTheSameLine() throws Exception {
        LogRecord record = new LogRecord(Level.SEVERE, "Could not queue");
        record.setThrown(new IllegalStateException("queue down"));

        String line = formatter.format(record);

        assertThat(line).doesNotContain("\n");
        JsonNode node = Json.mapper().readTree(line);
        assertThat(node.path("level").asText()).isEqualTo("ERROR");
        assertThat(node.path("exception").asText()).isEqualTo("java.lang.IllegalStateException");
        assertThat(node.path("stack_trace").asText()).contains("queue down");
    }

    @Test
    void levelsUseSlf4jNames() {
        assertThat(JsonLogFormatter.level(Level.FINE)).isEqualTo("DEBUG");
        assertThat(JsonLogFormatter.level(Level.FINEST)).isEqualTo("TRACE");
        assertThat(JsonLines.parse("warn")).isEqualTo(Level.WARNING);
        assertThat(JsonLines.parse("debug")).isEqualTo(Level.FINE);
        assertThat(JsonLines.parse("nonsense")).isEqualTo(Level.INFO);
    }
}
