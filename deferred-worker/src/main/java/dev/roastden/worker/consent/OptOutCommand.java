package dev.roastden.worker.consent;

import dev.roastden.core.job.DeferredJob;
import dev.roastden.core.memory.MemoryStore;
import dev.roastden.core.persona.RosterEntry;
import dev.roastden.worker.commands.Attempt;
import dev.roastden.worker.commands.CommandHandler;
import dev.roastden.worker.commands.ReplyProducer.Produced;
import dev.roastden.worker.memories.ForgetCommand;
import dev.roastden.worker.persona.PersonaDirectory;
import dev.roastden.worker.reply.Reply;
import java.util.List;

/**
 * {@code /optout delete_data:(bool)} (private): records the opt-out first, so nothing new is said or stored about
 * the member from then on, then, when asked, deletes what {@code /forget me} deletes and says what was deleted. The
 * consent gate does the rest: no persona roasts, pings or names them here, and their own persona goes quiet.
 */
public final class OptOutCommand implements CommandHandler {
    /** The option that also deletes the member's data. */
    public static final String DELETE_DATA = "delete_data";

    private final ConsentStore consent;
    private final MemoryStore memory;
    private final PersonaDirectory personas;

    public OptOutCommand(ConsentStore consent, MemoryStore memory, PersonaDirectory personas) {
        this.consent = consent;
        this.memory = memory;
        this.personas = personas;
    }

    @Override
    public Produced handle(DeferredJob job, Attempt attempt) {
        if (job.guildId().isEmpty()) {
            return Produced.of(Reply.notice("Opting out is per server: use /optout in the server."));
        }
        String guild = job.guildId().get();
        String user = job.user().id();
        consent.setOptedOut(guild, user, true);
        PersonaDirectory.Server server = personas.in(guild);
        StringBuilder text = new StringBuilder(
                "You've opted out in this server: no persona will roast, ping or talk about you here, and what "
                        + "names you is left out of their prompts.");
        List<String> own = server.listed().stream()
                .filter(e -> e.higherSelf().map(user::equals).orElse(false))
                .map(RosterEntry::name)
                .toList();
        if (!own.isEmpty()) {
            text.append(" Your persona ").append(String.join(", ", own)).append(" stays quiet too.");
        }
        boolean delete = job.option(DELETE_DATA).map(Boolean::parseBoolean).orElse(false);
        if (delete) {
            text.append("\n").append(ForgetCommand.forgetMe(memory, guild, user, server.allIds(), attempt.repeated()));
        } else {
            text.append("\nWhat's already stored about you is kept (hidden from prompts); `/forget me` or "
                    + "`/optout delete_data:True` deletes it, and `/memories about:` shows it.");
        }
        text.append("\nChanged your mind? `/optin` undoes this.");
        return Produced.of(Reply.notice(text.toString()));
    }
}
