package dev.roastden.core.interaction;

/**
 * The message a message command was used on, from {@code data.resolved.messages}. Its content is DATA written by
 * somebody else: it goes into a prompt only as delimited user text, never as instructions.
 *
 * @param id the message's snowflake
 * @param channelId the channel it is in
 * @param content its text (empty for a message of only attachments or embeds)
 * @param author who wrote it
 */
public record TargetMessage(String id, String channelId, String content, DiscordUser author) {}
