package dev.roastden.core.command;

import java.util.List;
import java.util.Optional;

/**
 * A slash command as registered with Discord and routed by the endpoint.
 *
 * @param privateReply whether the reply is only shown to the invoker (decided before deferring, since a deferred
 *     reply's visibility cannot change later)
 * @param defaultMemberPermissions Discord's {@code default_member_permissions} bit set (a decimal string): only
 *     members with these permissions see and may use the command unless a server changes it. A hint for Discord's
 *     client, never the check itself: the worker checks the invoker's permissions again
 */
public record CommandSpec(
        String name,
        String description,
        boolean privateReply,
        List<OptionSpec> options,
        Optional<String> defaultMemberPermissions) {
    /** Discord's MANAGE_GUILD permission bit ("Manage Server"), 1 << 5. */
    public static final String MANAGE_GUILD = "32";

    public CommandSpec {
        options = List.copyOf(options);
        java.util.Objects.requireNonNull(defaultMemberPermissions, "defaultMemberPermissions");
    }

    /** A command every member may use. */
    public CommandSpec(String name, String description, boolean privateReply, List<OptionSpec> options) {
        this(name, description, privateReply, options, Optional.empty());
    }

    /** The top-level option or subcommand called {@code name}. */
    public Optional<OptionSpec> option(String name) {
        return options.stream().filter(o -> o.name().equals(name)).findFirst();
    }
}
