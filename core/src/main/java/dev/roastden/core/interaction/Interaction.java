package dev.roastden.core.interaction;

/**
 * An interaction Discord posts to the endpoint. Each interaction type is its own record, so a {@code switch}
 * over an {@code Interaction} is exhaustive and a new type cannot be forgotten.
 */
public sealed interface Interaction
        permits Interaction.Ping,
                Interaction.ApplicationCommand,
                Interaction.MessageComponent,
                Interaction.Autocomplete,
                Interaction.ModalSubmit {

    /** The interaction's snowflake id. */
    String id();

    /** Type 1: Discord checking that the endpoint is alive. */
    record Ping(String id, String applicationId) implements Interaction {}

    /**
     * Type 2: a slash command, or a context-menu command on a user or a message.
     *
     * @param commandType Discord's command type: 1 slash, 2 user, 3 message
     * @param targetId the user or message a context-menu command was used on ({@code data.target_id})
     * @param targetMessage the message a message command was used on, as {@code data.resolved.messages} has it
     */
    record ApplicationCommand(
            InteractionContext context,
            String commandName,
            CommandOptions options,
            int commandType,
            java.util.Optional<String> targetId,
            java.util.Optional<TargetMessage> targetMessage)
            implements Interaction {
        /** A slash command. */
        public ApplicationCommand(InteractionContext context, String commandName, CommandOptions options) {
            this(context, commandName, options, 1, java.util.Optional.empty(), java.util.Optional.empty());
        }

        @Override
        public String id() {
            return context.id();
        }
    }

    /** Type 3: a click on a button or a choice in a select menu. */
    record MessageComponent(
            InteractionContext context, String customId, int componentType, java.util.List<String> values)
            implements Interaction {
        public MessageComponent {
            values = java.util.List.copyOf(values);
        }

        @Override
        public String id() {
            return context.id();
        }
    }

    /** Type 4: the user is typing into an option with autocomplete; answered in-line with choices. */
    record Autocomplete(InteractionContext context, String commandName, CommandOptions options) implements Interaction {
        @Override
        public String id() {
            return context.id();
        }
    }

    /** Type 5: a submitted modal form. */
    record ModalSubmit(InteractionContext context, String customId, java.util.Map<String, String> fields)
            implements Interaction {
        public ModalSubmit {
            fields = java.util.Map.copyOf(fields);
        }

        @Override
        public String id() {
            return context.id();
        }
    }
}
