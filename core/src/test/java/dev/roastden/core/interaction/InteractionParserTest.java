package dev.roastden.core.interaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InteractionParserTest {
    private final InteractionParser parser = new InteractionParser();

    @Test
    void readsAPing() throws Exception {
        assertThat(parser.parse(sample("ping"))).isInstanceOf(Interaction.Ping.class);
    }

    @Test
    void readsARoastWithItsOptionsInvokerAndResolvedTarget() throws Exception {
        var roast = (Interaction.ApplicationCommand) parser.parse(sample("roast"));
        assertThat(roast.commandName()).isEqualTo("roast");
        assertThat(roast.options().subcommand()).isEmpty();
        assertThat(roast.options().get("target")).contains("100000000000000006");
        assertThat(roast.options().get("persona")).contains("ford");
        assertThat(roast.options().get("topic")).contains("their sourdough phase");
        InteractionContext context = roast.context();
        assertThat(context.guildId()).contains("1200000000000000001");
        assertThat(context.channelId()).contains("1200000000000000002");
        assertThat(context.token()).isEqualTo("test-only-token-roast");
        assertThat(context.invoker().displayName()).isEqualTo("Sammy");
        assertThat(context.invoker().canManageServer()).isTrue();
        assertThat(context.resolvedUsers().get("100000000000000006").displayName())
                .isEqualTo("Riles");
    }

    @Test
    void flattensSubcommands() throws Exception {
        var forget = (Interaction.ApplicationCommand) parser.parse(sample("forget-memory"));
        assertThat(forget.options().subcommand()).contains("memory");
        assertThat(forget.options().get("id")).contains("01JDEXAMPLE0000000000000000");

        var forgetMe = (Interaction.ApplicationCommand) parser.parse(sample("forget-me"));
        assertThat(forgetMe.options().subcommand()).contains("me");
        assertThat(forgetMe.options().values()).isEmpty();
    }

    @Test
    void readsTheFocusedOptionOfAnAutocomplete() throws Exception {
        var autocomplete = (Interaction.Autocomplete) parser.parse(sample("autocomplete-persona"));
        assertThat(autocomplete.options().focused())
                .map(CommandOptions.OptionValue::name)
                .contains("persona");
        assertThat(autocomplete.options().focused().map(CommandOptions.OptionValue::value))
                .contains("fo");
    }

    @Test
    void usesTheUserInDirectMessagesAndDefaultsPermissionsToNone() throws Exception {
        String dm = "{\"type\":2,\"id\":\"1\",\"application_id\":\"2\",\"token\":\"t\",\"channel_id\":\"3\","
                + "\"user\":{\"id\":\"4\",\"username\":\"solo\"},\"data\":{\"name\":\"ask\"}}";
        var command = (Interaction.ApplicationCommand) parser.parse(dm.getBytes(StandardCharsets.UTF_8));
        assertThat(command.context().guildId()).isEmpty();
        assertThat(command.context().invoker()).isEqualTo(new DiscordUser("4", "solo", false, "0"));
        assertThat(command.context().locale()).isEqualTo("en-US");
    }

    @Test
    void readsComponentsAndModals() throws Exception {
        String click = "{\"type\":3,\"id\":\"1\",\"application_id\":\"2\",\"token\":\"t\",\"guild_id\":\"9\","
                + "\"member\":{\"user\":{\"id\":\"4\",\"username\":\"a\"},\"permissions\":\"0\"},"
                + "\"data\":{\"custom_id\":\"again\",\"component_type\":2}}";
        var component = (Interaction.MessageComponent) parser.parse(click.getBytes(StandardCharsets.UTF_8));
        assertThat(component.customId()).isEqualTo("again");
        assertThat(component.componentType()).isEqualTo(2);
        assertThat(component.context().guildId()).contains("9");
        String modal = click.replace("\"type\":3", "\"type\":5")
                .replace(
                        "{\"custom_id\":\"again\",\"component_type\":2}",
                        "{\"custom_id\":\"form\",\"components\":[{\"type\":1,\"components\":"
                                + "[{\"type\":4,\"custom_id\":\"fact\",\"value\":\"hi\"}]}]}");
        var submit = (Interaction.ModalSubmit) parser.parse(modal.getBytes(StandardCharsets.UTF_8));
        assertThat(submit.fields()).containsEntry("fact", "hi");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "not json",
                "[1,2]",
                "{\"type\":\"x\"}",
                "{\"type\":1}",
                "{\"type\":9,\"id\":\"1\",\"application_id\":\"2\",\"token\":\"t\",\"user\":{\"id\":\"4\"},\"data\":{}}",
                "{\"type\":2,\"id\":\"1\",\"application_id\":\"2\",\"token\":\"t\",\"user\":{\"id\":\"4\"}}",
                "{\"type\":2,\"id\":\"1\",\"application_id\":\"2\",\"user\":{\"id\":\"4\"},\"data\":{\"name\":\"a\"}}",
                "{\"type\":2,\"id\":\"1\",\"application_id\":\"2\",\"token\":\"t\",\"data\":{\"name\":\"a\"}}",
                "{\"type\":1,\"id\":\"1\",\"application_id\":\"2\"",
            })
    void rejectsWhatIsNotAnInteraction(String body) {
        assertThatThrownBy(() -> parser.parse(body.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MalformedInteractionException.class)
                .hasMessageStartingWith("The ");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"type\":1.9,\"id\":\"1310000000000000000\",\"application_id\":\"1200000000000000003\"}",
                "{\"type\":2,\"id\":\"1\",\"application_id\":\"2\",\"token\":\"t\",\"user\":{\"id\":\"4\"},"
                        + "\"data\":{\"name\":\"ask\",\"options\":[{\"name\":\"q\",\"type\":3.5,\"value\":\"x\"}]}}",
                "{\"type\":2,\"id\":\"1\",\"application_id\":\"2\",\"token\":\"t\",\"user\":{\"id\":\"4\"},"
                        + "\"data\":{\"name\":\"ask\",\"options\":[{\"name\":\"q\",\"type\":99999999999,\"value\":\"x\"}]}}",
                "{\"type\":2,\"id\":\"1\",\"application_id\":\"2\",\"token\":\"t\",\"user\":{\"id\":\"4\"},"
                        + "\"data\":{\"name\":\"forget\",\"options\":[{\"name\":\"me\",\"type\":1e300}]}}",
                "{\"type\":3,\"id\":\"1\",\"application_id\":\"2\",\"token\":\"t\",\"user\":{\"id\":\"4\"},"
                        + "\"data\":{\"custom_id\":\"c\",\"component_type\":2.5}}",
            })
    void refusesANumberThatIsNotAnIntegerWhereAnIntegerBelongs(String body) {
        assertThatThrownBy(() -> parser.parse(body.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MalformedInteractionException.class)
                .hasMessageContaining("must be an integer");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"type\":1e999", "\"component_type\":1e999", "\"type\":-1e999"})
    void refusesAnInfiniteNumberAsMalformedJson(String field) {
        String body = "{\"type\":3,\"id\":\"1\",\"application_id\":\"2\",\"token\":\"t\",\"user\":{\"id\":\"4\"},"
                + "\"data\":{\"custom_id\":\"c\",\"options\":[{" + field + "}]," + field + "}}";
        assertThatThrownBy(() -> parser.parse(body.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MalformedInteractionException.class)
                .hasMessageStartingWith("The body is not valid JSON");
    }

    @Test
    void keepsTheTokenOutOfToString() throws Exception {
        var roast = (Interaction.ApplicationCommand) parser.parse(sample("roast"));
        assertThat(roast.toString()).doesNotContain("test-only-token-roast");
        assertThat(roast.context().toString()).contains("1310000000000000001");
    }

    static byte[] sample(String name) throws IOException {
        try (InputStream in =
                InteractionParserTest.class.getClassLoader().getResourceAsStream("interactions/" + name + ".json")) {
            if (in == null) {
                throw new IllegalStateException("No sample interactions/" + name + ".json");
            }
            return in.readAllBytes();
        }
    }
}
