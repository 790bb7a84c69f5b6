package dev.roastden.core.interaction;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Every field the parser reads from every sample interaction in {@code events/}, and from loosely typed bodies
 * Discord may send (numbers, booleans and nulls where text is usual), compared with {@code golden/interactions.txt}.
 */
class InteractionParserGoldenTest {
    private static final String[] SAMPLES = {
        "ping",
        "roast",
        "ask",
        "remember",
        "forget-memory",
        "forget-me",
        "forget-persona",
        "autocomplete-persona",
        "unknown-command",
    };

    private static final String MEMBER = "\"member\":{\"user\":{\"id\":\"4\",\"username\":\"a\",\"global_name\":\"\","
            + "\"bot\":\"true\"},\"nick\":null,\"permissions\":8},";

    /** Bodies beyond the samples, by name. */
    private static Map<String, String> loose() {
        Map<String, String> bodies = new LinkedHashMap<>();
        bodies.put(
                "numeric and boolean option values",
                "{\"type\":2,\"id\":\"1\",\"application_id\":\"2\",\"token\":\"t\",\"guild_id\":\"9\"," + MEMBER
                        + "\"data\":{\"name\":\"ask\",\"options\":[{\"name\":\"n\",\"type\":4,\"value\":5},"
                        + "{\"name\":\"x\",\"type\":10,\"value\":1.5},{\"name\":\"e\",\"type\":10,\"value\":1e3},"
                        + "{\"name\":\"b\",\"type\":5,\"value\":true},{\"name\":\"nul\",\"type\":3,\"value\":null},"
                        + "{\"name\":\"obj\",\"type\":\"3\",\"value\":{\"a\":1}},{\"name\":\"\",\"value\":\"skipped\"},"
                        + "{\"type\":3,\"value\":\"nameless\"},{\"name\":\"f\",\"type\":3,\"value\":\"x\",\"focused\":1},"
                        + "{\"name\":\"big\",\"type\":3,\"value\":123456789012345678901234567890}]}}");
        bodies.put(
                "escapes, unicode and a float type",
                "{\"type\":2.0,\"id\":\"1\",\"application_id\":\"2\",\"token\":\"t\",\"guild_id\":\" \","
                        + "\"channel\":{\"id\":\"7\"},\"locale\":\"\","
                        + "\"user\":{\"id\":\"4\",\"username\":\"\\u00e9\\ud83d\\udd25 \\\"q\\\" a\\/b\"},"
                        + "\"data\":{\"name\":\"roast\",\"options\":[{\"name\":\"g\",\"type\":2,\"options\":"
                        + "[{\"name\":\"s\",\"type\":1,\"options\":[{\"name\":\"v\",\"type\":3,\"value\":\"x\"}]}]}],"
                        + "\"resolved\":{\"users\":{\"5\":{\"id\":\"5\",\"username\":\"u\"},\"6\":\"not a user\"},"
                        + "\"members\":{\"5\":{\"nick\":\"Five\"}}}}}");
        bodies.put(
                "component with values",
                "{\"type\":3,\"id\":\"1\",\"application_id\":\"2\",\"token\":\"t\"," + MEMBER
                        + "\"data\":{\"custom_id\":\"pick\",\"component_type\":\"3\",\"values\":[\"a\",2,true,null,[1]]}}");
        bodies.put(
                "modal with nested inputs",
                "{\"type\":5,\"id\":\"1\",\"application_id\":\"2\",\"token\":\"t\"," + MEMBER
                        + "\"data\":{\"custom_id\":\"form\",\"components\":[{\"type\":1,\"components\":["
                        + "{\"type\":4,\"custom_id\":\"fact\",\"value\":\"hi\"},{\"type\":4,\"custom_id\":\"n\",\"value\":3}]},"
                        + "{\"type\":18,\"component\":{\"type\":4,\"custom_id\":\"label\",\"value\":\"in a label\"}},"
                        + "{\"type\":4,\"custom_id\":\"empty\",\"value\":null}]}}");
        return bodies;
    }

    @Test
    void readsEverySampleAsBefore() throws Exception {
        StringBuilder actual = new StringBuilder();
        InteractionParser parser = new InteractionParser();
        for (String sample : SAMPLES) {
            actual.append("## ").append(sample).append('\n');
            actual.append(describe(parser.parse(InteractionParserTest.sample(sample))))
                    .append('\n');
        }
        for (Map.Entry<String, String> body : loose().entrySet()) {
            actual.append("## ").append(body.getKey()).append('\n');
            actual.append(describe(parser.parse(body.getValue().getBytes(StandardCharsets.UTF_8))))
                    .append('\n');
        }
        assertThat(actual.toString()).isEqualTo(resource("golden/interactions.txt"));
    }

    private static String describe(Interaction interaction) {
        if (interaction instanceof Interaction.Ping ping) {
            return "Ping id=" + ping.id() + " application=" + ping.applicationId();
        } else if (interaction instanceof Interaction.ApplicationCommand command) {
            return "ApplicationCommand name=" + command.commandName() + "\n" + describe(command.context()) + "\n"
                    + describe(command.options());
        } else if (interaction instanceof Interaction.Autocomplete autocomplete) {
            return "Autocomplete name=" + autocomplete.commandName() + "\n" + describe(autocomplete.context()) + "\n"
                    + describe(autocomplete.options());
        } else if (interaction instanceof Interaction.MessageComponent component) {
            return "MessageComponent custom_id=" + component.customId() + " type=" + component.componentType()
                    + " values=" + component.values() + "\n" + describe(component.context());
        } else if (interaction instanceof Interaction.ModalSubmit modal) {
            return "ModalSubmit custom_id=" + modal.customId() + " fields=" + new TreeMap<>(modal.fields()) + "\n"
                    + describe(modal.context());
        }
        throw new IllegalArgumentException(interaction.toString());
    }

    private static String describe(InteractionContext context) {
        return "  context id=" + context.id() + " application=" + context.applicationId() + " token="
                + context.token() + " guild=" + context.guildId() + " channel=" + context.channelId() + " locale="
                + context.locale() + "\n  invoker=" + context.invoker() + "\n  resolved="
                + new TreeMap<>(context.resolvedUsers());
    }

    private static String describe(CommandOptions options) {
        return "  subcommand=" + options.subcommand() + "\n"
                + options.values().stream().map(v -> "  option " + v).collect(Collectors.joining("\n"));
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = InteractionParserGoldenTest.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                return "(missing " + name + ")";
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
