package dev.roastden.core.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class CommandCatalogTest {
    /** Discord's rule for CHAT_INPUT command and option names. */
    private static final Pattern NAME = Pattern.compile("^[-_\\p{Ll}\\p{N}]{1,32}$");

    @Test
    void definesTheCommands() {
        assertThat(CommandCatalog.commands())
                .extracting(CommandSpec::name)
                .containsExactly(
                        "roast",
                        "ask",
                        "remember",
                        "forget",
                        "persona",
                        "memories",
                        "optout",
                        "optin",
                        "settings",
                        "usage",
                        "Roast this message",
                        "Remember this",
                        "Roast them");
        assertThat(CommandCatalog.find("persona").orElseThrow().options())
                .extracting(OptionSpec::name)
                .containsExactly("create", "edit", "import", "export", "list", "show", "retire");
        assertThat(CommandCatalog.find("remember").orElseThrow().privateReply()).isTrue();
        assertThat(CommandCatalog.find("forget").orElseThrow().privateReply()).isTrue();
        assertThat(CommandCatalog.find("roast").orElseThrow().privateReply()).isFalse();
        assertThat(CommandCatalog.find("karaoke")).isEmpty();
    }

    @Test
    void followsDiscordsNamingAndOrderingRules() {
        for (CommandSpec command : CommandCatalog.commands()) {
            if (command.type() != CommandSpec.Type.CHAT_INPUT) {
                // Context-menu names are display names (spaces and capitals allowed), 1-32 characters.
                assertThat(command.name()).hasSizeBetween(1, 32);
                assertThat(command.description()).isEmpty();
                assertThat(command.options()).isEmpty();
                continue;
            }
            assertThat(command.name()).matches(NAME);
            assertThat(command.description()).hasSizeBetween(1, 100);
            checkOptions(command.name(), command.options());
        }
    }

    @Test
    void rememberTakesAnOptionalMemberTheFactIsAbout() {
        List<OptionSpec> options = CommandCatalog.find("remember").orElseThrow().options();
        assertThat(options).extracting(OptionSpec::name).containsExactly("fact", "persona", "about");
        OptionSpec about = options.get(2);
        assertThat(about.type()).isEqualTo(OptionType.USER);
        assertThat(about.required()).isFalse();
        JsonNode remember = ApplicationCommandJson.catalog().get(2);
        assertThat(remember.get("options").get(2).get("type").asInt()).isEqualTo(6);
    }

    @Test
    void tellsEachOptionsLengthLimit() {
        assertThat(CommandCatalog.maxLength("roast", java.util.Optional.empty(), "topic"))
                .hasValue(CommandCatalog.MAX_TOPIC_LENGTH);
        assertThat(CommandCatalog.maxLength("remember", java.util.Optional.empty(), "fact"))
                .hasValue(CommandCatalog.MAX_FACT_LENGTH);
        assertThat(CommandCatalog.maxLength("forget", java.util.Optional.of("memory"), "id"))
                .hasValue(40);
        assertThat(CommandCatalog.maxLength("roast", java.util.Optional.empty(), "target"))
                .isEmpty();
        assertThat(CommandCatalog.maxLength("forget", java.util.Optional.of("nope"), "id"))
                .isEmpty();
        assertThat(CommandCatalog.maxLength("karaoke", java.util.Optional.empty(), "song"))
                .isEmpty();
    }

    @Test
    void personaOptionsUseAutocomplete() {
        List<OptionSpec> personaOptions = new ArrayList<>();
        for (CommandSpec command : CommandCatalog.commands()) {
            collect(command.options(), personaOptions);
        }
        assertThat(personaOptions).hasSize(10).allMatch(OptionSpec::autocomplete);
    }

    @Test
    void rendersTheBulkOverwritePayload() {
        JsonNode payload = ApplicationCommandJson.catalog();
        assertThat(payload).hasSize(13);
        JsonNode roast = payload.get(0);
        assertThat(roast.get("name").asText()).isEqualTo("roast");
        assertThat(roast.get("type").asInt()).isEqualTo(1);
        assertThat(roast.get("contexts").get(0).asInt()).isZero();
        JsonNode target = roast.get("options").get(0);
        assertThat(target.get("type").asInt()).isEqualTo(6);
        assertThat(target.get("required").asBoolean()).isTrue();
        JsonNode persona = roast.get("options").get(1);
        assertThat(persona.get("autocomplete").asBoolean()).isTrue();
        JsonNode forget = payload.get(3);
        assertThat(forget.get("options")).extracting(o -> o.get("type").asInt()).containsOnly(1);
        assertThat(forget.get("options").get(0).has("required")).isFalse();
        JsonNode personaImport = payload.get(4).get("options").get(2);
        assertThat(personaImport.get("name").asText()).isEqualTo("import");
        assertThat(personaImport.get("options").get(0).get("type").asInt()).isEqualTo(11);
        JsonNode format = payload.get(4).get("options").get(3).get("options").get(1);
        assertThat(format.get("choices"))
                .extracting(c -> c.get("value").asText())
                .containsExactly("roastden", "card");
        assertThat(payload.get(6).get("options").get(0).get("type").asInt()).isEqualTo(5);
    }

    @Test
    void contextMenuCommandsHaveTheirTypesAndOnlyAskAndRoastThisMessageAreUserInstallable() {
        JsonNode payload = ApplicationCommandJson.catalog();
        java.util.Map<String, JsonNode> byName = new java.util.HashMap<>();
        payload.forEach(c -> byName.put(c.get("name").asText(), c));
        assertThat(byName.get("Roast this message").get("type").asInt()).isEqualTo(3);
        assertThat(byName.get("Remember this").get("type").asInt()).isEqualTo(3);
        assertThat(byName.get("Roast them").get("type").asInt()).isEqualTo(2);
        assertThat(byName.get("Roast them").get("description").asText()).isEmpty();
        assertThat(byName.get("Roast them").has("options")).isFalse();
        for (JsonNode command : payload) {
            String name = command.get("name").asText();
            List<Integer> installs = new ArrayList<>();
            command.get("integration_types").forEach(i -> installs.add(i.asInt()));
            List<Integer> contexts = new ArrayList<>();
            command.get("contexts").forEach(i -> contexts.add(i.asInt()));
            if (name.equals("ask") || name.equals("Roast this message")) {
                assertThat(installs).as(name).containsExactly(0, 1);
                assertThat(contexts).as(name).containsExactly(0, 1, 2);
            } else {
                assertThat(installs).as(name).containsExactly(0);
                assertThat(contexts).as(name).containsExactly(0);
            }
        }
    }

    @Test
    void aPersonaOfAMemberIsAnnouncedInTheChannelEverythingElseOfPersonaIsPrivate() {
        assertThat(CommandCatalog.privateReply("persona", java.util.Optional.of("import"), true))
                .isFalse();
        assertThat(CommandCatalog.privateReply("persona", java.util.Optional.of("import"), false))
                .isTrue();
        assertThat(CommandCatalog.privateReply("persona", java.util.Optional.of("list"), false))
                .isFalse();
        assertThat(CommandCatalog.privateReply("persona", java.util.Optional.of("show"), false))
                .isTrue();
        assertThat(CommandCatalog.privateReply("roast", java.util.Optional.empty(), false))
                .isFalse();
        assertThat(CommandCatalog.privateReply("optout", java.util.Optional.empty(), false))
                .isTrue();
    }

    private static void collect(List<OptionSpec> options, List<OptionSpec> into) {
        for (OptionSpec option : options) {
            if (option.name().equals(CommandCatalog.PERSONA_OPTION) && option.type() == OptionType.STRING) {
                into.add(option);
            }
            collect(option.options(), into);
        }
    }

    private static void checkOptions(String owner, List<OptionSpec> options) {
        assertThat(options).as(owner).hasSizeLessThanOrEqualTo(25);
        Set<String> names = new HashSet<>();
        boolean optionalSeen = false;
        for (OptionSpec option : options) {
            assertThat(option.name()).as(owner).matches(NAME);
            assertThat(names.add(option.name()))
                    .as(owner + " duplicate " + option.name())
                    .isTrue();
            assertThat(option.description()).hasSizeBetween(1, 100);
            boolean sub = option.type() == OptionType.SUB_COMMAND;
            if (!sub) {
                assertThat(option.required() && optionalSeen)
                        .as(owner + ": required options must come before optional ones")
                        .isFalse();
                optionalSeen |= !option.required();
            }
            option.maxLength().ifPresent(max -> assertThat(max).isBetween(1, 6000));
            checkOptions(owner + " " + option.name(), option.options());
        }
    }

    @Test
    void settingsIsForServerManagersAndUsageIsPrivate() {
        CommandSpec settings = CommandCatalog.find("settings").orElseThrow();
        assertThat(settings.privateReply()).isTrue();
        assertThat(settings.defaultMemberPermissions()).contains("32");
        assertThat(settings.options()).extracting(OptionSpec::name).containsExactly("view", "set", "channel_persona");
        assertThat(settings.option("set").orElseThrow().options())
                .extracting(OptionSpec::name)
                .containsExactly(
                        "per_member_per_minute",
                        "per_server_per_hour",
                        "monthly_budget_usd",
                        "daily_cap_per_member",
                        "alerts_channel",
                        "mentions",
                        "max_battle_rounds",
                        "fallback_at_percent");
        CommandSpec usage = CommandCatalog.find("usage").orElseThrow();
        assertThat(usage.privateReply()).isTrue();
        assertThat(usage.defaultMemberPermissions()).isEmpty();

        JsonNode payload = ApplicationCommandJson.catalog();
        assertThat(payload.get(8).get("default_member_permissions").asLong()).isEqualTo(32);
        assertThat(payload.get(9).has("default_member_permissions")).isFalse();
        assertThat(payload.get(8)
                        .get("options")
                        .get(1)
                        .get("options")
                        .get(4)
                        .get("type")
                        .asInt())
                .isEqualTo(7);
    }
}
