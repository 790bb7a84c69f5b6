package dev.roastden.core.model;

/** The model gave no usable reply. */
public final class ModelException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Why, as far as retrying is concerned. */
    public enum Kind {
        /** Too many requests or tokens: back off and try again. */
        THROTTLED,
        /** A server-side or network failure that may pass. */
        TRANSIENT,
        /** The request itself is wrong or not allowed: trying again gives the same answer. */
        PERMANENT
    }

    private final Kind kind;

    public ModelException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public ModelException(Kind kind, String message) {
        this(kind, message, null);
    }

    public Kind kind() {
        return kind;
    }

    /** Whether another attempt may succeed. */
    public boolean retryable() {
        return kind != Kind.PERMANENT;
    }
}
