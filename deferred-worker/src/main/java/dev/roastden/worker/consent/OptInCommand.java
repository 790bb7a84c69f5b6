package dev.roastden.worker.consent;

import dev.roastden.core.job.DeferredJob;
import dev.roastden.worker.commands.Attempt;
import dev.roastden.worker.commands.CommandHandler;
import dev.roastden.worker.commands.ReplyProducer.Produced;
import dev.roastden.worker.reply.Reply;

/** {@code /optin} (private): reverses {@code /optout}; personas may roast and mention the member here again. */
public final class OptInCommand implements CommandHandler {
    private final ConsentStore consent;

    public OptInCommand(ConsentStore consent) {
        this.consent = consent;
    }

    @Override
    public Produced handle(DeferredJob job, Attempt attempt) {
        if (job.guildId().isEmpty()) {
            return Produced.of(Reply.notice("Opting in is per server: use /optin in the server."));
        }
        consent.setOptedOut(job.guildId().get(), job.user().id(), false);
        return Produced.of(Reply.notice("You're opted in again: personas here may roast, mention and remember you, "
                + "and your own persona speaks again if it's active. `/optout` stops it any time."));
    }
}
