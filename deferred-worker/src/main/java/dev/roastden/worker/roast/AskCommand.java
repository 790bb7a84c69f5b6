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

/** {@code /ask question:… persona:…}: the persona answers; without a persona, one is picked for the asker. */
public final class AskCommand implements CommandHandler {
    private final PersonaReplies replies;

    public AskCommand(PersonaReplies replies) {
        this.replies = replies;
    }

    @Override
    public Produced handle(DeferredJob job, Attempt attempt) throws RetryableFailure {
        PersonaReplies.Chosen chosen = replies.personaFor(job);
        if (chosen instanceof PersonaReplies.Chosen.None none) {
            return Produced.of(none.notice());
        }
        PersonaReplies.Chosen.One persona = (PersonaReplies.Chosen.One) chosen;
        String question = Texts.clean(job.option("question").orElse(""), CommandCatalog.MAX_QUESTION_LENGTH);
        if (question.isBlank()) {
            return Produced.of(Reply.notice("Ask me something: `/ask question:…`."));
        }
        return replies.reply(job, persona, PromptInput.Task.ASK, Optional.empty(), question, attempt);
    }
}
