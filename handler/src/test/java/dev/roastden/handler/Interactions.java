package dev.roastden.handler;

import dev.roastden.core.interaction.CommandOptions;
import dev.roastden.core.interaction.CommandOptions.OptionValue;
import dev.roastden.core.interaction.DiscordUser;
import dev.roastden.core.interaction.Interaction;
import dev.roastden.core.interaction.InteractionContext;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Interaction records for router tests: a guild, a channel, an invoker with or without Manage Server. */
final class Interactions {
    static final String GUILD = "1200000000000000001";
    static final String MEMBER = "100000000000000004";
    static final String OTHER = "100000000000000009";
    static final String MANAGE_SERVER = Long.toString(DiscordUser.MANAGE_GUILD);

    private Interactions() {}

    static DiscordUser user(String id, String permissions) {
        return new DiscordUser(id, "user-" + id, false, permissions);
    }

    static InteractionContext context(DiscordUser invoker, Optional<String> guild, Map<String, DiscordUser> resolved) {
        return new InteractionContext(
                "1310000000000000001",
                "1200000000000000003",
                "test-token",
                guild,
                Optional.of("1200000000000000002"),
                invoker,
                "en-US",
                resolved,
                Map.of(),
                Optional.of("1310000000000000099"));
    }

    static InteractionContext inGuild(DiscordUser invoker) {
        return context(invoker, Optional.of(GUILD), Map.of());
    }

    static OptionValue option(String name, String value) {
        return new OptionValue(name, 3, value, false);
    }

    static OptionValue focused(String name, String value) {
        return new OptionValue(name, 3, value, true);
    }

    static Interaction.ApplicationCommand command(
            InteractionContext context, String name, Optional<String> subcommand, OptionValue... options) {
        return new Interaction.ApplicationCommand(
                context, name, new CommandOptions(subcommand, Arrays.asList(options)));
    }

    static Interaction.Autocomplete autocomplete(
            InteractionContext context, String name, Optional<String> subcommand, OptionValue... options) {
        return new Interaction.Autocomplete(context, name, new CommandOptions(subcommand, Arrays.asList(options)));
    }

    static Interaction.MessageComponent button(InteractionContext context, String customId) {
        return new Interaction.MessageComponent(context, customId, 2, List.of());
    }

    static Interaction.ModalSubmit modal(InteractionContext context, String customId) {
        return new Interaction.ModalSubmit(context, customId, Map.of("name", "Sam", "summary", "Always late."));
    }
}
