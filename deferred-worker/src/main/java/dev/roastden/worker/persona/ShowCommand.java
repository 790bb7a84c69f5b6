package dev.roastden.worker.persona;

import dev.roastden.core.command.CommandCatalog;
import dev.roastden.core.job.DeferredJob;
import dev.roastden.core.persona.Persona;
import dev.roastden.worker.commands.Attempt;
import dev.roastden.worker.commands.CommandHandler;
import dev.roastden.worker.commands.ReplyProducer.Produced;
import dev.roastden.worker.reply.Reply;
import java.util.List;
import java.util.Optional;

/** {@code /persona show persona} (private): the profile, its status and its Higher Self (named, never pinged). */
public final class ShowCommand implements CommandHandler {
    private final PersonaTools tools;

    public ShowCommand(PersonaTools tools) {
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
        Persona p = found.get().persona();
        StringBuilder out = new StringBuilder();
        out.append("**").append(p.name()).append("** (`").append(p.id()).append("`) — ");
        out.append(found.get().status().wire()).append(found.get().bundled() ? " · bundled default" : "");
        if (p.higherSelf()
                .map(h -> tools.consent().hasOptedOut(job.guildId().get(), h))
                .orElse(false)) {
            out.append(" · silent: its member opted out here");
        }
        out.append("\nHigher Self: ")
                .append(p.higherSelf().map(h -> "<@" + h + ">").orElse("none (fictional)"));
        out.append("\n> ").append(p.tagline());
        out.append("\n\n").append(p.summary());
        section(out, "Traits", p.traits());
        section(out, "How they talk", p.speechPatterns());
        section(out, "Catchphrases", p.catchphrases());
        section(out, "Interests", p.interests());
        out.append("\n\n**How they roast**\n").append(p.roastStyle());
        section(out, "Never jokes about", p.boundaries());
        if (!p.memoryTriggers().isEmpty()) {
            out.append("\n\n**Shared memories**: ").append(p.memoryTriggers().size());
        }
        if (!p.notes().isEmpty()) {
            out.append("\n**Author notes**: ").append(p.notes().size()).append(" (below the safety rules)");
        }
        // No ping: the reply's ping list is empty, so <@id> only names them.
        return Produced.of(Reply.notice(out.toString()));
    }

    private static void section(StringBuilder out, String title, List<String> items) {
        if (items.isEmpty()) {
            return;
        }
        out.append("\n\n**").append(title).append("**");
        items.forEach(i -> out.append("\n• ").append(i));
    }
}
