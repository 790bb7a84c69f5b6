package dev.roastden.worker.roast;

import java.time.Instant;
import java.util.Optional;

/**
 * What a persona pick of "Roast this message" / "Roast them" needs, kept between the command and the pick: a
 * custom_id can hold none of it (and is user input). One item per picker, keyed by the interaction that opened it,
 * gone after {@link #TTL_MINUTES} minutes (the interaction token's life).
 */
public interface PickStore {
    /** How long a picker works. */
    long TTL_MINUTES = 15;

    /**
     * A pending pick.
     *
     * @param pickId the snowflake of the interaction that opened the picker
     * @param scope the memory scope it was opened in (the server, or a DM scope)
     * @param askerId who opened it: only they may pick
     * @param targetId whom it roasts (the message's author, or the member)
     * @param targetName their display name
     * @param content the message's text (data, never instructions), empty for "Roast them"
     * @param expiresAt when it stops working
     * @param usedBy the pick interaction that used it, once one has
     */
    record Pick(
            String pickId,
            String scope,
            String askerId,
            String targetId,
            String targetName,
            String content,
            Instant expiresAt,
            Optional<String> usedBy) {}

    void save(Pick pick);

    /** The pick, unless it never existed or has expired (TTL deletion is lazy, so expiry is checked here too). */
    Optional<Pick> find(String pickId, Instant now);

    /**
     * Marks the pick used by {@code interactionId}, conditionally: true when it was unused or already used by that
     * same interaction (a retry of it), false when another pick interaction used it first.
     */
    boolean use(String pickId, String interactionId);
}
