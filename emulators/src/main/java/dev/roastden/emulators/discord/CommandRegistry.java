package dev.roastden.emulators.discord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Application command registration, global and per guild, as Discord keeps it: create upserts by name and type,
 * bulk overwrite replaces the set (keeping the ids of commands that stay), and every command gets the fields the
 * spec's response has. Guarded by the emulator's lock.
 */
final class CommandRegistry {
    private final ObjectMapper mapper;
    private final Supplier<String> snowflakes;
    private final Map<String, Map<String, ObjectNode>> commands = new LinkedHashMap<>();

    CommandRegistry(ObjectMapper mapper, Supplier<String> snowflakes) {
        this.mapper = mapper;
        this.snowflakes = snowflakes;
    }

    List<JsonNode> commands(String key) {
        return List.copyOf(commands.getOrDefault(key, Map.of()).values());
    }

    Reply route(RecordedRequest request, JsonNode json) throws java.io.IOException {
        String app = request.params().get("application_id");
        String guild = request.params().get("guild_id");
        String key = guild == null ? app : app + "/" + guild;
        Map<String, ObjectNode> registered = commands.computeIfAbsent(key, k -> new LinkedHashMap<>());
        String op = request.operationId().replace("guild_", "");
        String commandId = request.params().get("command_id");
        switch (op) {
            case "list_application_commands":
                return ok(mapper.valueToTree(new ArrayList<>(registered.values())));
            case "bulk_set_application_commands": {
                Map<String, ObjectNode> next = new LinkedHashMap<>();
                for (JsonNode item : json) {
                    ObjectNode existing = findByName(registered, item);
                    ObjectNode command = command(app, guild, item, existing);
                    next.put(command.get("id").asText(), command);
                }
                registered.clear();
                registered.putAll(next);
                return ok(mapper.valueToTree(new ArrayList<>(registered.values())));
            }
            case "create_application_command": {
                ObjectNode existing = findByName(registered, json);
                ObjectNode command = command(app, guild, json, existing);
                registered.put(command.get("id").asText(), command);
                return new Reply(existing == null ? 201 : 200, mapper.writeValueAsString(command), null);
            }
            case "get_application_command":
                return registered.containsKey(commandId)
                        ? ok(registered.get(commandId))
                        : error(404, 10063, "Unknown application command");
            case "update_application_command": {
                ObjectNode existing = registered.get(commandId);
                if (existing == null) {
                    return error(404, 10063, "Unknown application command");
                }
                ObjectNode merged = existing.deepCopy();
                json.fields().forEachRemaining(e -> merged.set(e.getKey(), e.getValue()));
                ObjectNode command = command(app, guild, merged, existing);
                registered.put(commandId, command);
                return ok(command);
            }
            case "delete_application_command":
                return registered.remove(commandId) != null
                        ? new Reply(204, null, null)
                        : error(404, 10063, "Unknown application command");
            default:
                return error(404, 0, "404: Not Found");
        }
    }

    private Reply ok(JsonNode body) throws java.io.IOException {
        return new Reply(200, mapper.writeValueAsString(body), null);
    }

    private Reply error(int status, int code, String message) throws java.io.IOException {
        ObjectNode body = mapper.createObjectNode();
        body.put("message", message);
        body.put("code", code);
        return new Reply(status, mapper.writeValueAsString(body), null);
    }

    private static ObjectNode findByName(Map<String, ObjectNode> registered, JsonNode item) {
        int type = item.path("type").asInt(1);
        for (ObjectNode existing : registered.values()) {
            if (existing.path("name").asText().equals(item.path("name").asText())
                    && existing.path("type").asInt(1) == type) {
                return existing;
            }
        }
        return null;
    }

    private ObjectNode command(String app, String guild, JsonNode item, ObjectNode existing) {
        ObjectNode command = mapper.createObjectNode();
        command.put("id", existing != null ? existing.get("id").asText() : snowflakes.get());
        command.put("application_id", app);
        command.put("version", snowflakes.get());
        JsonNode permissions = item.get("default_member_permissions");
        if (permissions == null || permissions.isNull()) {
            command.putNull("default_member_permissions");
        } else {
            command.put("default_member_permissions", permissions.asText());
        }
        command.put("type", item.path("type").asInt(1));
        command.put("name", item.path("name").asText());
        command.put("description", item.path("description").asText(""));
        if (guild != null) {
            command.put("guild_id", guild);
        }
        for (String copy : List.of(
                "options",
                "contexts",
                "integration_types",
                "nsfw",
                "name_localizations",
                "description_localizations",
                "handler")) {
            if (item.has(copy) && !item.get(copy).isNull()) {
                command.set(copy, item.get(copy));
            }
        }
        return command;
    }
}
