package dev.roastden.gateway.logging;

import java.io.PrintStream;
import java.util.Locale;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Routes every log (SLF4J arrives through java.util.logging) to standard output as JSON lines, one
 * {@code println} per record so records never interleave with the metric lines written to the same stream.
 */
public final class JsonLines extends Handler {
    private final PrintStream out;

    private JsonLines(PrintStream out, String service) {
        this.out = out;
        setFormatter(new JsonLogFormatter(service));
    }

    /**
     * Replaces java.util.logging's configuration: the root logger writes JSON lines to {@code out} from
     * {@code level} up.
     *
     * @param level a java.util.logging or SLF4J level name ({@code INFO}, {@code WARN}, {@code DEBUG}, …)
     */
    public static void install(PrintStream out, String service, String level) {
        LogManager manager = LogManager.getLogManager();
        if (manager instanceof GatewayLogManager) {
            ((GatewayLogManager) manager).resetNow();
        } else {
            manager.reset();
        }
        Logger root = Logger.getLogger("");
        Level parsed = parse(level);
        root.setLevel(parsed);
        JsonLines handler = new JsonLines(out, service);
        handler.setLevel(parsed);
        root.addHandler(handler);
    }

    static Level parse(String level) {
        String name = level == null ? "" : level.trim().toUpperCase(Locale.ROOT);
        switch (name) {
            case "ERROR":
                return Level.SEVERE;
            case "WARN":
                return Level.WARNING;
            case "DEBUG":
                return Level.FINE;
            case "TRACE":
                return Level.FINEST;
            default:
                try {
                    return Level.parse(name);
                } catch (IllegalArgumentException unknown) {
                    return Level.INFO;
                }
        }
    }

    @Override
    public void publish(LogRecord record) {
        if (isLoggable(record)) {
            out.println(getFormatter().format(record));
        }
    }

    @Override
    public void flush() {
        out.flush();
    }

    @Override
    public void close() {
        flush();
    }
}
