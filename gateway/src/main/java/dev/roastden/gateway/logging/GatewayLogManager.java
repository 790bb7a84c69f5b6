package dev.roastden.gateway.logging;

import java.util.logging.LogManager;

/**
 * java.util.logging's manager without its reset at JVM exit: the stock manager closes every handler from its own
 * shutdown hook, which runs alongside the gateway's and would swallow the log lines of a graceful shutdown. Selected
 * with the system property {@code java.util.logging.manager} before anything logs (see {@code GatewayMain.main}).
 */
public final class GatewayLogManager extends LogManager {
    public GatewayLogManager() {
        super();
    }

    /** Ignored: handlers stay open until the process ends. {@link JsonLines#install} resets explicitly. */
    @Override
    public void reset() {}

    void resetNow() {
        super.reset();
    }
}
