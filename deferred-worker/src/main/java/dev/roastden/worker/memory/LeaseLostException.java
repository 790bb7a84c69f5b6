package dev.roastden.worker.memory;

/** Another attempt took over the interaction: this one must stop without side effects. */
public final class LeaseLostException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public LeaseLostException(String interactionId) {
        super("Lost the claim on interaction " + interactionId);
    }
}
