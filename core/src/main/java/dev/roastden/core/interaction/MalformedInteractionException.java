package dev.roastden.core.interaction;

/** The request body is not an interaction this endpoint can read. The message is safe to return to the client. */
public final class MalformedInteractionException extends Exception {
    private static final long serialVersionUID = 1L;

    public MalformedInteractionException(String message) {
        super(message);
    }

    public MalformedInteractionException(String message, Throwable cause) {
        super(message, cause);
    }
}
