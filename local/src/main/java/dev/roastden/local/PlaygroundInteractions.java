package dev.roastden.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.roastden.core.command.CommandCatalog;
import dev.roastden.core.command.CommandSpec;
import dev.roastden.core.command.OptionSpec;
import dev.roastden.core.command.OptionType;
import dev.roastden.core.interaction.DiscordUser;
import dev.roastden.core.job.Snowflake;
import dev.roastden.core.json.Json;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/** Builds the interaction JSON Discord would post when a member uses a command in the playground. */
final class PlaygroundInteractions {
    static final int APPLICATION_COMMAND = 2;
    static final int AUTOCOMPLETE = 4;

    private final Clock clock;
    private final AtomicInteger sequence = new AtomicInteger();

    PlaygroundInteractions(Clock clock) {
        this.clock = clock;
    }

    /** A command use or, with {@code focused}, an autocomplete request for that option. */
    record Built(String id, String token, String body) {}

    /** The command must exist in the catalog; unknown options are passed on as text. */
    Built build(
            DiscordUser member,
            String commandName,
            Optional<String> subcommand,
            Map<String, String> options,
            Optional<String> focused) {
        String id = Snowflake.at(clock.instant(), sequence.incrementAndGet());
        String token = "playground-" + UUID.randomUUID();
        ObjectNode root = Json.mapper().createObjectNode();
        root.put("type", focused.isPresent() ? AUTOCOMPLETE : APPLICATION_COMMAND);
        root.put("id", id);
        root.put("application_id", SampleMembers.APPLICATION_ID);
        root.put("token", token);
        root.put("version", 1);
        root.put("guild_id", SampleMembers.GUILD_ID);
        root.put("channel_id", SampleMembers.CHANNEL_ID);
        root.put("locale", "en-US");
        root.put("context", 0);
        ObjectNode memberNode = root.putObject("member");
        memberNode.put("permissions", member.permissions());
        memberNode.put("nick", member.displayName());
        user(memberNode.putObject("user"), member);
        ObjectNode data = root.putObject("data");
        data.put("id", "1300000000000000100");
        data.put("name", commandName);
        data.put("type", 1);
        Optional<CommandSpec> spec = CommandCatalog.find(commandName);
        ArrayNode optionNodes = data.putArray("options");
        ArrayNode leaves = optionNodes;
        java.util.List<OptionSpec> specs = spec.map(CommandSpec::options).orElse(java.util.List.of());
        if (subcommand.isPresent()) {
            ObjectNode sub = optionNodes.addObject();
            sub.put("name", subcommand.get());
            sub.put("type", OptionType.SUB_COMMAND.code());
            leaves = sub.putArray("options");
            specs = spec.flatMap(s -> s.option(subcommand.get()))
                    .map(OptionSpec::options)
                    .orElse(java.util.List.of());
        }
        ObjectNode resolvedUsers = Json.mapper().createObjectNode();
        ObjectNode resolvedMembers = Json.mapper().createObjectNode();
        for (Map.Entry<String, String> option : options.entrySet()) {
            boolean isFocused = focused.filter(option.getKey()::equals).isPresent();
            if (option.getValue().isBlank() && !isFocused) {
                continue;
            }
            OptionType type = specs.stream()
                    .filter(s -> s.name().equals(option.getKey()))
                    .map(OptionSpec::type)
                    .findFirst()
                    .orElse(OptionType.STRING);
            ObjectNode node = leaves.addObject();
            node.put("name", option.getKey());
            node.put("type", type.code());
            node.put("value", option.getValue());
            if (isFocused) {
                node.put("focused", true);
            }
            if (type == OptionType.USER) {
                SampleMembers.find(option.getValue()).ifPresent(target -> {
                    user(resolvedUsers.putObject(target.id()), target);
                    resolvedMembers
                            .putObject(target.id())
                            .put("nick", target.displayName())
                            .put("permissions", "0");
                });
            }
        }
        if (!resolvedUsers.isEmpty()) {
            ObjectNode resolved = data.putObject("resolved");
            resolved.set("users", resolvedUsers);
            resolved.set("members", resolvedMembers);
        }
        return new Built(id, token, root.toString());
    }

    private static void user(ObjectNode node, DiscordUser member) {
        node.put("id", member.id());
        node.put(
                "username",
                member.displayName().toLowerCase(java.util.Locale.ROOT).replace(' ', '.'));
        node.put("global_name", member.displayName());
        node.put("bot", false);
    }

    static JsonNode parse(String json) {
        try {
            return Json.mapper().readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("Not JSON", e);
        }
    }
}
