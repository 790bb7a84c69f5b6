package dev.roastden.worker.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.Appender;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;
import org.apache.logging.log4j.core.impl.Log4jLogEvent;
import org.apache.logging.log4j.message.SimpleMessage;
import org.junit.jupiter.api.Test;

/** The worker's log configuration and metrics keep the logs quiet and useful. */
class QuietLogsTest {
    @Test
    void everyLineNamesTheServiceEvenOffLambda() {
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        Appender json = context.getConfiguration().getAppender("JsonAppender");
        for (String logger : List.of("dev.roastden.worker.JobProcessor", "software.amazon.awssdk.request")) {
            LogEvent event = Log4jLogEvent.newBuilder()
                    .setLoggerName(logger)
                    .setLevel(Level.WARN)
                    .setMessage(new SimpleMessage("hello"))
                    .build();
            String line = json.getLayout().toSerializable(event).toString();
            assertThat(line).contains("\"service\":\"roastden-worker\"").doesNotContain("\"service\":null");
        }
    }

    @Test
    void dynamoDbLocalsAnswersToClientsAreNotWarnings() {
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        var handler = context.getLogger("software.amazon.dynamodb.services.local.server.LocalDynamoDBServerHandler");
        assertThat(handler.isEnabled(Level.WARN)).isFalse();
        assertThat(handler.isEnabled(Level.ERROR)).isTrue();
        assertThat(context.getLogger("dev.roastden.worker.JobProcessor").isEnabled(Level.INFO))
                .isTrue();
    }

    @Test
    void anInvocationWithoutMetricsFlushesWithoutAWarning() {
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        Configuration config = context.getConfiguration();
        List<LogEvent> warnings = new CopyOnWriteArrayList<>();
        Appender capture = new AbstractAppender("capture", null, null, true, Property.EMPTY_ARRAY) {
            @Override
            public void append(LogEvent event) {
                if (event.getLevel().isMoreSpecificThan(Level.WARN)) {
                    warnings.add(event.toImmutable());
                }
            }
        };
        capture.start();
        LoggerConfig root = config.getRootLogger();
        root.addAppender(capture, Level.ALL, null);
        context.updateLoggers();
        try {
            PowertoolsWorkerMetrics metrics = new PowertoolsWorkerMetrics("test-model");
            metrics.flush();
            assertThat(warnings).isEmpty();
            // A real invocation still flushes what it recorded.
            metrics.modelCall(Duration.ofMillis(5), 1, 1);
            metrics.flush();
            metrics.flush();
            assertThat(warnings).isEmpty();
        } finally {
            root.removeAppender("capture");
            context.updateLoggers();
        }
    }

    @Test
    void aModelNamedWithSpacesIsStillAValidDimensionAndNeverBreaksTheCall() {
        assertThat(PowertoolsWorkerMetrics.dimensionValue("offline persona generator"))
                .isEqualTo("offline-persona-generator");
        assertThat(PowertoolsWorkerMetrics.dimensionValue("anthropic.claude-3-5-haiku-20241022-v1:0"))
                .isEqualTo("anthropic.claude-3-5-haiku-20241022-v1:0");
        PowertoolsWorkerMetrics metrics = new PowertoolsWorkerMetrics("OpenAI-compatible endpoint http://x (llama 3)");
        org.assertj.core.api.Assertions.assertThatCode(() -> metrics.modelCall(Duration.ofMillis(3), 1, 2))
                .doesNotThrowAnyException();
        metrics.flush();
    }
}
