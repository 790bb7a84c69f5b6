package dev.roastden.core.memory;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * A long-term fact a persona was told with {@code /remember}. Facts do not expire.
 *
 * @param guildId the server
 * @param personaId the persona that remembers it
 * @param id a ULID; shown to the user so they can {@code /forget memory} it
 * @param text the fact
 * @param authorId who told it
 * @param subjectId whom it is about: the first user it mentions, else its author
 * @param userIds every user it involves (author, the member it is about, mentioned users, and members it names
 *     by display name or nickname when it is stored)
 * @param names the display names of linked users as they were when it was stored, by user id: {@code /forget me}
 *     also finds a fact by the name its member had then
 * @param createdAt when it was told
 * @param source where it came from, if anywhere (the link of the message "Remember this" kept)
 */
public record Fact(
        String guildId,
        String personaId,
        String id,
        String text,
        String authorId,
        String subjectId,
        Set<String> userIds,
        java.util.Map<String, String> names,
        Instant createdAt,
        Optional<String> source) {
    public Fact {
        userIds = Set.copyOf(userIds);
        names = java.util.Map.copyOf(names);
        java.util.Objects.requireNonNull(source, "source");
    }

    /** A fact told directly, with no stored names and no source. */
    public Fact(
            String guildId,
            String personaId,
            String id,
            String text,
            String authorId,
            String subjectId,
            Set<String> userIds,
            Instant createdAt) {
        this(
                guildId,
                personaId,
                id,
                text,
                authorId,
                subjectId,
                userIds,
                java.util.Map.of(),
                createdAt,
                Optional.empty());
    }

    /** A fact told directly ({@code /remember}), with the names of its linked users and no source. */
    public Fact(
            String guildId,
            String personaId,
            String id,
            String text,
            String authorId,
            String subjectId,
            Set<String> userIds,
            java.util.Map<String, String> names,
            Instant createdAt) {
        this(guildId, personaId, id, text, authorId, subjectId, userIds, names, createdAt, Optional.empty());
    }

    /** A fact kept from a message ("Remember this"), without stored names. */
    public Fact(
            String guildId,
            String personaId,
            String id,
            String text,
            String authorId,
            String subjectId,
            Set<String> userIds,
            Instant createdAt,
            Optional<String> source) {
        this(guildId, personaId, id, text, authorId, subjectId, userIds, java.util.Map.of(), createdAt, source);
    }

    /** Whether the fact involves this user. */
    public boolean involves(String userId) {
        return userIds.contains(userId) || subjectId.equals(userId) || authorId.equals(userId);
    }

    /** The ULID without any decoration. */
    public static Optional<String> normaliseId(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        String trimmed = typed.trim().toUpperCase(java.util.Locale.ROOT);
        return Ulid.isValid(trimmed) ? Optional.of(trimmed) : Optional.empty();
    }
}
