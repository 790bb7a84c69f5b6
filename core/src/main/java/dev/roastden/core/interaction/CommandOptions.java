package dev.roastden.core.interaction;

import java.util.List;
import java.util.Optional;

/**
 * The options a user filled in, flattened: when the command has a subcommand, {@link #subcommand()} names it and
 * {@link #values()} are the subcommand's options.
 */
public record CommandOptions(Optional<String> subcommand, List<OptionValue> values) {
    public CommandOptions {
        values = List.copyOf(values);
    }

    public static CommandOptions none() {
        return new CommandOptions(Optional.empty(), List.of());
    }

    /** The value of the option called {@code name}, when given. */
    public Optional<String> get(String name) {
        return values.stream()
                .filter(v -> v.name().equals(name))
                .map(OptionValue::value)
                .findFirst();
    }

    /** The option the user is typing into, for autocomplete. */
    public Optional<OptionValue> focused() {
        return values.stream().filter(OptionValue::focused).findFirst();
    }

    /**
     * One filled-in option.
     *
     * @param name the option name
     * @param type Discord's application command option type
     * @param value the value as text (numbers, booleans and snowflakes as Discord wrote them)
     * @param focused whether the user is typing into it (autocomplete only)
     */
    public record OptionValue(String name, int type, String value, boolean focused) {}
}
