package dev.roastden.worker.persona;

import dev.roastden.core.command.CommandCatalog;
import dev.roastden.core.job.DeferredJob;
import dev.roastden.core.persona.Persona;
import dev.roastden.core.persona.PersonaStatus;
import dev.roastden.worker.commands.Attempt;
import dev.roastden.worker.commands.CommandHandler;
import dev.roastden.worker.commands.ReplyProducer.Produced;
import dev.roastden.worker.reply.Reply;
import java.util.Optional;

/**
 * {@code /persona retire persona} (Higher Self or managers): a server persona becomes retired (conditional on the
 * version read); a bundled default is hidden in this server. Either way it stops speaking at once and its memories
 * stay until forgotten, which the answer says.
 */
public final class RetireCommand implements CommandHandler {
    private final PersonaTools tools;

    public RetireCommand(PersonaTools tools) {
        this.tools = tools;
    }

    @Override
    public Produced handle(DeferredJob job, Attempt attempt) {
        if (job.guildId().isEmpty()) {
            return Produced.of(Reply.notice(PersonaCommands.NOT_HERE));
        }
        String guild = job.guildId().get();
        String id = job.option(CommandCatalog.PERSONA_OPTION).orElse("");
        Optional<PersonaCommands.Target> found = PersonaCommands.find(tools, guild, id);
        if (found.isEmpty()) {
            return Produced.of(Reply.notice(PersonaCommands.noSuchPersona(id)));
        }
        Persona persona = found.get().persona();
        if (!PersonaCommands.mayChange(persona, job.user())) {
            return Produced.of(Reply.notice(PersonaCommands.onlyOwnerOrManager(persona, "retire")));
        }
        String memories =
                " Its memories stay until forgotten: `/forget persona persona:" + persona.id() + "` deletes them.";
        if (found.get().bundled()) {
            tools.store().setDefaultHidden(guild, persona.id(), true);
            return Produced.of(Reply.notice("**" + persona.name() + "** (a bundled default) is hidden in this server"
                    + " and no longer speaks here." + memories));
        }
        ServerPersona stored = found.get().stored().get();
        if (stored.status() == PersonaStatus.RETIRED) {
            return Produced.of(Reply.notice("**" + persona.name() + "** is already retired." + memories));
        }
        try {
            tools.store().update(PersonaWrites.withStatus(tools, stored, PersonaStatus.RETIRED), stored.version());
        } catch (PersonaStore.Conflict raced) {
            return Produced.of(
                    Reply.notice("**" + persona.name() + "** changed just now; run `/persona retire` again."));
        }
        return Produced.of(Reply.notice("**" + persona.name() + "** is retired and no longer speaks here." + memories));
    }
}
