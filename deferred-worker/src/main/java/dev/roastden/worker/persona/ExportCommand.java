package dev.roastden.worker.persona;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.roastden.core.command.CommandCatalog;
import dev.roastden.core.job.DeferredJob;
import dev.roastden.core.persona.Persona;
import dev.roastden.core.persona.PersonaStatus;
import dev.roastden.worker.commands.Attempt;
import dev.roastden.worker.commands.CommandHandler;
import dev.roastden.worker.commands.ReplyProducer.Produced;
import dev.roastden.worker.persona.card.CardExporter;
import dev.roastden.worker.reply.Reply;
import dev.roastden.worker.reply.ReplyFile;
import java.util.Optional;

/**
 * {@code /persona export persona format}: the persona as a file attached to a private reply, {@code
 * <id>.roastden.json} or a Character Card V2 {@code <id>.card.json}. A member's persona that is not active (pending,
 * declined, retired) is exported only for its Higher Self or a manager: the member has not agreed to it, or no longer
 * does.
 */
public final class ExportCommand implements CommandHandler {
    private final PersonaTools tools;

    public ExportCommand(PersonaTools tools) {
        this.tools = tools;
    }

    @Override
    public Produced handle(DeferredJob job, Attempt attempt) {
        if (job.guildId().isEmpty()) {
            return Produced.of(Reply.notice(PersonaCommands.NOT_HERE));
        }
        String id = job.option(CommandCatalog.PERSONA_OPTION).orElse("");
        Optional<PersonaCommands.Target> found =
                PersonaCommands.find(tools, job.guildId().get(), id);
        if (found.isEmpty()) {
            return Produced.of(Reply.notice(PersonaCommands.noSuchPersona(id)));
        }
        Persona persona = found.get().persona();
        if (persona.ofRealMember()
                && found.get().status() != PersonaStatus.ACTIVE
                && !PersonaCommands.mayChange(persona, job.user())) {
            return Produced.of(Reply.notice(
                    "**" + persona.name() + "** is " + found.get().status().wire()
                            + ", so only its Higher Self or members with Manage Server can export it."));
        }
        ObjectNode tree = found.get().stored().map(PersonaJson::tree).orElseGet(() -> PersonaJson.tree(persona));
        CardExporter.Format format =
                CardExporter.Format.of(job.option(CommandCatalog.FORMAT_OPTION).orElse(""));
        CardExporter.File file = CardExporter.export(tree, format);
        String what = format == CardExporter.Format.CARD ? "a Character Card V2" : "a Roast Den persona file";
        return Produced.of(Reply.notice("Here is **" + persona.name() + "** as " + what + ". `/persona import` reads it"
                        + " back as the same persona (without its Higher Self: pick the member again).")
                .withFile(new ReplyFile(file.filename(), file.mediaType(), file.bytes())));
    }
}
