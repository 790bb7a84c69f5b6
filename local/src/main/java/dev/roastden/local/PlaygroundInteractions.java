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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Builds the interaction JSON Discord would post when a member acts in the playground, in Discord's shapes: a
 * command (type 2, options under a subcommand, users and attachments in {@code data.resolved}), an autocomplete
 * (type 4, the focused option marked), a button click (type 3 with {@code data.custom_id}, {@code
 * data.component_type} 2 and the {@code message} it sits on) and a modal submit (type 5 with {@code data.custom_id}
 * and action rows of text inputs, each with its {@code custom_id} and {@code value}).
 */
final class PlaygroundInteractions {
    static final int APPLICATION_COMMAND = 2;
    static final int MESSAGE_COMPONENT = 3;
    static final int AUTOCOMPLETE = 4;
    static final int MODAL_SUBMIT = 5;
    static final int BUTTON = 2;
    static final int STRING_SELECT = 3;
    private static final int ACTION_ROW = 1;
    private static final int TEXT_INPUT = 4;
    /** Discord's upload limit for a member without Nitro, sent with every interaction. */
    private static final long ATTACHMENT_SIZE_LIMIT = 10L * 1024 * 1024;

    private final Clock clock;
    private final AtomicInteger sequence = new AtomicInteger();

    PlaygroundInteractions(Clock clock) {
        this.clock = clock;
    }

    /** A built interaction: its id, token and the exact body to sign. */
    record Built(String id, String token, String body) {}

    /**
     * A command use or, with {@code focused}, an autocomplete request for that option. The command must exist in the
     * catalog; unknown options are passed on as text. {@code attachments} are the files of attachment options, as
     * the emulated CDN stored them (their attachment objects), by option name.
     */
    Built command(
            DiscordUser member,
            String commandName,
            Optional<String> subcommand,
            Map<String, String> options,
            Optional<String> focused,
            Map<String, JsonNode> attachments) {
        ObjectNode root = base(focused.isPresent() ? AUTOCOMPLETE : APPLICATION_COMMAND, member);
        ObjectNode data = root.putObject("data");
        data.put("id", "1300000000000000100");
        data.put("name", commandName);
        data.put("type", 1);
        Optional<CommandSpec> spec = CommandCatalog.find(commandName);
        ArrayNode optionNodes = data.putArray("options");
        ArrayNode leaves = optionNodes;
        List<OptionSpec> specs = spec.map(CommandSpec::options).orElse(List.of());
        if (subcommand.isPresent()) {
            ObjectNode sub = optionNodes.addObject();
            sub.put("name", subcommand.get());
            sub.put("type", OptionType.SUB_COMMAND.code());
            leaves = sub.putArray("options");
            specs = spec.flatMap(s -> s.option(subcommand.get()))
                    .map(OptionSpec::options)
                    .orElse(List.of());
        }
        ObjectNode resolvedUsers = Json.mapper().createObjectNode();
        ObjectNode resolvedMembers = Json.mapper().createObjectNode();
        ObjectNode resolvedAttachments = Json.mapper().createObjectNode();
        for (Map.Entry<String, String> option : options.entrySet()) {
            boolean isFocused = focused.filter(option.getKey()::equals).isPresent();
            if (option.getValue().isBlank() && !isFocused) {
                continue;
            }
            OptionType type = typeOf(specs, option.getKey());
            ObjectNode node = leaves.addObject();
            node.put("name", option.getKey());
            node.put("type", type.code());
            if (type == OptionType.BOOLEAN) {
                node.put("value", Boolean.parseBoolean(option.getValue()));
            } else {
                node.put("value", option.getValue());
            }
            if (isFocused) {
                node.put("focused", true);
            }
            if (type == OptionType.USER) {
                SampleMembers.find(option.getValue()).ifPresent(target -> {
                    user(resolvedUsers.putObject(target.id()), target);
                    resolvedMembers
                            .putObject(target.id())
                            .put("nick", target.displayName())
                            .put("permissions", target.permissions());
                });
            }
        }
        for (Map.Entry<String, JsonNode> file : attachments.entrySet()) {
            String id = file.getValue().path("id").asText();
            ObjectNode node = leaves.addObject();
            node.put("name", file.getKey());
            node.put("type", OptionType.ATTACHMENT.code());
            node.put("value", id);
            resolvedAttachments.set(id, file.getValue().deepCopy());
        }
        if (!resolvedUsers.isEmpty() || !resolvedAttachments.isEmpty()) {
            ObjectNode resolved = data.putObject("resolved");
            if (!resolvedUsers.isEmpty()) {
                resolved.set("users", resolvedUsers);
                resolved.set("members", resolvedMembers);
            }
            if (!resolvedAttachments.isEmpty()) {
                resolved.set("attachments", resolvedAttachments);
            }
        }
        return built(root);
    }

