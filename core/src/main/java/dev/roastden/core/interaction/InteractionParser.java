package dev.roastden.core.interaction;

import dev.roastden.core.json.JsonValue;
import dev.roastden.core.json.JsonValue.JsonObject;
import dev.roastden.core.json.MalformedJsonException;
import dev.roastden.core.json.StreamingJson;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

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
        JsonValue document;
        try {
            document = StreamingJson.read(body);
        } catch (MalformedJsonException e) {
            throw new MalformedInteractionException("The body is not valid JSON: " + e.getMessage(), e);
        }
        JsonObject root = StreamingJson.object(document)
                .orElseThrow(() -> new MalformedInteractionException("The body must be a JSON object"));
        OptionalInt typeValue = root.get("type")
                .filter(JsonValue.JsonNumber.class::isInstance)
                .map(JsonValue::intValue)
                .orElse(OptionalInt.empty());
        if (typeValue.isEmpty()) {
            throw new MalformedInteractionException("The interaction has no numeric type");
        }
        integer(root, "type", 0);
        int type = typeValue.getAsInt();
        String id = required(root, "id");
        String applicationId = required(root, "application_id");
        if (type == PING) {
            return new Interaction.Ping(id, applicationId);
        }
        InteractionContext context = context(root, id, applicationId);
        JsonObject data =
                root.object("data").orElseThrow(() -> new MalformedInteractionException("The interaction has no data"));
        return switch (type) {
            case APPLICATION_COMMAND -> command(context, data);
            case AUTOCOMPLETE -> new Interaction.Autocomplete(context, required(data, "name"), options(data));
            case MESSAGE_COMPONENT ->
                new Interaction.MessageComponent(
                        context,
                        required(data, "custom_id"),
                        integer(data, "component_type", 0),
                        data.array("values").stream().map(JsonValue::asText).toList());
            case MODAL_SUBMIT -> new Interaction.ModalSubmit(context, required(data, "custom_id"), modalFields(data));
            default ->
                throw new MalformedInteractionException("The interaction type " + type + " is not one Discord defines");
        };
    }

    private static Interaction.ApplicationCommand command(InteractionContext context, JsonObject data)
            throws MalformedInteractionException {
        int commandType = data.integer("type", 1);
        Optional<String> targetId = data.nonBlank("target_id");
        Optional<TargetMessage> message = Optional.empty();
        if (targetId.isPresent()) {
            Optional<JsonObject> resolved =
                    data.object("resolved").flatMap(r -> r.object("messages")).flatMap(m -> m.object(targetId.get()));
            if (resolved.isPresent()) {
                Optional<JsonObject> author = resolved.get().object("author");
                if (author.isPresent()) {
                    message = Optional.of(new TargetMessage(
                            targetId.get(),
                            resolved.get()
                                    .nonBlank("channel_id")
                                    .or(context::channelId)
                                    .orElse(""),
                            resolved.get().text("content").orElse(""),
                            user(author.get(), Optional.empty(), "0")));
                }
            }
        }
        return new Interaction.ApplicationCommand(
                context, required(data, "name"), options(data), commandType, targetId, message);
    }

    private static InteractionContext context(JsonObject root, String id, String applicationId)
            throws MalformedInteractionException {
        String token = required(root, "token");
        Optional<JsonObject> member = root.object("member");
        JsonObject userNode = member.flatMap(m -> m.object("user"))
                .or(() -> root.object("user"))
                .orElseThrow(() -> new MalformedInteractionException("The interaction has no user"));
        String permissions = member.flatMap(m -> m.text("permissions")).orElse("0");
        DiscordUser invoker = user(userNode, member, permissions);
        Map<String, DiscordUser> resolved = new LinkedHashMap<>();
        Map<String, Attachment> attachments = new LinkedHashMap<>();
        Optional<JsonObject> resolvedNode = root.object("data").flatMap(d -> d.object("resolved"));
        if (resolvedNode.isPresent()) {
            Optional<JsonObject> files = resolvedNode.get().object("attachments");
            if (files.isPresent()) {
                for (Map.Entry<String, JsonValue> entry : files.get().fields().entrySet()) {
                    if (entry.getValue() instanceof JsonObject file) {
                        attachment(entry.getKey(), file).ifPresent(a -> attachments.put(a.id(), a));
                    }
                }
            }
            Optional<JsonObject> users = resolvedNode.get().object("users");
            Optional<JsonObject> members = resolvedNode.get().object("members");
            if (users.isPresent()) {
                for (Map.Entry<String, JsonValue> entry : users.get().fields().entrySet()) {
                    if (!(entry.getValue() instanceof JsonObject resolvedUser)) {
                        continue;
                    }
                    Optional<JsonObject> resolvedMember = members.flatMap(m -> m.object(entry.getKey()));
                    String memberPermissions =
                            resolvedMember.flatMap(m -> m.text("permissions")).orElse("0");
                    resolved.put(entry.getKey(), user(resolvedUser, resolvedMember, memberPermissions));
                }
            }
        }
        return new InteractionContext(
                id,
                applicationId,
                token,
                guildInstalled(root) ? root.nonBlank("guild_id") : Optional.empty(),
                root.nonBlank("channel_id").or(() -> root.object("channel").flatMap(c -> c.nonBlank("id"))),
                invoker,
                root.nonBlank("locale").orElse("en-US"),
                resolved,
                attachments,
                root.object("message").flatMap(m -> m.nonBlank("id")));
    }

    /**
     * Whether the server the interaction comes from installed the app: false when Discord says only a user install
     * authorised it ({@code authorizing_integration_owners} without a guild install), as in a server without the
     * bot. Such an interaction is treated like one from a DM: Roast Den has nothing in that server.
     */
    private static boolean guildInstalled(JsonObject root) {
        Optional<JsonObject> owners = root.object("authorizing_integration_owners");
        if (owners.isEmpty()) {
            return true;
        }
        Optional<String> guildInstall = owners.get().nonBlank("0");
        return guildInstall.isPresent() && !guildInstall.get().equals("0");
    }

    /** An attachment with the id and url it must have; one without them cannot be fetched and is left out. */
    private static Optional<Attachment> attachment(String key, JsonObject file) {
        Optional<String> url = file.nonBlank("url");
        if (url.isEmpty()) {
            return Optional.empty();
        }
        long size = file.get("size")
                .flatMap(JsonValue::scalarText)
                .map(InteractionParser::longOrNegative)
                .orElse(-1L);
        return Optional.of(new Attachment(
                file.nonBlank("id").orElse(key),
                file.text("filename").orElse(""),
                url.get(),
                size,
                file.nonBlank("content_type")));
    }

    private static long longOrNegative(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            return -1L;
        }
    }

    private static DiscordUser user(JsonObject user, Optional<JsonObject> member, String permissions)
            throws MalformedInteractionException {
        String userId = required(user, "id");
        String displayName = member.flatMap(m -> m.nonBlank("nick"))
                .or(() -> user.nonBlank("global_name"))
                .or(() -> user.nonBlank("username"))
                .orElse(userId);
        return new DiscordUser(userId, displayName, user.bool("bot", false), permissions);
    }

    private static CommandOptions options(JsonObject data) throws MalformedInteractionException {
        Optional<String> subcommand = Optional.empty();
        List<JsonValue> leaves = data.array("options");
        // Descend through a subcommand group and a subcommand, keeping the deepest name as the subcommand.
        for (int depth = 0; depth < 2 && leaves.size() == 1; depth++) {
            if (!(leaves.get(0) instanceof JsonObject only)) {
                break;
            }
            int type = integer(only, "type", 0);
            if (type != SUB_COMMAND && type != SUB_COMMAND_GROUP) {
                break;
            }
            String name = only.text("name").orElse("");
            subcommand = Optional.of(subcommand.map(group -> group + " " + name).orElse(name));
            leaves = only.array("options");
        }
        List<CommandOptions.OptionValue> values = new ArrayList<>(leaves.size());
        for (JsonObject option : objects(leaves)) {
            Optional<String> name = option.nonBlank("name");
            if (name.isEmpty()) {
                continue;
            }
            values.add(new CommandOptions.OptionValue(
                    name.get(),
                    integer(option, "type", 0),
                    option.text("value").orElse(""),
                    option.bool("focused", false)));
        }
        return new CommandOptions(subcommand, values);
    }

    /** The objects among {@code values}: an option or component that is not an object has no fields to read. */
    private static List<JsonObject> objects(List<JsonValue> values) {
        List<JsonObject> objects = new ArrayList<>(values.size());
        for (JsonValue value : values) {
            if (value instanceof JsonObject object) {
                objects.add(object);
            }
        }
        return objects;
    }

    private static Map<String, String> modalFields(JsonObject data) {
        Map<String, String> fields = new HashMap<>();
        collectModalInputs(objects(data.array("components")), fields);
        return fields;
    }

    private static void collectModalInputs(List<JsonObject> components, Map<String, String> into) {
        for (JsonObject component : components) {
            Optional<String> customId = component.nonBlank("custom_id");
            Optional<String> value = component.text("value");
            if (customId.isPresent() && value.isPresent()) {
                into.put(customId.get(), value.get());
            }
            collectModalInputs(objects(component.array("components")), into);
            component.object("component").ifPresent(child -> collectModalInputs(List.of(child), into));
        }
    }

    /**
     * The field read as {@link JsonObject#integer}, except that a JSON number where an integer belongs must be one
     * ({@code 2.0} is 2, but {@code 1.9} or {@code 1e300} as a type is refused, not truncated or overflowed).
     */
    private static int integer(JsonObject node, String field, int fallback) throws MalformedInteractionException {
        Optional<JsonValue> value = node.get(field);
        if (value.isPresent() && value.get() instanceof JsonValue.JsonNumber number) {
            if (number.intValue().isEmpty() || !wholeNumber(number)) {
                throw new MalformedInteractionException("The interaction's " + field + " must be an integer");
            }
        }
        return node.integer(field, fallback);
    }

    private static boolean wholeNumber(JsonValue.JsonNumber number) {
        if (number.integral()) {
            return true;
        }
        double value = Double.parseDouble(number.text());
        return value == Math.rint(value);
    }

    private static String required(JsonObject node, String field) throws MalformedInteractionException {
        return node.nonBlank(field)
                .orElseThrow(() -> new MalformedInteractionException("The interaction has no " + field));
    }
}
