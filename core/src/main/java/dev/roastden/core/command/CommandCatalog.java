package dev.roastden.core.command;

import java.util.List;
import java.util.Optional;

/**
 * The single definition of Roast Den's slash commands: the endpoint routes with it and the registration CLI sends
 * it to Discord, so the two can never drift apart.
 */
public final class CommandCatalog {
    public static final String ROAST = "roast";
    public static final String ASK = "ask";
    public static final String REMEMBER = "remember";
    public static final String FORGET = "forget";

    /** The option that names a persona; answered by autocomplete. */
    public static final String PERSONA_OPTION = "persona";

    public static final String FORGET_MEMORY = "memory";
    public static final String FORGET_PERSONA = "persona";
    public static final String FORGET_ME = "me";

    /** Longest text a user may pass in a free-text option. */
    public static final int MAX_TOPIC_LENGTH = 200;

    public static final int MAX_QUESTION_LENGTH = 500;
    public static final int MAX_FACT_LENGTH = 300;

    private static final List<CommandSpec> COMMANDS = List.of(
            new CommandSpec(
                    ROAST,
                    "Have a persona roast someone in the server",
                    false,
                    List.of(
                            OptionSpec.user("target", "Who gets roasted", true),
                            OptionSpec.persona("Which persona does the roasting", true),
                            OptionSpec.text("topic", "Something to roast them about", false, MAX_TOPIC_LENGTH))),
            new CommandSpec(
                    ASK,
                    "Ask a persona something and get an answer in character",
                    false,
                    List.of(
                            OptionSpec.text("question", "What you want to know", true, MAX_QUESTION_LENGTH),
                            OptionSpec.persona("Who answers (default: a persona picked for you)", false))),
            new CommandSpec(
                    REMEMBER,
                    "Teach a persona a long-term fact (its Higher Self or server managers only)",
                    true,
                    List.of(
                            OptionSpec.text("fact", "The fact to remember", true, MAX_FACT_LENGTH),
                            OptionSpec.persona("Which persona remembers it (default: your own)", false))),
            new CommandSpec(
                    FORGET,
                    "Delete memories",
                    true,
                    List.of(
                            OptionSpec.subcommand(
                                    FORGET_MEMORY,
                                    "Forget one memory by its id",
                                    List.of(OptionSpec.text("id", "The memory id shown by /remember", true, 40))),
                            OptionSpec.subcommand(
                                    FORGET_PERSONA,
                                    "Forget everything a persona remembers in this server",
                                    List.of(OptionSpec.persona("Whose memories to delete", true))),
                            OptionSpec.subcommand(
                                    FORGET_ME, "Forget everything stored about you in this server", List.of()))));

    private CommandCatalog() {}

    /** Every command, in registration order. */
    public static List<CommandSpec> commands() {
        return COMMANDS;
    }

    /** The command called {@code name}, if Roast Den has one. */
    public static Optional<CommandSpec> find(String name) {
        return COMMANDS.stream().filter(c -> c.name().equals(name)).findFirst();
    }
}
