package dev.roastden.core.memory;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * One exchange with a persona, kept for a while as short-term memory.
 *
 * @param guildId the server
 * @param personaId the persona that answered
 * @param id a ULID, time-ordered; derived from the interaction so a retried job writes the same item
 * @param command the command that caused it ({@code roast}, {@code ask}, {@code mention})
 * @param invokerId who asked
 * @param invokerName their display name at the time
 * @param subjectId whom the exchange is about (the roast target; the asker for questions)
 * @param subjectName the subject's display name at the time
 * @param userIds every user the item mentions or involves; {@code /forget me} deletes the item for any of them
 * @param userText what the user typed (topic or question), possibly empty
 * @param reply what the persona said
 * @param createdAt when it happened
 * @param expiresAt when it stops counting (and DynamoDB's TTL deletes it, eventually)
 */
public record Turn(
        String guildId,
        String personaId,
        String id,
        String command,
        String invokerId,
        String invokerName,
        String subjectId,
        String subjectName,
        Set<String> userIds,
        String userText,
        String reply,
        Instant createdAt,
        Instant expiresAt) {
    public Turn {
        userIds = Set.copyOf(userIds);
    }

    /** Whether the turn still counts at {@code now}. */
    public boolean liveAt(Instant now) {
        return expiresAt.isAfter(now);
    }

    public Optional<String> userTextIfAny() {
        return userText.isBlank() ? Optional.empty() : Optional.of(userText);
    }
}
