package dev.roastden.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.roastden.core.json.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a bulk overwrite would change: commands to add, to remove, and to change, compared on the fields Roast
 * Den sets (Discord adds ids, versions and defaults of its own, which are ignored).
 */
record CommandDiff(List<String> added, List<String> removed, List<String> changed, List<String> unchanged) {
    private static final List<String> COMMAND_FIELDS =
            List.of("type", "description", "integration_types", "contexts", "default_member_permissions", "nsfw");
    private static final List<String> OPTION_FIELDS =
            List.of("type", "description", "required", "autocomplete", "min_length", "max_length", "choices");

    static CommandDiff between(ArrayNode desired, ArrayNode current) {
        Map<String, JsonNode> currentByName = byName(current);
        List<String> added = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        List<String> unchanged = new ArrayList<>();
        for (JsonNode command : desired) {
            String name = label(command);
            JsonNode existing = currentByName.remove(name);
            if (existing == null) {
                added.add(name);
            } else if (normaliseCommand(command).equals(normaliseCommand(existing))) {
                unchanged.add(name);
            } else {
                changed.add(name);
            }
        }
        return new CommandDiff(added, new ArrayList<>(currentByName.keySet()), changed, unchanged);
    }

    boolean isEmpty() {
        return added.isEmpty() && removed.isEmpty() && changed.isEmpty();
    }

    private static Map<String, JsonNode> byName(ArrayNode commands) {
        Map<String, JsonNode> map = new LinkedHashMap<>();
        commands.forEach(c -> map.put(label(c), c));
        return map;
    }

    /** How a command is shown: {@code /name} for a slash command, the quoted name for a context-menu one. */
    static String label(JsonNode command) {
        String name = command.path("name").asText();
        return command.path("type").asInt(1) == 1 ? "/" + name : "\"" + name + "\"";
    }

    private static ObjectNode normaliseCommand(JsonNode command) {
        ObjectNode out = Json.mapper().createObjectNode();
        out.put("name", command.path("name").asText());
        for (String field : COMMAND_FIELDS) {
            JsonNode value = command.get(field);
            if (value != null && !value.isNull()) {
                // Sent as an integer (the request schema), returned by Discord as a string.
                out.set(field, field.equals("default_member_permissions") ? out.textNode(value.asText()) : value);
            }
        }
        if (!out.has("type")) {
            out.put("type", 1);
        }
        if (!out.has("nsfw")) {
            out.put("nsfw", false);
        }
        out.set("options", normaliseOptions(command.get("options")));
        return out;
    }

    private static ArrayNode normaliseOptions(JsonNode options) {
        ArrayNode out = Json.mapper().createArrayNode();
        if (options == null || !options.isArray()) {
            return out;
        }
        for (JsonNode option : options) {
            ObjectNode normalised = out.addObject();
            normalised.put("name", option.path("name").asText());
            for (String field : OPTION_FIELDS) {
                JsonNode value = option.get(field);
                if (value != null && !value.isNull()) {
                    normalised.set(field, value);
                }
            }
            int type = option.path("type").asInt();
            boolean container = type == 1 || type == 2;
            if (container) {
                normalised.remove("required");
            } else if (!normalised.has("required")) {
                normalised.put("required", false);
            }
            if (!normalised.has("autocomplete")) {
                normalised.put("autocomplete", false);
            }
            normalised.set("options", normaliseOptions(option.get("options")));
        }
        return out;
    }
}
