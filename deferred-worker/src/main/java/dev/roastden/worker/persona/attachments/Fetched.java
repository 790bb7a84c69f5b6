package dev.roastden.worker.persona.attachments;

/** How fetching an attachment ended: its bytes, or a refusal that says what was wrong in plain words. */
public sealed interface Fetched {

    /** The file's bytes (at most {@link AttachmentFetcher#MAX_BYTES}), a PNG or a JSON text by their first bytes. */
    record File(byte[] bytes) implements Fetched {}

    /**
     * Not fetched; {@code reason} completes "I couldn't use that file: …".
     *
     * @param retryable whether trying again later may work (a timeout, a 5xx), as opposed to a refusal that stays
     */
    record Refused(String reason, boolean retryable) implements Fetched {}
}