    /**
     * A context-menu command: on a message (type 3, the message in {@code data.resolved.messages}) or on a member
     * (type 2, the member in {@code data.resolved.users} and {@code members}); {@code data.target_id} names it.
     */
    Built contextCommand(
            DiscordUser member, String commandName, Optional<JsonNode> message, Optional<DiscordUser> user) {
        ObjectNode root = base(APPLICATION_COMMAND, member);
        ObjectNode data = root.putObject("data");
        data.put("id", "1300000000000000101");
        data.put("name", commandName);
        ObjectNode resolved = data.putObject("resolved");
        if (message.isPresent()) {
            data.put("type", 3);
            String id = message.get().path("id").asText();
            data.put("target_id", id);
            resolved.putObject("messages").set(id, message.get().deepCopy());
        } else {
            DiscordUser target = user.orElseThrow();
            data.put("type", 2);
            data.put("target_id", target.id());
            user(resolved.putObject("users").putObject(target.id()), target);
            resolved.putObject("members")
                    .putObject(target.id())
                    .put("nick", target.displayName())
                    .put("permissions", target.permissions());
        }
        return built(root);
    }

    /** A member's message in the channel as Discord puts it in {@code data.resolved.messages}. */
    ObjectNode memberMessage(DiscordUser author, String content) {
        ObjectNode message = Json.mapper().createObjectNode();
        message.put("id", Snowflake.at(clock.instant(), sequence.incrementAndGet()));
        message.put("channel_id", SampleMembers.CHANNEL_ID);
        message.put("type", 0);
        message.put("content", content);
        user(message.putObject("author"), author);
        message.put("timestamp", clock.instant().toString());
        message.putArray("attachments");
        message.putArray("embeds");
        message.putArray("mentions");
        return message;
    }

    /** A pick of {@code value} in the select menu {@code customId} of {@code message}. */
    Built selectPick(DiscordUser member, String customId, String value, JsonNode message) {
        ObjectNode root = base(MESSAGE_COMPONENT, member);
        ObjectNode data = root.putObject("data").put("custom_id", customId).put("component_type", STRING_SELECT);
        data.putArray("values").add(value);
        root.set("message", message.deepCopy());
        return built(root);
    }

    /** A click on the button {@code customId} of {@code message} (the message as Discord holds it). */
    Built buttonClick(DiscordUser member, String customId, JsonNode message) {
        ObjectNode root = base(MESSAGE_COMPONENT, member);
        root.putObject("data").put("custom_id", customId).put("component_type", BUTTON);
        root.set("message", message.deepCopy());
        return built(root);
    }

    /**
     * The submit of the modal {@code customId}: one action row per text input, in the modal's order; {@code
     * message} is the message of the button that opened it, if a button did.
     */
    Built modalSubmit(DiscordUser member, String customId, Map<String, String> values, Optional<JsonNode> message) {
        ObjectNode root = base(MODAL_SUBMIT, member);
        ObjectNode data = root.putObject("data");
        data.put("custom_id", customId);
        ArrayNode rows = data.putArray("components");
        int id = 1;
        for (Map.Entry<String, String> value : values.entrySet()) {
            ObjectNode row = rows.addObject();
            row.put("type", ACTION_ROW);
            row.put("id", id++);
            ObjectNode input = row.putArray("components").addObject();
            input.put("type", TEXT_INPUT);
            input.put("id", id++);
            input.put("custom_id", value.getKey());
            input.put("value", value.getValue());
        }
        message.ifPresent(m -> root.set("message", m.deepCopy()));
        return built(root);
    }

    private ObjectNode base(int type, DiscordUser member) {
        ObjectNode root = Json.mapper().createObjectNode();
        root.put("type", type);
        root.put("id", Snowflake.at(clock.instant(), sequence.incrementAndGet()));
        root.put("application_id", SampleMembers.APPLICATION_ID);
        root.put("token", "playground-" + UUID.randomUUID());
        root.put("version", 1);
        root.put("guild_id", SampleMembers.GUILD_ID);
        root.put("channel_id", SampleMembers.CHANNEL_ID);
        root.put("locale", "en-US");
        root.put("guild_locale", "en-US");
        root.put("context", 0);
        root.put("app_permissions", SampleMembers.MEMBER_PERMISSIONS);
        root.putObject("authorizing_integration_owners").put("0", SampleMembers.GUILD_ID);
        root.putArray("entitlements");
        root.put("attachment_size_limit", ATTACHMENT_SIZE_LIMIT);
        ObjectNode memberNode = root.putObject("member");
        memberNode.put("permissions", member.permissions());
        memberNode.put("nick", member.displayName());
        memberNode.putArray("roles");
        user(memberNode.putObject("user"), member);
        return root;
    }

    private static Built built(ObjectNode root) {
        return new Built(root.path("id").asText(), root.path("token").asText(), root.toString());
    }

    private static OptionType typeOf(List<OptionSpec> specs, String name) {
        return specs.stream()
                .filter(s -> s.name().equals(name))
                .map(OptionSpec::type)
                .findFirst()
                .orElse(OptionType.STRING);
    }

    static void user(ObjectNode node, DiscordUser member) {
        node.put("id", member.id());
        node.put("username", member.displayName().toLowerCase(Locale.ROOT).replace(' ', '.'));
        node.put("global_name", member.displayName());
        node.put("discriminator", "0");
        node.putNull("avatar");
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
