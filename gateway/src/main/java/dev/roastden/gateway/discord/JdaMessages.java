package dev.roastden.gateway.discord;

import dev.roastden.core.interaction.DiscordUser;
import dev.roastden.core.job.DeferredJob;
import dev.roastden.core.mention.IncomingMessage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.Mentions;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.Role;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.events.message.MessageReceivedEvent;

/**
 * The edge between JDA and the mention decisions: a received message becomes an {@link IncomingMessage}. Only
 * mentions of the bot by its user or by its own integration role count; {@code @everyone}, {@code @here} and roles the
 * bot merely holds do not. Content, mentioned users and the replied-to message are read only for messages that
 * mention the bot, the only ones whose content Discord sends without the Message Content intent.
 */
public final class JdaMessages {
    private JdaMessages() {}

    /** The message of {@code event}, as the decisions see it. */
    public static IncomingMessage incoming(MessageReceivedEvent event) {
        Message message = event.getMessage();
        User self = event.getJDA().getSelfUser();
        Optional<Role> selfRole =
                event.isFromGuild() ? Optional.ofNullable(event.getGuild().getBotRole()) : Optional.empty();
        Mentions mentions = message.getMentions();
        boolean mentionsBot = mentions.isMentioned(self, Message.MentionType.USER)
                || selfRole.map(role -> mentions.isMentioned(role, Message.MentionType.ROLE))
                        .orElse(false);
        User author = event.getAuthor();
        return new IncomingMessage(
                event.isFromGuild() ? Optional.of(event.getGuild().getId()) : Optional.empty(),
                event.getChannel().getId(),
                message.getId(),
                user(author, event.getMember()),
                message.isWebhookMessage(),
                message.getType().isSystem() || author.isSystem(),
                mentionsBot ? message.getContentRaw() : "",
                mentionsBot,
                selfRole.map(Role::getId),
                mentionsBot ? mentioned(mentions) : Map.of(),
                mentionsBot ? replyTo(message) : Optional.empty());
    }

    /** A user as the product sees it: the server nickname wins over the global display name and the username. */
    static DiscordUser user(User user, Member member) {
        String displayName = member != null ? member.getEffectiveName() : user.getEffectiveName();
        return new DiscordUser(user.getId(), displayName, user.isBot(), permissions(member));
    }

    private static String permissions(Member member) {
        if (member == null) {
            return "0";
        }
        try {
            // Server-wide permissions from the member's roles; channel overrides are not cached and not needed here.
            return Long.toUnsignedString(Permission.getRaw(member.getPermissions()));
        } catch (RuntimeException unknown) {
            return "0";
        }
    }

    private static Map<String, DiscordUser> mentioned(Mentions mentions) {
        Map<String, Member> members = new LinkedHashMap<>();
        for (Member member : mentions.getMembers()) {
            members.put(member.getId(), member);
        }
        Map<String, DiscordUser> users = new LinkedHashMap<>();
        List<User> mentionedUsers = mentions.getUsers();
        for (User user : mentionedUsers) {
            users.put(user.getId(), user(user, members.get(user.getId())));
        }
        return users;
    }

    private static Optional<DeferredJob.ReferencedMessage> replyTo(Message message) {
        Message referenced = message.getReferencedMessage();
        if (referenced == null) {
            return Optional.empty();
        }
        return Optional.of(new DeferredJob.ReferencedMessage(
                referenced.getId(), referenced.getContentRaw(), user(referenced.getAuthor(), referenced.getMember())));
    }
}
