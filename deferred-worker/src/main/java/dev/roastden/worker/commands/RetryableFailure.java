package dev.roastden.worker.commands;

/** Producing the reply failed in a way a later attempt may get past (throttling, an outage). */
public final class RetryableFailure extends Exception {
    private static final long serialVersionUID = 1L;

    public RetryableFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
