package dev.roastden.worker.roast;

import dev.roastden.core.interaction.DiscordUser;
import dev.roastden.core.job.DeferredJob;
import dev.roastden.core.mention.MentionDecider;
import dev.roastden.core.prompt.PromptInput;
import dev.roastden.worker.commands.Attempt;
import dev.roastden.worker.commands.CommandHandler;
import dev.roastden.worker.commands.ReplyProducer.Produced;
import dev.roastden.worker.commands.RetryableFailure;
import dev.roastden.worker.commands.Texts;
import java.util.Optional;

/** A message mentioning the bot (from the gateway): the persona the gateway chose answers in the channel. */
public final class MentionCommand implements CommandHandler {
    /** The command name of mention jobs. */
    public static final String COMMAND = "mention";

    private static final int MAX_MESSAGE = 2000;

    private final PersonaReplies replies;

    public MentionCommand(PersonaReplies replies) {
        this.replies = replies;
    }

    @Override
    public Produced handle(DeferredJob job, Attempt attempt) throws RetryableFailure {
        PersonaReplies.Chosen chosen = replies.personaFor(job);
        if (chosen instanceof PersonaReplies.Chosen.None none) {
            return Produced.of(none.notice());
        }
        PersonaReplies.Chosen.One persona = (PersonaReplies.Chosen.One) chosen;
        String text =
                Texts.clean(job.mention().map(DeferredJob.Mention::content).orElse(""), MAX_MESSAGE);
        Optional<DiscordUser> target = job.option(MentionDecider.TARGET_OPTION).map(id -> Texts.resolved(job, id));
        return replies.reply(job, persona, PromptInput.Task.MENTION, target, text, attempt);
    }
}
