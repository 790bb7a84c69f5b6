package dev.roastden.core.command;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.roastden.core.json.Json;
import java.util.List;

/**
 * Renders the catalog as Discord's bulk-overwrite payload ({@code PUT /applications/{id}/commands}): an array of
 * application commands. A guild-only command is guild-install in servers only; a user-installable one is both
 * installs ({@code integration_types} [0, 1]) in servers, the bot's DM and private channels ({@code contexts}
 * [0, 1, 2]). A context-menu command's description is the empty string, as Discord requires.
 */
public final class ApplicationCommandJson {
    private static final int GUILD_INSTALL = 0;
    private static final int USER_INSTALL = 1;
    private static final int CONTEXT_GUILD = 0;
    private static final int CONTEXT_BOT_DM = 1;
    private static final int CONTEXT_PRIVATE_CHANNEL = 2;

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
            node.put("type", command.type().code());
            node.put("description", command.description());
            ArrayNode installs = node.putArray("integration_types").add(GUILD_INSTALL);
            ArrayNode contexts = node.putArray("contexts").add(CONTEXT_GUILD);
            if (command.userInstallable()) {
                installs.add(USER_INSTALL);
                contexts.add(CONTEXT_BOT_DM).add(CONTEXT_PRIVATE_CHANNEL);
            }
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
