package dev.roastden.core.job;

/** A queue message that is not a readable {@link DeferredJob} of a supported version. */
public final class MalformedJobException extends Exception {
    private static final long serialVersionUID = 1L;

    public MalformedJobException(String message) {
        super(message);
    }
}
