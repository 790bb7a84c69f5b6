package dev.roastden.core.command;

import java.util.List;
import java.util.Optional;

/**
 * The single definition of Roast Den's commands (slash commands and the context-menu commands on messages and
 * members): the endpoint routes with it and the registration CLI sends it to Discord, so the two can never drift
 * apart. Only {@code /ask} and "Roast this message" are user-installable; everything else needs the server's
 * install, since memories and personas belong to a server.
 */
public final class CommandCatalog {
    public static final String ROAST = "roast";
    public static final String ASK = "ask";
    public static final String REMEMBER = "remember";
    public static final String FORGET = "forget";
    public static final String PERSONA = "persona";
    public static final String MEMORIES = "memories";
    public static final String OPTOUT = "optout";
    public static final String OPTIN = "optin";
    public static final String SETTINGS = "settings";
    public static final String USAGE = "usage";

    public static final String SETTINGS_VIEW = "view";
    public static final String SETTINGS_SET = "set";
    public static final String SETTINGS_CHANNEL_PERSONA = "channel_persona";

    /** Message command: pick a persona to roast a message's author about it. */
    public static final String ROAST_MESSAGE = "Roast this message";
    /** Message command: keep a message as a fact about its author. */
    public static final String REMEMBER_MESSAGE = "Remember this";
    /** User command: pick a persona to roast that member. */
    public static final String ROAST_USER = "Roast them";

    public static final String PERSONA_CREATE = "create";
    public static final String PERSONA_EDIT = "edit";
    public static final String PERSONA_IMPORT = "import";
    public static final String PERSONA_EXPORT = "export";
    public static final String PERSONA_LIST = "list";
    public static final String PERSONA_SHOW = "show";
    public static final String PERSONA_RETIRE = "retire";
    public static final String PERSONA_HIDE = "hide";

    /** The option of {@code /persona create} and {@code /persona import} naming the member the persona is of. */
    public static final String MEMBER_OPTION = "member";
    /** The attachment option of {@code /persona import}. */
    public static final String FILE_OPTION = "file";
    /** The format option of {@code /persona export}. */
    public static final String FORMAT_OPTION = "format";

    public static final String FORMAT_ROASTDEN = "roastden";
    public static final String FORMAT_CARD = "card";

