package dev.roastden.worker.memories;

import dev.roastden.core.command.CommandCatalog;
import dev.roastden.core.interaction.DiscordUser;
import dev.roastden.core.job.DeferredJob;
import dev.roastden.core.memory.Fact;
import dev.roastden.core.memory.ForgetCounts;
import dev.roastden.core.memory.MemoryStore;
import dev.roastden.core.persona.Persona;
import dev.roastden.worker.commands.Attempt;
import dev.roastden.worker.commands.CommandHandler;
import dev.roastden.worker.commands.ReplyProducer.Produced;
import dev.roastden.worker.persona.PersonaDirectory;
import dev.roastden.worker.reply.Reply;
import java.util.List;
import java.util.Optional;

/**
 * {@code /forget memory|persona|me}: deletes one fact (its teacher, someone it is about, the persona's Higher Self
 * or a manager may), a persona's whole memory (its Higher Self or a manager), or everything about the caller. A
 * repeated attempt may find its work already done, so it says what is true now rather than counting.
 */
public final class ForgetCommand implements CommandHandler {
    private final MemoryStore memory;
    private final PersonaDirectory personas;

    public ForgetCommand(MemoryStore memory, PersonaDirectory personas) {
        this.memory = memory;
        this.personas = personas;
    }

    @Override
    public Produced handle(DeferredJob job, Attempt attempt) {
        return Produced.of(forget(job, attempt.repeated()));
    }

    private Reply forget(DeferredJob job, boolean repeated) {
        if (job.guildId().isEmpty()) {
            return Reply.notice("Memories live in a server: use /forget there.");
        }
        String guild = job.guildId().get();
        DiscordUser invoker = job.user();
        PersonaDirectory.Server server = personas.in(guild);
        List<String> personaIds = server.allIds();
        switch (job.subcommand().orElse("")) {
            case CommandCatalog.FORGET_MEMORY:
                return forgetMemory(job, server, invoker, personaIds, repeated);
            case CommandCatalog.FORGET_PERSONA: {
                String typed = job.option(CommandCatalog.PERSONA_OPTION).orElse("");
                // Hidden and retired personas keep their memories until forgotten, so they can be named here.
                Optional<Persona> persona = server.find(typed)
                        .map(PersonaDirectory.Found::persona)
                        .or(() -> personas.bundled().find(typed));
                if (persona.isEmpty()) {
                    return Reply.notice(MemoryTexts.unknownPersona(typed, server));
                }
                Persona p = persona.get();
                if (!p.isHigherSelf(invoker.id()) && !invoker.canManageServer()) {
                    return Reply.notice("Only " + p.name() + "'s Higher Self or members with Manage Server can wipe "
                            + p.name() + "'s memory.");
                }
                ForgetCounts counts = memory.forgetPersona(guild, p.id());
                if (repeated) {
                    return Reply.notice(p.name() + " forgot everything from this server: it's all deleted.");
                }
                return Reply.notice(
                        p.name() + " forgot everything from this server: " + MemoryTexts.describe(counts) + ".");
            }
            case CommandCatalog.FORGET_ME:
                return Reply.notice(forgetMe(memory, guild, invoker.id(), personaIds, repeated));
            default:
                return Reply.notice("Use `/forget memory`, `/forget persona` or `/forget me`.");
        }
    }

    private Reply forgetMemory(
            DeferredJob job,
            PersonaDirectory.Server server,
            DiscordUser invoker,
            List<String> personaIds,
            boolean repeated) {
        String guild = server.scope();
        Optional<String> id = job.option("id").flatMap(Fact::normaliseId);
        if (id.isEmpty()) {
            return Reply.notice("That isn't a memory id. Ids look like `01JD5Q8Z3N4V6W7X8Y9Z0A1B2C`.");
        }
        Optional<Fact> fact = memory.findFact(guild, personaIds, id.get());
        if (fact.isEmpty()) {
            if (repeated) {
                return Reply.notice("Forgotten: memory `" + id.get() + "` is already deleted.");
            }
            return Reply.notice("No memory `" + id.get() + "` in this server (already forgotten?).");
        }
        Fact f = fact.get();
        boolean higherSelf = server.find(f.personaId())
                .map(p -> p.persona().isHigherSelf(invoker.id()))
                .orElse(false);
        if (!f.involves(invoker.id()) && !higherSelf && !invoker.canManageServer()) {
            return Reply.notice("Only the person who taught it, someone it's about, the persona's Higher Self "
                    + "or members with Manage Server can delete that memory.");
        }
        boolean deleted = memory.deleteFact(f);
        return Reply.notice(deleted ? "Forgotten: memory `" + f.id() + "` (1 fact deleted)." : "Already gone.");
    }

    /** What {@code /forget me} does and says; {@code /optout delete_data} does the same. */
    public static String forgetMe(
            MemoryStore memory, String guild, String userId, List<String> personaIds, boolean repeated) {
        ForgetCounts counts = memory.forgetUser(guild, userId, personaIds);
        if (repeated) {
            return "Done. Everything stored about you in this server is deleted."
                    + " (New conversations are remembered again; they expire after 30 days.)";
        }
        return "Done. Deleted everything stored about you in this server: " + MemoryTexts.describe(counts)
                + ". (New conversations are remembered again; they expire after 30 days.)";
    }
}
