package dev.roastden.core.mention;

import dev.roastden.core.job.DeferredJob;
import java.util.Optional;

/**
 * What to do with one message.
 *
 * @param verdict whether it becomes a job, and if not, why
 * @param job the job to queue, for {@link Verdict#ENQUEUE}
 * @param persona the persona that answers, for {@link Verdict#ENQUEUE}
 * @param nextChain the channel's bot chain after this message
 */
public record MentionDecision(
        Verdict verdict, Optional<DeferredJob> job, Optional<PersonaChoice> persona, BotChain nextChain) {

    /** Why a message does or does not become a job. */
    public enum Verdict {
        /** It mentions the bot: queue a {@code MENTION} job. */
        ENQUEUE,
        /** The bot wrote it. */
        OWN_MESSAGE,
        /** A webhook posted it. */
        WEBHOOK,
        /** A system message (join, pin, boost, …) or one from Discord's system account. */
        SYSTEM,
        /** It was not posted in a server. */
        DIRECT_MESSAGE,
        /** It does not mention the bot. */
        NOT_MENTIONED,
        /** Another bot mentioned the bot, but this channel already had its limit of bot mentions in a row. */
        BOT_CHAIN_LIMIT
    }

    static MentionDecision enqueue(DeferredJob job, PersonaChoice persona, BotChain nextChain) {
        return new MentionDecision(Verdict.ENQUEUE, Optional.of(job), Optional.of(persona), nextChain);
    }

    static MentionDecision ignore(Verdict verdict, BotChain nextChain) {
        return new MentionDecision(verdict, Optional.empty(), Optional.empty(), nextChain);
    }

    /** Whether the message becomes a job. */
    public boolean enqueues() {
        return verdict == Verdict.ENQUEUE;
    }
}