    /** The user option of {@code /remember} (and {@code /memories}) naming the member a fact is about. */
    public static final String ABOUT_OPTION = "about";

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
                            OptionSpec.persona("Who answers (default: a persona picked for you)", false)),
                    CommandSpec.Type.CHAT_INPUT,
                    true),
            new CommandSpec(
                    REMEMBER,
                    "Teach a persona a long-term fact (its Higher Self or server managers only)",
                    true,
                    List.of(
                            OptionSpec.text("fact", "The fact to remember", true, MAX_FACT_LENGTH),
                            OptionSpec.persona("Which persona remembers it (default: your own)", false),
                            OptionSpec.user(
                                    ABOUT_OPTION,
                                    "The member the fact is about (they can delete it with /forget me)",
                                    false))),
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
                                    FORGET_ME, "Forget everything stored about you in this server", List.of()))),
            new CommandSpec(
                    PERSONA,
                    "Create, import and manage this server's personas",
                    true,
                    List.of(
                            OptionSpec.subcommand(
                                    PERSONA_CREATE,
                                    "Create a persona: of a member (they must accept) or fictional (managers)",
                                    List.of(
                                            OptionSpec.text("name", "The persona's name", true, 80),
                                            OptionSpec.user(
                                                    MEMBER_OPTION,
                                                    "The member it is an AI version of (they are asked first)",
                                                    false))),
                            OptionSpec.subcommand(
                                    PERSONA_EDIT,
                                    "Edit a persona (its Higher Self or managers)",
                                    List.of(OptionSpec.persona("Which persona to edit", true))),
                            OptionSpec.subcommand(
                                    PERSONA_IMPORT,
                                    "Import a Roast Den persona JSON or a character card (JSON or PNG)",
                                    List.of(
                                            OptionSpec.attachment(FILE_OPTION, "The persona or card file", true),
                                            OptionSpec.user(
                                                    MEMBER_OPTION,
                                                    "The member it is an AI version of (they are asked first)",
                                                    false))),
                            OptionSpec.subcommand(
                                    PERSONA_EXPORT,
                                    "Download a persona as a file",
                                    List.of(
                                            OptionSpec.persona("Which persona to export", true),
                                            OptionSpec.choice(
                                                    FORMAT_OPTION,
                                                    "roastden (default) or a Character Card V2 JSON",
                                                    false,
                                                    List.of(FORMAT_ROASTDEN, FORMAT_CARD)))),
                            OptionSpec.subcommand(PERSONA_LIST, "List this server's personas", List.of()),
                            OptionSpec.subcommand(
                                    PERSONA_SHOW,
                                    "Show a persona's profile and status",
                                    List.of(OptionSpec.persona("Which persona to show", true))),
                            OptionSpec.subcommand(
                                    PERSONA_RETIRE,
                                    "Retire a persona so it stops speaking (its Higher Self or managers)",
                                    List.of(OptionSpec.persona("Which persona to retire", true))))),
            new CommandSpec(
                    MEMORIES,
                    "See what the personas remember, with ids and who added each",
                    true,
                    List.of(
                            OptionSpec.persona("Only this persona's memories", false),
                            OptionSpec.user("about", "Only memories about this member", false))),
            new CommandSpec(
                    OPTOUT,
                    "Stop every persona here from roasting, pinging or talking about you",
                    true,
                    List.of(OptionSpec.bool("delete_data", "Also delete everything stored about you here"))),
            new CommandSpec(OPTIN, "Let the personas here talk about you again", true, List.of()),
            new CommandSpec(
                    SETTINGS,
                    "View or change this server's limits, budget and defaults (Manage Server)",
                    true,
                    List.of(
                            OptionSpec.subcommand(SETTINGS_VIEW, "Show this server's settings", List.of()),
                            OptionSpec.subcommand(
                                    SETTINGS_SET,
                                    "Change one or more settings; the others stay as they are",
                                    List.of(
                                            OptionSpec.integer(
                                                    ServerSettingsOptions.PER_MEMBER_PER_MINUTE,
                                                    "Persona replies one member may ask for per minute"),
                                            OptionSpec.integer(
                                                    ServerSettingsOptions.PER_SERVER_PER_HOUR,
                                                    "Persona replies the whole server may ask for per hour"),
                                            OptionSpec.number(
                                                    ServerSettingsOptions.MONTHLY_BUDGET_USD,
                                                    "Most the server may spend on the model per month, in US dollars"),
                                            OptionSpec.integer(
                                                    ServerSettingsOptions.DAILY_CAP_PER_MEMBER,
                                                    "Persona replies one member may ask for per day"),
                                            OptionSpec.channel(
                                                    ServerSettingsOptions.ALERTS_CHANNEL,
                                                    "Where budget and failure alerts for managers go",
                                                    false),
                                            OptionSpec.bool(
                                                    ServerSettingsOptions.MENTIONS,
                                                    "Whether personas answer @mentions"),
                                            OptionSpec.integer(
                                                    ServerSettingsOptions.MAX_BATTLE_ROUNDS,
                                                    "Most rounds in a roast battle"),
                                            OptionSpec.integer(
                                                    ServerSettingsOptions.FALLBACK_AT_PERCENT,
                                                    "Past this % of the budget use the cheaper fallback model (0: never)"))),
                            OptionSpec.subcommand(
                                    SETTINGS_CHANNEL_PERSONA,
                                    "Set the persona that answers in a channel when none is named",
                                    List.of(
                                            OptionSpec.channel("channel", "The channel", true),
                                            OptionSpec.persona("The persona (leave out to clear)", false)))),
                    Optional.of(CommandSpec.MANAGE_GUILD)),
            new CommandSpec(
                    USAGE,
                    "This month's use and cost: the server's for managers, your own share for everyone",
                    true,
                    List.of()),
            CommandSpec.contextMenu(ROAST_MESSAGE, CommandSpec.Type.MESSAGE, true),
            CommandSpec.contextMenu(REMEMBER_MESSAGE, CommandSpec.Type.MESSAGE, false),
            CommandSpec.contextMenu(ROAST_USER, CommandSpec.Type.USER, false));

    private CommandCatalog() {}

    /** Every command, in registration order. */
    public static List<CommandSpec> commands() {
        return COMMANDS;
    }

    /**
     * Whether the reply to this invocation is private. Decided before deferring, since a deferred reply's visibility
     * cannot change later: a persona of a member is announced in the channel, so its member sees the request, and
     * {@code /persona list} is for everyone.
     */
    public static boolean privateReply(String command, java.util.Optional<String> subcommand, boolean memberGiven) {
        if (command.equals(PERSONA)) {
            String sub = subcommand.orElse("");
            if (sub.equals(PERSONA_LIST)) {
                return false;
            }
            if (sub.equals(PERSONA_IMPORT) || sub.equals(PERSONA_CREATE)) {
                return !memberGiven;
            }
            return true;
        }
        return find(command).map(CommandSpec::privateReply).orElse(true);
    }

    /**
     * The longest value the catalog lets {@code option} of {@code command} (and {@code subcommand}) have, when it
     * has a limit. Discord's client holds users to it; the endpoint checks it again for every other client.
     */
    public static java.util.OptionalInt maxLength(String command, Optional<String> subcommand, String option) {
        Optional<CommandSpec> spec = find(command);
        if (spec.isEmpty()) {
            return java.util.OptionalInt.empty();
        }
        List<OptionSpec> options = spec.get().options();
        if (subcommand.isPresent()) {
            options =
                    spec.get().option(subcommand.get()).map(OptionSpec::options).orElse(List.of());
        }
        return options.stream()
                .filter(o -> o.name().equals(option))
                .findFirst()
                .map(OptionSpec::maxLength)
                .orElse(java.util.OptionalInt.empty());
    }

    /** The command called {@code name}, if Roast Den has one. */
    public static Optional<CommandSpec> find(String name) {
        return COMMANDS.stream().filter(c -> c.name().equals(name)).findFirst();
    }
}
