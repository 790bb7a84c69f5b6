package dev.roastden.core.interaction;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.roastden.core.json.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads Discord's interaction JSON into {@link Interaction} records. */
public final class InteractionParser {
    private static final int PING = 1;
    private static final int APPLICATION_COMMAND = 2;
    private static final int MESSAGE_COMPONENT = 3;
    private static final int AUTOCOMPLETE = 4;
    private static final int MODAL_SUBMIT = 5;
    private static final int SUB_COMMAND = 1;
    private static final int SUB_COMMAND_GROUP = 2;

    /**
     * @param body the raw request body
     * @throws MalformedInteractionException when the body is not JSON or lacks what its type requires
     */
    public Interaction parse(byte[] body) throws MalformedInteractionException {
        JsonNode root;
        try {
            root = Json.mapper().readTree(body);
        } catch (JacksonException e) {
            throw new MalformedInteractionException("The body is not valid JSON");
        } catch (IOException e) {
            throw new MalformedInteractionException("The body could not be read");
        }
        if (root == null || !root.isObject()) {
            throw new MalformedInteractionException("The body must be a JSON object");
        }
        JsonNode typeNode = root.get("type");
        if (typeNode == null || !typeNode.canConvertToInt()) {
            throw new MalformedInteractionException("The interaction has no numeric type");
        }
        int type = typeNode.asInt();
        String id = required(root, "id");
        String applicationId = required(root, "application_id");
        if (type == PING) {
            return new Interaction.Ping(id, applicationId);
        }
        InteractionContext context = context(root, id, applicationId);
        JsonNode data = Json.object(root, "data")
                .orElseThrow(() -> new MalformedInteractionException("The interaction has no data"));
        return switch (type) {
            case APPLICATION_COMMAND ->
                new Interaction.ApplicationCommand(context, required(data, "name"), options(data));
            case AUTOCOMPLETE -> new Interaction.Autocomplete(context, required(data, "name"), options(data));
            case MESSAGE_COMPONENT ->
                new Interaction.MessageComponent(
                        context,
                        required(data, "custom_id"),
                        data.path("component_type").asInt(0),
                        Json.array(data, "values").stream()
                                .map(JsonNode::asText)
                                .toList());
            case MODAL_SUBMIT -> new Interaction.ModalSubmit(context, required(data, "custom_id"), modalFields(data));
            default ->
                throw new MalformedInteractionException("The interaction type " + type + " is not one Discord defines");
        };
    }

    private static InteractionContext context(JsonNode root, String id, String applicationId)
            throws MalformedInteractionException {
        String token = required(root, "token");
        Optional<JsonNode> member = Json.object(root, "member");
        JsonNode userNode = member.flatMap(m -> Json.object(m, "user"))
                .or(() -> Json.object(root, "user"))
                .orElseThrow(() -> new MalformedInteractionException("The interaction has no user"));
        String permissions = member.flatMap(m -> Json.text(m, "permissions")).orElse("0");
        DiscordUser invoker = user(userNode, member, permissions);
        Map<String, DiscordUser> resolved = new LinkedHashMap<>();
        Optional<JsonNode> resolvedNode = Json.object(root, "data").flatMap(d -> Json.object(d, "resolved"));
        if (resolvedNode.isPresent()) {
            Optional<JsonNode> users = Json.object(resolvedNode.get(), "users");
            Optional<JsonNode> members = Json.object(resolvedNode.get(), "members");
            if (users.isPresent()) {
                var fields = users.get().fields();
                while (fields.hasNext()) {
                    var entry = fields.next();
                    if (!entry.getValue().isObject()) {
                        continue;
                    }
                    Optional<JsonNode> resolvedMember = members.flatMap(m -> Json.object(m, entry.getKey()));
                    String memberPermissions = resolvedMember
                            .flatMap(m -> Json.text(m, "permissions"))
                            .orElse("0");
                    resolved.put(entry.getKey(), user(entry.getValue(), resolvedMember, memberPermissions));
                }
            }
        }
        return new InteractionContext(
                id,
                applicationId,
                token,
                Json.nonBlank(root, "guild_id"),
                Json.nonBlank(root, "channel_id")
                        .or(() -> Json.object(root, "channel").flatMap(c -> Json.nonBlank(c, "id"))),
                invoker,
                Json.nonBlank(root, "locale").orElse("en-US"),
                resolved);
    }

    private static DiscordUser user(JsonNode user, Optional<JsonNode> member, String permissions)
            throws MalformedInteractionException {
        String userId = required(user, "id");
        String displayName = member.flatMap(m -> Json.nonBlank(m, "nick"))
                .or(() -> Json.nonBlank(user, "global_name"))
                .or(() -> Json.nonBlank(user, "username"))
                .orElse(userId);
        return new DiscordUser(userId, displayName, user.path("bot").asBoolean(false), permissions);
    }

    private static CommandOptions options(JsonNode data) {
        List<JsonNode> top = Json.array(data, "options");
        Optional<String> subcommand = Optional.empty();
        List<JsonNode> leaves = top;
        // Descend through a subcommand group and a subcommand, keeping the deepest name as the subcommand.
        for (int depth = 0; depth < 2 && leaves.size() == 1; depth++) {
            JsonNode only = leaves.get(0);
            int type = only.path("type").asInt(0);
            if (type != SUB_COMMAND && type != SUB_COMMAND_GROUP) {
                break;
            }
            String name = only.path("name").asText("");
            subcommand = Optional.of(subcommand.map(group -> group + " " + name).orElse(name));
            leaves = Json.array(only, "options");
        }
        List<CommandOptions.OptionValue> values = new ArrayList<>(leaves.size());
        for (JsonNode option : leaves) {
            Optional<String> name = Json.nonBlank(option, "name");
            if (name.isEmpty()) {
                continue;
            }
            values.add(new CommandOptions.OptionValue(
                    name.get(),
                    option.path("type").asInt(0),
                    Json.text(option, "value").orElse(""),
                    option.path("focused").asBoolean(false)));
        }
        return new CommandOptions(subcommand, values);
    }

    private static Map<String, String> modalFields(JsonNode data) {
        Map<String, String> fields = new HashMap<>();
        collectModalInputs(Json.array(data, "components"), fields);
        return fields;
    }

    private static void collectModalInputs(List<JsonNode> components, Map<String, String> into) {
        for (JsonNode component : components) {
            Optional<String> customId = Json.nonBlank(component, "custom_id");
            Optional<String> value = Json.text(component, "value");
            if (customId.isPresent() && value.isPresent()) {
                into.put(customId.get(), value.get());
            }
            collectModalInputs(Json.array(component, "components"), into);
            Json.object(component, "component").ifPresent(child -> collectModalInputs(List.of(child), into));
        }
    }

    private static String required(JsonNode node, String field) throws MalformedInteractionException {
        return Json.nonBlank(node, field)
                .orElseThrow(() -> new MalformedInteractionException("The interaction has no " + field));
    }
}
