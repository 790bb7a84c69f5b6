package dev.roastden.gateway.logging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.roastden.core.json.Json;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.logging.Formatter;
import java.util.logging.Level;
import java.util.logging.LogRecord;

/**
 * One log record as one JSON object on one line, for CloudWatch Logs Insights: {@code timestamp}, {@code level}
 * (SLF4J's names), {@code logger}, {@code thread}, {@code message}, {@code service} and, when there is one, the
 * exception with its stack trace.
 */
public final class JsonLogFormatter extends Formatter {
    private final String service;

    public JsonLogFormatter(String service) {
        this.service = service;
    }

    @Override
    public String format(LogRecord record) {
        ObjectNode node = Json.mapper().createObjectNode();
        node.put("timestamp", Instant.ofEpochMilli(record.getMillis()).toString());
        node.put("level", level(record.getLevel()));
        node.put("logger", record.getLoggerName());
        node.put("thread", Thread.currentThread().getName());
        node.put("message", formatMessage(record));
        node.put("service", service);
        Throwable thrown = record.getThrown();
        if (thrown != null) {
            node.put("exception", thrown.getClass().getName());
            node.put("exception_message", String.valueOf(thrown.getMessage()));
            StringWriter trace = new StringWriter();
            thrown.printStackTrace(new PrintWriter(trace));
            node.put("stack_trace", trace.toString());
        }
        try {
            return Json.mapper().writeValueAsString(node);
        } catch (JsonProcessingException e) {
            return "{\"level\":\"ERROR\",\"message\":\"A log record could not be written as JSON\"}";
        }
    }

    /** SLF4J's level names for java.util.logging's levels, as slf4j-jdk14 maps them. */
    static String level(Level level) {
        int value = level.intValue();
        if (value >= Level.SEVERE.intValue()) {
            return "ERROR";
        }
        if (value >= Level.WARNING.intValue()) {
            return "WARN";
        }
        if (value >= Level.INFO.intValue()) {
            return "INFO";
        }
        if (value >= Level.FINE.intValue()) {
            return "DEBUG";
        }
        return "TRACE";
    }
}
