package dev.roastden.core.memory;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Where the worker keeps state: interaction claims (exactly-once), rate-limit windows, short-term turns
 * and long-term facts. The DynamoDB implementation lives in the worker; every method may throw an unchecked
 * exception when the store is unavailable, which the caller treats as retryable.
 */
public interface MemoryStore {

    /**
     * Claims an interaction before any side effect. Succeeds when nobody claimed it yet, or an earlier attempt
     * released it or let its lease run out without finishing.
     *
     * @param attemptId unique to this attempt
     */
    ClaimOutcome claim(String interactionId, String attemptId, Instant now, Duration lease);

    /** Saves the reply this attempt produced, so a later attempt delivers it instead of producing another. */
    void saveReply(String interactionId, String attemptId, String replyJson);

    /** Marks the interaction finished: every later claim answers {@link ClaimOutcome.AlreadyDone}. */
    void finish(String interactionId, String attemptId, Instant now);

    /** Ends this attempt's lease early so a retry can take over at once; keeps the saved reply. */
    void release(String interactionId, String attemptId);

    /**
     * Counts one request of {@code interactionId} against {@code limit} for {@code id}; counting the same
     * interaction twice counts it once.
     *
     * @return whether the request is within the limit
     */
    boolean tryCount(RateLimit limit, String id, String interactionId, Instant now);

    /** Stores a turn; storing the same turn id again replaces it. */
    void saveTurn(Turn turn);

    /** The latest live turns for the persona in the server, oldest first. */
    List<Turn> recentTurns(String guildId, String personaId, int limit, Instant now);

    /** Stores a fact; storing the same fact id again replaces it. */
    void saveFact(Fact fact);

    /** The persona's facts in the server, newest first. */
    List<Fact> facts(String guildId, String personaId, int limit);

    /** The fact with this id among the given personas' facts in the server. */
    Optional<Fact> findFact(String guildId, Collection<String> personaIds, String factId);

    /** Deletes one fact; answers whether it existed. */
    boolean deleteFact(Fact fact);

    /** Deletes every turn and fact of the persona in the server. */
    ForgetCounts forgetPersona(String guildId, String personaId);

    /**
     * Deletes every turn and fact in the server that involves the user: those indexed under them and those of the
     * given personas that mention them.
     */
    ForgetCounts forgetUser(String guildId, String userId, Collection<String> personaIds);
}
