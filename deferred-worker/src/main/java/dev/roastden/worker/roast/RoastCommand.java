package dev.roastden.worker.roast;

import dev.roastden.core.command.CommandCatalog;
import dev.roastden.core.job.DeferredJob;
import dev.roastden.core.prompt.PromptInput;
import dev.roastden.worker.commands.Attempt;
import dev.roastden.worker.commands.CommandHandler;
import dev.roastden.worker.commands.ReplyProducer.Produced;
import dev.roastden.worker.commands.RetryableFailure;
import dev.roastden.worker.commands.Texts;
import dev.roastden.worker.reply.Reply;
import java.util.Optional;

/** {@code /roast target:@someone persona:… topic:…}: the persona roasts the target, pinging them. */
public final class RoastCommand implements CommandHandler {
    private final PersonaReplies replies;

    public RoastCommand(PersonaReplies replies) {
        this.replies = replies;
    }

    @Override
    public Produced handle(DeferredJob job, Attempt attempt) throws RetryableFailure {
        PersonaReplies.Chosen chosen = replies.personaFor(job);
        if (chosen instanceof PersonaReplies.Chosen.None none) {
            return Produced.of(none.notice());
        }
        PersonaReplies.Chosen.One persona = (PersonaReplies.Chosen.One) chosen;
        Optional<String> targetId = job.option("target");
        if (targetId.isEmpty()) {
            return Produced.of(Reply.notice("Tell me who to roast: `/roast target:@someone persona:…`."));
        }
        String topic = Texts.clean(job.option("topic").orElse(""), CommandCatalog.MAX_TOPIC_LENGTH);
        return replies.reply(
                job, persona, PromptInput.Task.ROAST, Optional.of(Texts.resolved(job, targetId.get())), topic, attempt);
    }
}
