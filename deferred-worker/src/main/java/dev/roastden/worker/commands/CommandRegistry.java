package dev.roastden.worker.commands;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which handler does which job: slash commands by (command, subcommand), or by command alone for a family that
 * takes all its subcommands; buttons and modal submits by their {@link dev.roastden.core.component.CustomId} kind.
 * Filled in one place (the worker's wiring) and read-only afterwards; registering the same route twice is a wiring
 * bug and fails at start-up, not at the first job.
 */
public final class CommandRegistry {
    private static final String ANY = "";

    private final Map<String, CommandHandler> commands;
    private final Map<String, CommandHandler> components;

    private CommandRegistry(Builder b) {
        this.commands = Map.copyOf(b.commands);
        this.components = Map.copyOf(b.components);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The handler of a command (the subcommand's own, else the command's). */
    public Optional<CommandHandler> command(String command, Optional<String> subcommand) {
        if (subcommand.isPresent()) {
            CommandHandler own = commands.get(key(command, subcommand.get()));
            if (own != null) {
                return Optional.of(own);
            }
        }
        return Optional.ofNullable(commands.get(key(command, ANY)));
    }

    /** The handler of a button or modal by its custom_id kind. */
    public Optional<CommandHandler> component(String kind) {
        return Optional.ofNullable(components.get(kind));
    }

    /** The registered routes, for tests and logs: {@code "command"}, {@code "command sub"} or {@code "#kind"}. */
    public Set<String> routes() {
        Set<String> all = new java.util.TreeSet<>();
        commands.keySet().forEach(k -> all.add(k.strip()));
        components.keySet().forEach(k -> all.add("#" + k));
        return all;
    }

    private static String key(String command, String subcommand) {
        return command + " " + subcommand;
    }

    /** Collects the routes. */
    public static final class Builder {
        private final Map<String, CommandHandler> commands = new LinkedHashMap<>();
        private final Map<String, CommandHandler> components = new LinkedHashMap<>();

        private Builder() {}

        /** The handler of every subcommand of {@code command} that has no handler of its own. */
        public Builder command(String command, CommandHandler handler) {
            put(commands, key(command, ANY), handler);
            return this;
        }

        /** The handler of one subcommand. */
        public Builder subcommand(String command, String subcommand, CommandHandler handler) {
            put(commands, key(command, subcommand), handler);
            return this;
        }

        /** The handler of buttons and modals whose custom_id has this kind. */
        public Builder component(String kind, CommandHandler handler) {
            put(components, kind, handler);
            return this;
        }

        public CommandRegistry build() {
            return new CommandRegistry(this);
        }

        private static void put(Map<String, CommandHandler> routes, String key, CommandHandler handler) {
            if (routes.putIfAbsent(key, handler) != null) {
                throw new IllegalStateException("Two handlers registered for " + key.strip());
            }
        }
    }
}
