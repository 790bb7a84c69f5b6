package dev.roastden.core.mention;

import dev.roastden.core.interaction.DiscordUser;
import dev.roastden.core.job.DeferredJob;
import dev.roastden.core.job.Snowflake;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Test messages: a server, a channel, the bot, a few people and another bot. */
final class Messages {
    static final String GUILD = "700000000000000001";
    static final String CHANNEL = "710000000000000001";
    static final String OTHER_CHANNEL = "710000000000000002";
    static final BotIdentity SELF = new BotIdentity("900000000000000009", "910000000000000009");
    static final String SELF_ROLE = "720000000000000009";
    static final DiscordUser SAM = new DiscordUser("100000000000000011", "Sam", false, "0");
    static final DiscordUser ALEX = new DiscordUser("100000000000000012", "Alex", false, "0");
    static final DiscordUser OTHER_BOT = new DiscordUser("800000000000000008", "Chatterbox", true, "0");
    static final DiscordUser ROAST_DEN = new DiscordUser(SELF.userId(), "RoastDen", true, "0");
    static final Instant T0 = Instant.parse("2026-11-20T18:00:00Z");

    private Messages() {}

    /** A message by {@code author} posted {@code secondsAfterT0} after T0 that mentions the bot. */
    static IncomingMessage mention(DiscordUser author, String content, long secondsAfterT0) {
        return message(author, content, true, secondsAfterT0);
    }

    static IncomingMessage message(DiscordUser author, String content, boolean mentionsBot, long secondsAfterT0) {
        Map<String, DiscordUser> mentioned = new LinkedHashMap<>();
        if (mentionsBot) {
            mentioned.put(SELF.userId(), ROAST_DEN);
        }
        if (content.contains("<@" + ALEX.id() + ">")) {
            mentioned.put(ALEX.id(), ALEX);
        }
        return new IncomingMessage(
                Optional.of(GUILD),
                CHANNEL,
                Snowflake.at(T0.plusSeconds(secondsAfterT0), 1),
                author,
                false,
                false,
                content,
                mentionsBot,
                Optional.of(SELF_ROLE),
                mentioned,
                Optional.empty());
    }

    static IncomingMessage inChannel(IncomingMessage message, String channelId) {
        return new IncomingMessage(
                message.guildId(),
                channelId,
                message.messageId(),
                message.author(),
                message.webhook(),
                message.system(),
                message.content(),
                message.mentionsBot(),
                message.selfRoleId(),
                message.mentionedUsers(),
                message.replyTo());
    }

    static IncomingMessage replyingTo(IncomingMessage message, DeferredJob.ReferencedMessage replyTo) {
        return new IncomingMessage(
                message.guildId(),
                message.channelId(),
                message.messageId(),
                message.author(),
                message.webhook(),
                message.system(),
                message.content(),
                message.mentionsBot(),
                message.selfRoleId(),
                message.mentionedUsers(),
                Optional.of(replyTo));
    }

    static IncomingMessage flagged(IncomingMessage message, boolean webhook, boolean system) {
        return new IncomingMessage(
                message.guildId(),
                message.channelId(),
                message.messageId(),
                message.author(),
                webhook,
                system,
                message.content(),
                message.mentionsBot(),
                message.selfRoleId(),
                message.mentionedUsers(),
                message.replyTo());
    }

    static String at(String userId) {
        return "<@" + userId + ">";
    }
}
