package dev.roastden.core.command;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.roastden.core.json.Json;
import java.util.List;

/**
 * Renders the catalog as Discord's bulk-overwrite payload ({@code PUT /applications/{id}/commands}): an array of
 * CHAT_INPUT application commands, usable only in servers, since every memory belongs to a server.
 */
public final class ApplicationCommandJson {
    private static final int CHAT_INPUT = 1;
    private static final int GUILD_INSTALL = 0;
    private static final int CONTEXT_GUILD = 0;

    private ApplicationCommandJson() {}

    /** The payload for every command in the catalog. */
    public static ArrayNode catalog() {
        return commands(CommandCatalog.commands());
    }

    /** The payload for the given commands. */
    public static ArrayNode commands(List<CommandSpec> commands) {
        ArrayNode array = Json.mapper().createArrayNode();
        for (CommandSpec command : commands) {
            ObjectNode node = array.addObject();
            node.put("name", command.name());
            node.put("type", CHAT_INPUT);
            node.put("description", command.description());
            node.putArray("integration_types").add(GUILD_INSTALL);
            node.putArray("contexts").add(CONTEXT_GUILD);
            // Discord's OpenAPI spec types the request field as an integer bit set.
            command.defaultMemberPermissions()
                    .ifPresent(bits -> node.put("default_member_permissions", Integer.parseInt(bits)));
            if (!command.options().isEmpty()) {
                writeOptions(node.putArray("options"), command.options());
            }
        }
        return array;
    }

    private static void writeOptions(ArrayNode into, List<OptionSpec> options) {
        for (OptionSpec option : options) {
            ObjectNode node = into.addObject();
            node.put("type", option.type().code());
            node.put("name", option.name());
            node.put("description", option.description());
            if (option.type() != OptionType.SUB_COMMAND && option.type() != OptionType.SUB_COMMAND_GROUP) {
                node.put("required", option.required());
            }
            if (option.autocomplete()) {
                node.put("autocomplete", true);
            }
            option.maxLength().ifPresent(max -> node.put("max_length", max));
            if (!option.choices().isEmpty()) {
                ArrayNode choices = node.putArray("choices");
                option.choices().forEach(c -> choices.addObject().put("name", c).put("value", c));
            }
            if (!option.options().isEmpty()) {
                writeOptions(node.putArray("options"), option.options());
            }
        }
    }
}
