package dev.roastden.core.memory;

import java.time.Instant;
import java.util.Optional;

/** The answer to an attempt to claim an interaction for processing. */
public sealed interface ClaimOutcome permits ClaimOutcome.Acquired, ClaimOutcome.AlreadyDone, ClaimOutcome.Busy {

    /**
     * This attempt owns the interaction until its lease ends.
     *
     * @param savedReply the reply an earlier attempt already produced and saved, to deliver without producing it
     *     again
     * @param attempts how many attempts have claimed it, this one included
     */
    record Acquired(Optional<String> savedReply, int attempts) implements ClaimOutcome {}

    /** The interaction was finished by an earlier attempt: do nothing. */
    record AlreadyDone() implements ClaimOutcome {}

    /** Another attempt holds a live lease: try again after it ends. */
    record Busy(Instant leaseUntil) implements ClaimOutcome {}
}
