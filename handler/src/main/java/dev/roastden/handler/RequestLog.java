package dev.roastden.handler;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.roastden.core.interaction.Interaction;
import dev.roastden.core.json.StreamingJson;
import java.io.IOException;
import java.io.PrintStream;
import java.util.Optional;

/**
 * One JSON line per request on standard output (CloudWatch Logs on Lambda). Never logs tokens, bodies or
 * signatures.
 */
public final class RequestLog {
    private final PrintStream out;

    public RequestLog(PrintStream out) {
        this.out = out;
    }

    /** A log that writes nothing, for priming and benchmarks. */
    public static RequestLog silent() {
        return new RequestLog(new PrintStream(java.io.OutputStream.nullOutputStream()));
    }

    void rejected(int status, String reason, long startedNanos) {
        write("WARN", "request rejected", startedNanos, json -> {
            json.writeNumberField("status", status);
            json.writeStringField("reason", reason);
        });
    }

    void answered(Interaction interaction, String outcome, Optional<String> detail, long startedNanos) {
        write(detail.isPresent() ? "WARN" : "INFO", "interaction answered", startedNanos, json -> {
            describe(json, interaction);
            json.writeStringField("outcome", outcome);
            StreamingJson.optionalField(json, "detail", detail);
        });
    }

    void failed(Interaction interaction, RuntimeException error, long startedNanos) {
        write("ERROR", "interaction failed", startedNanos, json -> {
            describe(json, interaction);
            json.writeStringField("error", error.getClass().getName());
            json.writeStringField("error_message", String.valueOf(error.getMessage()));
        });
    }

    /** A start-up or configuration event. */
    public void event(String level, String message) {
        write(level, message, System.nanoTime(), json -> {});
    }

    private static void describe(JsonGenerator json, Interaction interaction) throws IOException {
        json.writeStringField("interaction_id", interaction.id());
        json.writeStringField("interaction_type", interaction.getClass().getSimpleName());
        if (interaction instanceof Interaction.ApplicationCommand command) {
            json.writeStringField("command", command.commandName());
            StreamingJson.optionalField(json, "guild_id", command.context().guildId());
        } else if (interaction instanceof Interaction.Autocomplete autocomplete) {
            json.writeStringField("command", autocomplete.commandName());
        }
    }

    private void write(String level, String message, long startedNanos, StreamingJson.Writing fields) {
        double durationMs = (System.nanoTime() - startedNanos) / 1_000_000.0;
        out.println(StreamingJson.write(json -> {
            json.writeStartObject();
            json.writeStringField("level", level);
            json.writeStringField("service", "roastden-handler");
            json.writeStringField("message", message);
            json.writeNumberField("duration_ms", durationMs);
            fields.write(json);
            json.writeEndObject();
        }));
    }
}
