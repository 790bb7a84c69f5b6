package dev.roastden.worker.alerts;

import java.time.Instant;

/** Lets one alert per cause and server through per window, however many workers see the failure at once. */
public interface AlertWindow {
    /** True for the first caller since the cause's window last opened; false while the window is shut. */
    boolean open(String scope, String cause, Instant now);
}
