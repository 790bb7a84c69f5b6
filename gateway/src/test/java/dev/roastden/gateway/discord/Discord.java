package dev.roastden.gateway.discord;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.IMentionable;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.Mentions;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.MessageType;
import net.dv8tion.jda.api.entities.Role;
import net.dv8tion.jda.api.entities.SelfUser;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.entities.channel.ChannelType;
import net.dv8tion.jda.api.entities.channel.middleman.GuildChannel;
import net.dv8tion.jda.api.entities.channel.unions.MessageChannelUnion;
import net.dv8tion.jda.api.events.message.MessageReceivedEvent;

/** A small fake Discord server as JDA would present it: the bot, its integration role, a channel, people. */
final class Discord {
    static final long GUILD = 700000000000000001L;
    static final long CHANNEL = 710000000000000001L;
    static final long BOT = 900000000000000009L;
    static final long APPLICATION = 910000000000000009L;
    static final long BOT_ROLE = 720000000000000009L;

    final SelfUser self = Fake.of(
            SelfUser.class,
            Map.of(
                    "getIdLong",
                    BOT,
                    "getApplicationIdLong",
                    APPLICATION,
                    "isBot",
                    true,
                    "isSystem",
                    false,
                    "getName",
                    "roastden",
                    "getGlobalName",
                    "RoastDen"));
    final Role botRole = Fake.of(Role.class, Map.of("getIdLong", BOT_ROLE));
    final Guild guild = Fake.of(Guild.class, Map.of("getIdLong", GUILD, "getBotRole", botRole));
    final JDA jda = Fake.of(JDA.class, Map.of("getSelfUser", self, "getResponseTotal", 1L, "getGatewayPing", 33L));
    final MessageChannelUnion channel = Fake.of(
            MessageChannelUnion.class,
            Map.of("getIdLong", CHANNEL, "getType", ChannelType.TEXT, "getGuild", guild),
            GuildChannel.class);

    static User user(long id, String username, String globalName, boolean bot) {
        Map<String, Object> answers = new HashMap<>();
        answers.put("getIdLong", id);
        answers.put("getName", username);
        answers.put("getGlobalName", globalName);
        answers.put("isBot", bot);
        answers.put("isSystem", false);
        return Fake.of(User.class, answers);
    }

    static Member member(User user, String nickname, EnumSet<Permission> permissions) {
        return Fake.of(
                Member.class,
                Map.of(
                        "getIdLong",
                        user.getIdLong(),
                        "getUser",
                        user,
                        "getEffectiveName",
                        nickname,
                        "getPermissions",
                        permissions));
    }

    /** What a message mentions, as JDA answers {@code Mentions.isMentioned}. */
    static Mentions mentions(List<IMentionable> mentioned, List<User> users, List<Member> members) {
        return Fake.of(
                Mentions.class,
                Map.of(
                        "isMentioned",
                        (Fake.Answer) args -> {
                            IMentionable target = (IMentionable) args[0];
                            Message.MentionType[] types = (Message.MentionType[]) args[1];
                            boolean byUserOrRole = List.of(types).contains(Message.MentionType.USER)
                                    || List.of(types).contains(Message.MentionType.ROLE);
                            return byUserOrRole && mentioned.contains(target);
                        },
                        "getUsers",
                        users,
                        "getMembers",
                        members));
    }

    Message message(
            long id,
            User author,
            Member member,
            String content,
            Mentions mentions,
            MessageType type,
            boolean webhook,
            Message referenced) {
        Map<String, Object> answers = new HashMap<>();
        answers.put("getIdLong", id);
        answers.put("getChannel", channel);
        answers.put("getAuthor", author);
        answers.put("getMember", member);
        answers.put("getContentRaw", content);
        answers.put("getMentions", mentions);
        answers.put("getType", type);
        answers.put("isWebhookMessage", webhook);
        answers.put("getReferencedMessage", referenced);
        return Fake.of(Message.class, answers);
    }

    MessageReceivedEvent received(Message message) {
        return new MessageReceivedEvent(jda, 1, message);
    }
}
