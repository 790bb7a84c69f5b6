package dev.roastden.gateway.discord;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roastden.core.interaction.DiscordUser;
import dev.roastden.core.job.DeferredJob;
import dev.roastden.core.mention.IncomingMessage;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.MessageType;
import net.dv8tion.jda.api.entities.User;
import org.junit.jupiter.api.Test;

class JdaMessagesTest {
    private final Discord discord = new Discord();
    private final User sam = Discord.user(100000000000000011L, "sam_92", "Sam", false);
    private final Member samMember = Discord.member(sam, "Sammy", EnumSet.of(Permission.MANAGE_SERVER));
    private final User alex = Discord.user(100000000000000012L, "alexk", null, false);

    @Test
    void aMentionBecomesAnIncomingMessageWithAuthorMentionsAndReply() {
        Message original = discord.message(
                730000000000000001L,
                alex,
                null,
                "I never lose",
                Discord.mentions(List.of(), List.of(), List.of()),
                MessageType.DEFAULT,
                false,
                null);
        Message message = discord.message(
                740000000000000001L,
                sam,
                samMember,
                "<@" + Discord.BOT + "> ford, roast <@" + alex.getId() + ">",
                Discord.mentions(List.of(discord.self), List.of(discord.self, alex), List.of()),
                MessageType.INLINE_REPLY,
                false,
                original);

        IncomingMessage incoming = JdaMessages.incoming(discord.received(message));

        DiscordUser samUser = new DiscordUser(
                sam.getId(), "Sammy", false, Long.toString(Permission.getRaw(Permission.MANAGE_SERVER)));
        DiscordUser alexUser = new DiscordUser(alex.getId(), "alexk", false, "0");
        assertThat(incoming)
                .isEqualTo(new IncomingMessage(
                        Optional.of(Long.toString(Discord.GUILD)),
                        Long.toString(Discord.CHANNEL),
                        "740000000000000001",
                        samUser,
                        false,
                        false,
                        "<@" + Discord.BOT + "> ford, roast <@" + alex.getId() + ">",
                        true,
                        Optional.of(Long.toString(Discord.BOT_ROLE)),
                        Map.of(
                                Long.toString(Discord.BOT),
                                new DiscordUser(Long.toString(Discord.BOT), "RoastDen", true, "0"),
                                alex.getId(),
                                alexUser),
                        Optional.of(
                                new DeferredJob.ReferencedMessage("730000000000000001", "I never lose", alexUser))));
        assertThat(samUser.canManageServer()).isTrue();
    }

    @Test
    void theBotsIntegrationRoleCountsAsAMention() {
        Message message = discord.message(
                740000000000000002L,
                sam,
                samMember,
                "<@&" + Discord.BOT_ROLE + "> hi",
                Discord.mentions(List.of(discord.botRole), List.of(), List.of()),
                MessageType.DEFAULT,
                false,
                null);

        assertThat(JdaMessages.incoming(discord.received(message)).mentionsBot())
                .isTrue();
    }

    @Test
    void otherMessagesAreNotReadBeyondWhatTheDecisionsNeed() {
        Message message = discord.message(
                740000000000000003L,
                sam,
                samMember,
                "not for the bot",
                Discord.mentions(List.of(alex), List.of(alex), List.of()),
                MessageType.DEFAULT,
                false,
                null);

        IncomingMessage incoming = JdaMessages.incoming(discord.received(message));

        assertThat(incoming.mentionsBot()).isFalse();
        assertThat(incoming.content()).isEmpty();
        assertThat(incoming.mentionedUsers()).isEmpty();
        assertThat(incoming.replyTo()).isEmpty();
    }

    @Test
    void webhookAndSystemMessagesAreFlagged() {
        Message webhook = discord.message(
                740000000000000004L,
                Discord.user(750000000000000001L, "Captain Hook", null, true),
                null,
                "<@" + Discord.BOT + ">",
                Discord.mentions(List.of(discord.self), List.of(discord.self), List.of()),
                MessageType.DEFAULT,
                true,
                null);
        Message join = discord.message(
                740000000000000005L,
                sam,
                samMember,
                "",
                Discord.mentions(List.of(), List.of(), List.of()),
                MessageType.GUILD_MEMBER_JOIN,
                false,
                null);

        IncomingMessage fromWebhook = JdaMessages.incoming(discord.received(webhook));
        IncomingMessage joined = JdaMessages.incoming(discord.received(join));

        assertThat(fromWebhook.webhook()).isTrue();
        assertThat(fromWebhook.author().permissions()).isEqualTo("0");
        assertThat(joined.system()).isTrue();
    }
}
