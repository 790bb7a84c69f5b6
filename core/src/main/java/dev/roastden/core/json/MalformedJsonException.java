package dev.roastden.core.json;

/** The text is not one JSON value: a syntax error, nothing at all, or something after the value. */
public final class MalformedJsonException extends Exception {
    private static final long serialVersionUID = 1L;

    public MalformedJsonException(String message) {
        super(message);
    }

    public MalformedJsonException(String message, Throwable cause) {
        super(message, cause);
    }
}
