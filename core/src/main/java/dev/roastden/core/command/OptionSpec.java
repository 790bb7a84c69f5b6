package dev.roastden.core.command;

import java.util.List;
import java.util.OptionalInt;

/**
 * One option of a command, or a subcommand with its own options.
 *
 * @param maxLength for strings, the longest value Discord accepts
 * @param choices for strings, the only values Discord lets the user pick (each shown as itself); empty for free text
 */
public record OptionSpec(
        String name,
        String description,
        OptionType type,
        boolean required,
        boolean autocomplete,
        OptionalInt maxLength,
        List<OptionSpec> options,
        List<String> choices) {
    public OptionSpec {
        options = List.copyOf(options);
        choices = List.copyOf(choices);
    }

    /** An option without fixed choices. */
    public OptionSpec(
            String name,
            String description,
            OptionType type,
            boolean required,
            boolean autocomplete,
            OptionalInt maxLength,
            List<OptionSpec> options) {
        this(name, description, type, required, autocomplete, maxLength, options, List.of());
    }

    static OptionSpec bool(String name, String description) {
        return new OptionSpec(name, description, OptionType.BOOLEAN, false, false, OptionalInt.empty(), List.of());
    }

    static OptionSpec attachment(String name, String description, boolean required) {
        return new OptionSpec(
                name, description, OptionType.ATTACHMENT, required, false, OptionalInt.empty(), List.of());
    }

    static OptionSpec choice(String name, String description, boolean required, List<String> choices) {
        return new OptionSpec(
                name, description, OptionType.STRING, required, false, OptionalInt.empty(), List.of(), choices);
    }

    static OptionSpec user(String name, String description, boolean required) {
        return new OptionSpec(name, description, OptionType.USER, required, false, OptionalInt.empty(), List.of());
    }

    static OptionSpec text(String name, String description, boolean required, int maxLength) {
        return new OptionSpec(
                name, description, OptionType.STRING, required, false, OptionalInt.of(maxLength), List.of());
    }

    static OptionSpec persona(String description, boolean required) {
        return new OptionSpec(
                CommandCatalog.PERSONA_OPTION,
                description,
                OptionType.STRING,
                required,
                true,
                OptionalInt.of(32),
                List.of());
    }

    static OptionSpec integer(String name, String description) {
        return new OptionSpec(name, description, OptionType.INTEGER, false, false, OptionalInt.empty(), List.of());
    }

    static OptionSpec number(String name, String description) {
        return new OptionSpec(name, description, OptionType.NUMBER, false, false, OptionalInt.empty(), List.of());
    }

    static OptionSpec channel(String name, String description, boolean required) {
        return new OptionSpec(name, description, OptionType.CHANNEL, required, false, OptionalInt.empty(), List.of());
    }

    static OptionSpec subcommand(String name, String description, List<OptionSpec> options) {
        return new OptionSpec(name, description, OptionType.SUB_COMMAND, false, false, OptionalInt.empty(), options);
    }
}
