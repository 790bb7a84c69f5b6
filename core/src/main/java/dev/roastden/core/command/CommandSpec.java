package dev.roastden.core.command;

import java.util.List;
import java.util.Optional;

/**
 * A slash command as registered with Discord and routed by the endpoint.
 *
 * @param privateReply whether the reply is only shown to the invoker (decided before deferring, since a deferred
 *     reply's visibility cannot change later)
 */
public record CommandSpec(String name, String description, boolean privateReply, List<OptionSpec> options) {
    public CommandSpec {
        options = List.copyOf(options);
    }

    /** The top-level option or subcommand called {@code name}. */
    public Optional<OptionSpec> option(String name) {
        return options.stream().filter(o -> o.name().equals(name)).findFirst();
    }
}
