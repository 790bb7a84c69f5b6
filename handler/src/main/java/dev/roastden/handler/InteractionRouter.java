package dev.roastden.handler;

import dev.roastden.core.command.CommandCatalog;
import dev.roastden.core.command.CommandSpec;
import dev.roastden.core.interaction.CommandOptions;
import dev.roastden.core.interaction.Interaction;
import dev.roastden.core.job.DeferredJob;
import dev.roastden.core.job.JobQueue;
import dev.roastden.core.persona.Persona;
import dev.roastden.core.persona.PersonaCatalog;
import dev.roastden.core.response.InteractionResponse;
import dev.roastden.core.response.InteractionResponse.AutocompleteResult;
import dev.roastden.core.response.InteractionResponse.ChannelMessage;
import dev.roastden.core.response.InteractionResponse.Choice;
import dev.roastden.core.response.InteractionResponse.DeferredChannelMessage;
import dev.roastden.core.response.InteractionResponse.Pong;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Decides the in-line answer to a verified interaction, queueing the work that has to happen later. */
public final class InteractionRouter {
    static final String QUEUE_FAILED = "Could not queue that, try again in a moment.";
    static final String GUILD_ONLY = "Roast Den only works in servers: its personas and memories belong to one.";
    static final String NO_COMPONENTS = "That control is not active any more. Use a slash command instead.";

    private final JobQueue queue;
    private final PersonaCatalog personas;

    public InteractionRouter(JobQueue queue, PersonaCatalog personas) {
        this.queue = queue;
        this.personas = personas;
    }

    /** The answer and a one-word outcome for the request log. */
    public record Routed(InteractionResponse response, String outcome) {}

    public Routed route(Interaction interaction) {
        if (interaction instanceof Interaction.Ping) {
            return new Routed(new Pong(), "pong");
        } else if (interaction instanceof Interaction.Autocomplete autocomplete) {
            return new Routed(autocomplete(autocomplete.options()), "autocomplete");
        } else if (interaction instanceof Interaction.ApplicationCommand command) {
            return command(command);
        } else if (interaction instanceof Interaction.MessageComponent
                || interaction instanceof Interaction.ModalSubmit) {
            return new Routed(ChannelMessage.privately(NO_COMPONENTS), "unsupported");
        }
        throw new IllegalArgumentException(
                "Unhandled interaction " + interaction.getClass().getSimpleName());
    }

    private Routed command(Interaction.ApplicationCommand command) {
        Optional<CommandSpec> spec = CommandCatalog.find(command.commandName());
        if (spec.isEmpty()) {
            return new Routed(ChannelMessage.privately(unknownCommand(command.commandName())), "unknown-command");
        }
        if (command.context().guildId().isEmpty()) {
            return new Routed(ChannelMessage.privately(GUILD_ONLY), "not-in-guild");
        }
        try {
            queue.enqueue(DeferredJob.forCommand(command));
        } catch (JobQueue.QueueUnavailableException e) {
            return new Routed(ChannelMessage.privately(QUEUE_FAILED), "queue-unavailable");
        }
        return new Routed(new DeferredChannelMessage(spec.get().privateReply()), "deferred");
    }

    private AutocompleteResult autocomplete(CommandOptions options) {
        Optional<CommandOptions.OptionValue> focused = options.focused();
        if (focused.isEmpty() || !focused.get().name().equals(CommandCatalog.PERSONA_OPTION)) {
            return new AutocompleteResult(List.of());
        }
        List<Choice> choices = personas.search(focused.get().value(), AutocompleteResult.MAX_CHOICES).stream()
                .map(InteractionRouter::choice)
                .toList();
        return new AutocompleteResult(choices);
    }

    private static Choice choice(Persona persona) {
        String label = persona.tagline().isBlank() ? persona.name() : persona.name() + " — " + persona.tagline();
        return new Choice(label, persona.id());
    }

    private static String unknownCommand(String name) {
        String known =
                CommandCatalog.commands().stream().map(c -> "/" + c.name()).collect(Collectors.joining(", "));
        return "Roast Den has no /" + name + " command. It knows " + known
                + ". If this keeps happening, ask a server admin to re-register the commands.";
    }
}
