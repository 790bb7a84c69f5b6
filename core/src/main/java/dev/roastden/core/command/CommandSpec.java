package dev.roastden.core.command;

import java.util.List;
import java.util.Optional;

/**
 * An application command as registered with Discord and routed by the endpoint: a slash command, or a context-menu
 * command on a user or a message (those have a display name, no description and no options).
 *
 * @param privateReply whether the reply is only shown to the invoker (decided before deferring, since a deferred
 *     reply's visibility cannot change later)
 * @param defaultMemberPermissions Discord's {@code default_member_permissions} bit set (a decimal string): only
 *     members with these permissions see and may use the command unless a server changes it. A hint for Discord's
 *     client, never the check itself: the worker checks the invoker's permissions again
 * @param type what kind of command it is
 * @param userInstallable whether it also works where the app is installed by a user (DMs, servers without the bot);
 *     everything else is a guild-install, guild-only command
 */
public record CommandSpec(
        String name,
        String description,
        boolean privateReply,
        List<OptionSpec> options,
        Optional<String> defaultMemberPermissions,
        Type type,
        boolean userInstallable) {
    /** Discord's MANAGE_GUILD permission bit ("Manage Server"), 1 << 5. */
    public static final String MANAGE_GUILD = "32";

    public CommandSpec {
        options = List.copyOf(options);
        java.util.Objects.requireNonNull(defaultMemberPermissions, "defaultMemberPermissions");
        java.util.Objects.requireNonNull(type, "type");
        if (type != Type.CHAT_INPUT && (!description.isEmpty() || !options.isEmpty())) {
            throw new IllegalArgumentException("A context-menu command has no description and no options");
        }
    }

    /** A guild-only slash command every member may use. */
    public CommandSpec(String name, String description, boolean privateReply, List<OptionSpec> options) {
        this(name, description, privateReply, options, Optional.empty(), Type.CHAT_INPUT, false);
    }

    /** A guild-only slash command for members with these permissions. */
    public CommandSpec(
            String name,
            String description,
            boolean privateReply,
            List<OptionSpec> options,
            Optional<String> defaultMemberPermissions) {
        this(name, description, privateReply, options, defaultMemberPermissions, Type.CHAT_INPUT, false);
    }

    /** A command of any type every member may use. */
    public CommandSpec(
            String name,
            String description,
            boolean privateReply,
            List<OptionSpec> options,
            Type type,
            boolean userInstallable) {
        this(name, description, privateReply, options, Optional.empty(), type, userInstallable);
    }

    /** A context-menu command: always answered privately first. */
    public static CommandSpec contextMenu(String name, Type type, boolean userInstallable) {
        return new CommandSpec(name, "", true, List.of(), type, userInstallable);
    }

    /** The top-level option or subcommand called {@code name}. */
    public Optional<OptionSpec> option(String name) {
        return options.stream().filter(o -> o.name().equals(name)).findFirst();
    }

    /** Discord's application command types. */
    public enum Type {
        /** A slash command. */
        CHAT_INPUT(1),
        /** "Apps" on a user's context menu. */
        USER(2),
        /** "Apps" on a message's context menu. */
        MESSAGE(3);

        private final int code;

        Type(int code) {
            this.code = code;
        }

        public int code() {
            return code;
        }

        /** The type with Discord's code, CHAT_INPUT for anything else. */
        public static Type of(int code) {
            for (Type type : values()) {
                if (type.code == code) {
                    return type;
                }
            }
            return CHAT_INPUT;
        }
    }
}
