package dev.roastden.local;

import dev.roastden.core.interaction.DiscordUser;
import dev.roastden.core.job.JobQueue;
import dev.roastden.core.job.Snowflake;
import dev.roastden.core.mention.BotChain;
import dev.roastden.core.mention.BotIdentity;
import dev.roastden.core.mention.IncomingMessage;
import dev.roastden.core.mention.MentionDecider;
import dev.roastden.core.mention.MentionDecision;
import dev.roastden.core.mention.PersonaDefaults;
import dev.roastden.core.persona.PersonaCatalog;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The local stand-in for the gateway task: a message written in the playground's channel goes through the same
 * mention decisions as a message seen on Discord's gateway, and a mention becomes a {@code MENTION} job on the
 * same queue.
 */
final class LocalMentions implements Playground.ChannelMessages {
    /** The bot's own user in the pretend server. */
    static final DiscordUser BOT = new DiscordUser("1200000000000000009", "RoastDen", true, "0");

    private final MentionDecider decider;
    private final JobQueue queue;
    private final Clock clock;
    private final AtomicInteger sequence = new AtomicInteger();
    private BotChain chain = BotChain.NONE;

    LocalMentions(PersonaCatalog personas, JobQueue queue, Clock clock) {
        this.decider = new MentionDecider(personas, PersonaDefaults.NONE, 3, Duration.ofMinutes(10));
        this.queue = queue;
        this.clock = clock;
    }

    @Override
    public synchronized String post(DiscordUser author, String typed) {
        String content = Playground.mentions(typed.replace("@" + BOT.displayName(), "<@" + BOT.id() + ">"));
        Map<String, DiscordUser> mentioned = new LinkedHashMap<>();
        for (DiscordUser member : SampleMembers.all()) {
            if (content.contains("<@" + member.id() + ">")) {
                mentioned.put(member.id(), member);
            }
        }
        IncomingMessage message = new IncomingMessage(
                Optional.of(SampleMembers.GUILD_ID),
                SampleMembers.CHANNEL_ID,
                Snowflake.at(clock.instant(), sequence.incrementAndGet()),
                author,
                false,
                false,
                content,
                content.contains("<@" + BOT.id() + ">"),
                Optional.empty(),
                mentioned,
                Optional.empty());
        MentionDecision decision =
                decider.decide(message, new BotIdentity(BOT.id(), SampleMembers.APPLICATION_ID), chain);
        chain = decision.nextChain();
        if (!decision.enqueues()) {
            return decision.verdict() == MentionDecision.Verdict.NOT_MENTIONED
                    ? "(No @RoastDen in that message, so no persona answers.)"
                    : "(Not answered: " + decision.verdict() + ")";
        }
        try {
            queue.enqueue(decision.job().orElseThrow());
        } catch (JobQueue.QueueUnavailableException e) {
            return "Could not queue that, try again in a moment.";
        }
        return decision.persona().map(p -> p.persona().name() + " is typing…").orElse("A persona is typing…");
    }
}
