package dev.roastden.handler;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.roastden.core.interaction.Interaction;
import dev.roastden.core.json.Json;
import java.io.PrintStream;
import java.io.UncheckedIOException;

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
        ObjectNode line = line("WARN", "request rejected", startedNanos);
        line.put("status", status);
        line.put("reason", reason);
        write(line);
    }

    void answered(Interaction interaction, String outcome, long startedNanos) {
        ObjectNode line = line("INFO", "interaction answered", startedNanos);
        describe(line, interaction);
        line.put("outcome", outcome);
        write(line);
    }

    void failed(Interaction interaction, RuntimeException error, long startedNanos) {
        ObjectNode line = line("ERROR", "interaction failed", startedNanos);
        describe(line, interaction);
        line.put("error", error.getClass().getName());
        line.put("error_message", String.valueOf(error.getMessage()));
        write(line);
    }

    /** A start-up or configuration event. */
    public void event(String level, String message) {
        write(line(level, message, System.nanoTime()));
    }

    private static ObjectNode line(String level, String message, long startedNanos) {
        ObjectNode line = Json.mapper().createObjectNode();
        line.put("level", level);
        line.put("service", "roastden-handler");
        line.put("message", message);
        line.put("duration_ms", (System.nanoTime() - startedNanos) / 1_000_000.0);
        return line;
    }

    private static void describe(ObjectNode line, Interaction interaction) {
        line.put("interaction_id", interaction.id());
        line.put("interaction_type", interaction.getClass().getSimpleName());
        if (interaction instanceof Interaction.ApplicationCommand command) {
            line.put("command", command.commandName());
            command.context().guildId().ifPresent(g -> line.put("guild_id", g));
        } else if (interaction instanceof Interaction.Autocomplete autocomplete) {
            line.put("command", autocomplete.commandName());
        }
    }

    private void write(ObjectNode line) {
        // Not line.toString(): JsonNode.toString() builds a second, private ObjectMapper (Jackson's
        // InternalNodeMapper) and looks its serialisers up again, which the first request would pay for.
        String json;
        try {
            json = Json.mapper().writeValueAsString(line);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        out.println(json);
    }
}
