package dev.roastden.gateway.discord;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roastden.core.job.DeferredJob;
import dev.roastden.core.job.JobQueue;
import dev.roastden.core.job.Snowflake;
import dev.roastden.core.mention.MentionDecider;
import dev.roastden.core.mention.PersonaDefaults;
import dev.roastden.core.persona.PersonaCatalog;
import dev.roastden.emulators.time.MutableClock;
import dev.roastden.gateway.health.GatewayHealth;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.MessageType;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.events.GatewayPingEvent;
import net.dv8tion.jda.api.events.session.SessionResumeEvent;
import net.dv8tion.jda.api.events.session.ShutdownEvent;
import net.dv8tion.jda.api.requests.CloseCode;
import org.junit.jupiter.api.Test;

/** JDA events through the listener: the decisions, the channel's bot chain and the queue hand-off together. */
class MentionListenerTest {
    private static final Instant T0 = Instant.parse("2026-11-20T18:00:00Z");

    private final Discord discord = new Discord();
    private final List<DeferredJob> queued = new ArrayList<>();
    private final JobQueue queue = queued::add;
    private final GatewayHealth health = new GatewayHealth(new MutableClock(T0), Duration.ofSeconds(120));
    private final MentionListener listener = new MentionListener(
            new MentionDecider(PersonaCatalog.fromClasspath(), PersonaDefaults.NONE, 2, Duration.ofMinutes(10)),
            queue,
            Runnable::run,
            health,
            Optional.empty());
    private final User sam = Discord.user(100000000000000011L, "sam_92", "Sam", false);
    private final Member samMember = Discord.member(sam, "Sam", EnumSet.noneOf(net.dv8tion.jda.api.Permission.class));
    private final User chatterbox = Discord.user(800000000000000008L, "chatterbox", null, true);

    @Test
    void aMentionIsQueuedWithTheApplicationIdDiscordReports() {
        listener.onMessageReceived(discord.received(mention(sam, samMember, "juniper, hi", 1)));

        assertThat(queued).singleElement().satisfies(job -> {
            assertThat(job.kind()).isEqualTo(DeferredJob.Kind.MENTION);
            assertThat(job.applicationId()).isEqualTo(Long.toString(Discord.APPLICATION));
            assertThat(job.option("persona")).contains("juniper");
            assertThat(job.mention().orElseThrow().content()).isEqualTo("juniper, hi");
        });
    }

    @Test
    void anotherBotIsAnsweredOnlyUpToTheChainLimitUntilAPersonSpeaks() {
        for (int i = 0; i < 4; i++) {
            listener.onMessageReceived(discord.received(mention(chatterbox, null, "roast me " + i, 10 + i)));
        }
        assertThat(queued).hasSize(2);

        listener.onMessageReceived(discord.received(plain(sam, samMember, 20)));
        listener.onMessageReceived(discord.received(mention(chatterbox, null, "roast me again", 21)));

        assertThat(queued).hasSize(3);
    }

    @Test
    void sessionEventsDriveHealth() {
        listener.onSessionResume(new SessionResumeEvent(discord.jda));
        listener.onGatewayPing(new GatewayPingEvent(discord.jda, 40));

        assertThat(health.report().healthy()).isTrue();
        assertThat(health.report().gatewayPingMillis()).hasValue(33);
    }

    @Test
    void disallowedIntentsBlockHealthWithTheFix() {
        listener.onSessionResume(new SessionResumeEvent(discord.jda));

        listener.onShutdown(
                new ShutdownEvent(discord.jda, OffsetDateTime.now(), CloseCode.DISALLOWED_INTENTS.getCode()));

        assertThat(health.report().healthy()).isFalse();
        assertThat(health.report().reason())
                .contains("4014 DISALLOWED_INTENTS")
                .contains("GATEWAY_MESSAGE_CONTENT_INTENT");
    }

    @Test
    void aFailedLoginIsNotReportedAsAPermanentProblem() {
        listener.onShutdown(new ShutdownEvent(discord.jda, OffsetDateTime.now(), 1000));

        assertThat(health.report().reason()).isEqualTo("Not connected to the Discord gateway (SHUTDOWN)");
    }

    private Message mention(User author, Member member, String text, long seconds) {
        return discord.message(
                Long.parseUnsignedLong(Snowflake.at(T0.plusSeconds(seconds), 1)),
                author,
                member,
                "<@" + Discord.BOT + "> " + text,
                Discord.mentions(List.of(discord.self), List.of(discord.self), List.of()),
                MessageType.DEFAULT,
                false,
                null);
    }

    private Message plain(User author, Member member, long seconds) {
        return discord.message(
                Long.parseUnsignedLong(Snowflake.at(T0.plusSeconds(seconds), 1)),
                author,
                member,
                "",
                Discord.mentions(List.of(), List.of(), List.of()),
                MessageType.DEFAULT,
                false,
                null);
    }
}
