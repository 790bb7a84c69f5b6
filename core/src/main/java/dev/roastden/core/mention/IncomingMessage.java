package dev.roastden.core.mention;

import dev.roastden.core.interaction.DiscordUser;
import dev.roastden.core.job.DeferredJob;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A message the gateway saw, as the mention decisions need it: no library types, so the decisions are pure functions
 * over plain records.
 *
 * @param guildId the server; absent in direct messages
 * @param channelId the channel (or thread) it was posted in
 * @param messageId the message snowflake
 * @param author who wrote it ({@link DiscordUser#bot()} is set for bot accounts)
 * @param webhook whether a webhook posted it
 * @param system whether it is a system message (joins, pins, boosts, …) or written by Discord's system account
 * @param content the message text as Discord sent it; empty for messages that do not mention the bot unless the
 *     privileged Message Content intent is on
 * @param mentionsBot whether it mentions the bot by its user or by its own integration role (a reply that pings the
 *     bot counts); {@code @everyone} and {@code @here} do not count
 * @param selfRoleId the bot's integration role in this server, which people can pick instead of the bot's user
 * @param mentionedUsers the users it mentions, by id, in order of appearance
 * @param replyTo the message it replies to, when Discord included it
 */
public record IncomingMessage(
        Optional<String> guildId,
        String channelId,
        String messageId,
        DiscordUser author,
        boolean webhook,
        boolean system,
        String content,
        boolean mentionsBot,
        Optional<String> selfRoleId,
        Map<String, DiscordUser> mentionedUsers,
        Optional<DeferredJob.ReferencedMessage> replyTo) {

    public IncomingMessage {
        Objects.requireNonNull(channelId, "channelId");
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(author, "author");
        content = content == null ? "" : content;
        mentionedUsers = Collections.unmodifiableMap(new LinkedHashMap<>(mentionedUsers));
    }
}
