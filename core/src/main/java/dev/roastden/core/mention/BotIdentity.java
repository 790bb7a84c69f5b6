package dev.roastden.core.mention;

/**
 * Who the bot is on this connection.
 *
 * @param userId the bot user's snowflake
 * @param applicationId the application it belongs to
 */
public record BotIdentity(String userId, String applicationId) {}
