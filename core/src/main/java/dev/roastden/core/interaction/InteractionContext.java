package dev.roastden.core.interaction;

import java.util.Map;
import java.util.Optional;

/**
 * What every non-PING interaction carries: who, where, and the token that lets the app answer for 15 minutes.
 *
 * @param id the interaction's snowflake
 * @param applicationId the application's snowflake
 * @param token the interaction token (a credential for 15 minutes: never log it)
 * @param guildId the server; absent in direct messages and where only a user install authorised the interaction
 * @param channelId the channel, absent only in unusual contexts
 * @param invoker the member or user who caused the interaction
 * @param locale the invoker's client locale, {@code en-US} when Discord sent none
 * @param resolvedUsers users referenced by options, keyed by id
 * @param resolvedAttachments files attached to options, keyed by id
 * @param messageId the message a component sits on, for component interactions
 */
public record InteractionContext(
        String id,
        String applicationId,
        String token,
        Optional<String> guildId,
        Optional<String> channelId,
        DiscordUser invoker,
        String locale,
        Map<String, DiscordUser> resolvedUsers,
        Map<String, Attachment> resolvedAttachments,
        Optional<String> messageId) {
    public InteractionContext {
        resolvedUsers = Map.copyOf(resolvedUsers);
        resolvedAttachments = Map.copyOf(resolvedAttachments);
    }

    /** A context without attachments or a component message. */
    public InteractionContext(
            String id,
            String applicationId,
            String token,
            Optional<String> guildId,
            Optional<String> channelId,
            DiscordUser invoker,
            String locale,
            Map<String, DiscordUser> resolvedUsers) {
        this(id, applicationId, token, guildId, channelId, invoker, locale, resolvedUsers, Map.of(), Optional.empty());
    }

    @Override
    public String toString() {
        // The token is a credential: keep it out of logs and exception messages.
        return "InteractionContext[id=" + id + ", applicationId=" + applicationId + ", guildId=" + guildId
                + ", channelId=" + channelId + ", invoker=" + invoker + ", locale=" + locale + "]";
    }
}
