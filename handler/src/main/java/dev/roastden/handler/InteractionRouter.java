package dev.roastden.handler;

import dev.roastden.core.command.CommandCatalog;
import dev.roastden.core.command.CommandSpec;
import dev.roastden.core.interaction.Interaction;
import dev.roastden.core.job.DeferredJob;
import dev.roastden.core.job.JobQueue;
import dev.roastden.core.persona.PersonaCatalog;
import dev.roastden.core.response.InteractionResponse;
import dev.roastden.core.response.InteractionResponse.ChannelMessage;
import dev.roastden.core.response.InteractionResponse.DeferredChannelMessage;
import dev.roastden.core.response.InteractionResponse.Pong;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Decides the in-line answer to a verified interaction, queueing the work that has to happen later.
 *
 * <p>Thin on purpose: it sorts interactions by type and command and hands them to one collaborator each
 * ({@link PersonaAutocomplete}, {@link PersonaCommands} for the two subcommands answered with a form, {@link
 * ComponentRouter} for buttons and modal submits, {@link ContextCommands} for the commands on a message or a
 * member); every other command is deferred and queued. Only guild interactions do anything, since personas and
 * memories belong to a server, except the user-installable commands ({@code /ask}, "Roast this message") and their
 * persona picker, which work anywhere with the bundled personas.
 */
public final class InteractionRouter {
    static final String QUEUE_FAILED = "Could not queue that, try again in a moment.";
    static final String GUILD_ONLY = "Roast Den only works in servers: its personas and memories belong to one.";

    private final Deferral deferral;
    private final PersonaAutocomplete autocomplete;
    private final PersonaCommands personaCommands;
    private final ComponentRouter components;
    private final ContextCommands contextCommands;

    /** A router without the persona table: autocomplete offers the bundled personas, edit cannot load. */
    public InteractionRouter(JobQueue queue, PersonaCatalog personas) {
        this(queue, personas, PersonaReads.NONE);
    }

    public InteractionRouter(JobQueue queue, PersonaCatalog personas, PersonaReads reads) {
        this.deferral = new Deferral(queue);
        this.autocomplete = new PersonaAutocomplete(personas, reads);
        this.personaCommands = new PersonaCommands(personas, reads);
        this.components = new ComponentRouter(deferral);
        this.contextCommands = new ContextCommands(deferral);
    }

    /**
     * The answer and a one-word outcome for the request log.
     *
     * @param detail why a read was answered without (logged; never a token or message text)
     */
    public record Routed(InteractionResponse response, String outcome, Optional<String> detail) {
        public Routed(InteractionResponse response, String outcome) {
            this(response, outcome, Optional.empty());
        }

        static Routed privately(String content, String outcome) {
            return new Routed(ChannelMessage.privately(content), outcome);
        }
    }

    public Routed route(Interaction interaction) {
        if (interaction instanceof Interaction.Ping) {
            return new Routed(new Pong(), "pong");
        } else if (interaction instanceof Interaction.Autocomplete typing) {
            return autocomplete.answer(typing);
        } else if (interaction instanceof Interaction.ApplicationCommand command) {
            return command(command);
        } else if (interaction instanceof Interaction.MessageComponent component) {
            return component.context().guildId().isEmpty() && !ComponentRouter.worksOutsideServers(component)
                    ? notInGuild()
                    : components.component(component);
        } else if (interaction instanceof Interaction.ModalSubmit modal) {
            return modal.context().guildId().isEmpty() ? notInGuild() : components.modal(modal);
        }
        throw new IllegalArgumentException(
                "Unhandled interaction " + interaction.getClass().getSimpleName());
    }

    private Routed command(Interaction.ApplicationCommand command) {
        String name = command.commandName();
        if (CommandCatalog.find(name).isEmpty()) {
            return Routed.privately(unknownCommand(name), "unknown-command");
        }
        CommandSpec spec = CommandCatalog.find(name).orElseThrow();
        if (command.context().guildId().isEmpty() && !spec.userInstallable()) {
            return notInGuild();
        }
        if (spec.type() != CommandSpec.Type.CHAT_INPUT) {
            return contextCommands.route(command, spec);
        }
        String subcommand = command.options().subcommand().orElse("");
        if (name.equals(CommandCatalog.PERSONA) && subcommand.equals(CommandCatalog.PERSONA_CREATE)) {
            return personaCommands.create(command);
        }
        if (name.equals(CommandCatalog.PERSONA) && subcommand.equals(CommandCatalog.PERSONA_EDIT)) {
            return personaCommands.edit(command);
        }
        boolean memberGiven =
                command.options().get(CommandCatalog.MEMBER_OPTION).isPresent();
        boolean privately = CommandCatalog.privateReply(name, command.options().subcommand(), memberGiven);
        return deferral.queue(DeferredJob.forCommand(command), new DeferredChannelMessage(privately), "deferred");
    }

    private static Routed notInGuild() {
        return Routed.privately(GUILD_ONLY, "not-in-guild");
    }

    private static String unknownCommand(String name) {
        String known = CommandCatalog.commands().stream()
                .filter(c -> c.type() == CommandSpec.Type.CHAT_INPUT)
                .map(c -> "/" + c.name())
                .collect(Collectors.joining(", "));
        return "Roast Den has no /" + name + " command. It knows " + known
                + ". If this keeps happening, ask a server admin to re-register the commands.";
    }

    /** Queues a job and answers with what the caller chose, or privately says to try again when it cannot. */
    static final class Deferral {
        private final JobQueue queue;

        Deferral(JobQueue queue) {
            this.queue = queue;
        }

        Routed queue(DeferredJob job, InteractionResponse answer, String outcome) {
            try {
                queue.enqueue(job);
            } catch (JobQueue.QueueUnavailableException e) {
                return Routed.privately(QUEUE_FAILED, "queue-unavailable");
            }
            return new Routed(answer, outcome);
        }
    }
}
