package dev.roastden.emulators.discord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds and edits messages the way Discord stores them: a request body (content, embeds, components, attachments,
 * flags, allowed_mentions) becomes a message object in the response shape of the official spec. Components get the
 * numeric ids Discord assigns; uploaded files become attachments on the emulated CDN; the emulator-only field
 * {@code pinged_user_ids} records whom the body actually pinged.
 */
final class MessageFactory {
    /** Message flag: only the user who caused it sees the message. */
    static final int EPHEMERAL = 1 << 6;

    private static final Pattern USER_MENTION = Pattern.compile("<@!?(\\d{1,20})>");
    private static final Pattern FILE_INDEX = Pattern.compile("\\d{1,2}");

    private final ObjectMapper mapper;
    private final Clock clock;
    private final Supplier<String> snowflakes;
    private final Supplier<String> botUserId;

    MessageFactory(ObjectMapper mapper, Clock clock, Supplier<String> snowflakes, Supplier<String> botUserId) {
        this.mapper = mapper;
        this.clock = clock;
        this.snowflakes = snowflakes;
        this.botUserId = botUserId;
    }

    /** A new message from a create/execute body; {@code files} are the uploads of a multipart request, by index. */
    ObjectNode create(String channelId, JsonNode body, int type, Map<Integer, ObjectNode> files) {
        ObjectNode message = mapper.createObjectNode();
        message.put("id", snowflakes.get());
        message.put("channel_id", channelId);
        ObjectNode author = message.putObject("author");
        author.put("id", botUserId.get());
        author.put("username", "roastden");
        author.putNull("avatar");
        author.put("discriminator", "0000");
        author.put("public_flags", 0);
        author.put("flags", 0);
        author.putNull("global_name");
        author.putNull("primary_guild");
        author.put("bot", true);
        message.put("content", body.path("content").asText(""));
        message.put("timestamp", clock.instant().toString());
        message.putNull("edited_timestamp");
        message.put("tts", false);
        message.put("mention_everyone", false);
        message.putArray("mentions");
        message.putArray("mention_roles");
        message.set("attachments", attachments(mapper.createArrayNode(), body, files));
        message.set("embeds", embeds(body.path("embeds")));
        message.set("components", components(body.path("components")));
        message.put("pinned", false);
        message.put("type", type);
        message.put("flags", body.path("flags").asInt(0));
        message.set("pinged_user_ids", mapper.valueToTree(pingedUsers(body)));
        return message;
    }

    /** Applies an edit: only the fields present change; a loading message stops loading. */
    void apply(ObjectNode message, JsonNode patch, Map<Integer, ObjectNode> files) {
        if (patch.has("content")) {
            message.put(
                    "content",
                    patch.get("content").isNull() ? "" : patch.get("content").asText());
        }
        if (patch.has("embeds")) {
            message.set("embeds", embeds(patch.path("embeds")));
        }
        if (patch.has("components")) {
            message.set("components", components(patch.path("components")));
        }
        if (patch.has("attachments") || !files.isEmpty()) {
            ArrayNode kept = mapper.createArrayNode();
            JsonNode listed = patch.path("attachments");
            for (JsonNode existing : message.path("attachments")) {
                // Since v10, an edit that lists attachments keeps only the ones it lists.
                if (!patch.has("attachments")
                        || listsId(listed, existing.path("id").asText())) {
                    kept.add(existing);
                }
            }
            message.set("attachments", attachments(kept, patch, files));
        }
        int flags = message.path("flags").asInt(0) & ~DiscordEmulator.LOADING;
        if (patch.has("flags") && !patch.get("flags").isNull()) {
            flags |= patch.get("flags").asInt();
        }
        message.put("flags", flags);
        message.put("edited_timestamp", clock.instant().toString());
        message.set("pinged_user_ids", mapper.valueToTree(pingedUsers(patch)));
    }

    /** A deferred response's "thinking…" message. */
    ObjectNode loading(String channelId, int type, boolean ephemeral) {
        ObjectNode message = create(channelId, mapper.createObjectNode(), type, Map.of());
        message.put("flags", DiscordEmulator.LOADING | (ephemeral ? EPHEMERAL : 0));
        return message;
    }

    /** Problems with the {@code attachments} of a multipart body: an entry naming a file index that was not sent. */
    static List<String> attachmentProblems(JsonNode body, Set<Integer> fileIndexes) {
        List<String> problems = new java.util.ArrayList<>();
        for (JsonNode entry : body.path("attachments")) {
            String id = entry.path("id").asText();
            if (FILE_INDEX.matcher(id).matches() && !fileIndexes.contains(Integer.parseInt(id))) {
                problems.add("$.attachments: id " + id + " names files[" + id + "], which the request does not have");
            }
        }
        return problems;
    }

    /**
     * The body as the spec would write it. Discord's own upload guide names new files by number ({@code
     * "attachments":[{"id":0}]}) and Discord takes that, while the spec types every id as a string: the emulator
     * accepts what Discord accepts, so such ids are checked as the strings they stand for.
     */
    static JsonNode asSpecWrites(JsonNode body) {
        if (!body.path("attachments").isArray()) {
            return body;
        }
        JsonNode copy = body.deepCopy();
        for (JsonNode entry : copy.path("attachments")) {
            if (entry instanceof ObjectNode object && object.path("id").isIntegralNumber()) {
                object.put("id", object.get("id").asText());
            }
        }
        return copy;
    }

    /**
     * The users a message body actually pings, following Discord's rules for webhooks and interactions: without
     * {@code allowed_mentions}, every user mentioned in {@code content}; with it, only what it allows.
     */
    static Set<String> pingedUsers(JsonNode body) {
        Set<String> mentioned = new LinkedHashSet<>();
        Matcher m = USER_MENTION.matcher(body.path("content").asText(""));
        while (m.find()) {
            mentioned.add(m.group(1));
        }
        JsonNode allowed = body.get("allowed_mentions");
        if (allowed == null || allowed.isNull()) {
            return mentioned;
        }
        boolean parseUsers = false;
        for (JsonNode p : allowed.path("parse")) {
            parseUsers |= p.asText().equals("users");
        }
        if (parseUsers) {
            return mentioned;
        }
        Set<String> listed = new LinkedHashSet<>();
        allowed.path("users").forEach(u -> listed.add(u.asText()));
        mentioned.retainAll(listed);
        return mentioned;
    }

    private static boolean listsId(JsonNode listed, String id) {
        for (JsonNode entry : listed) {
            if (entry.path("id").asText().equals(id)) {
                return true;
            }
        }
        return false;
    }

    /** Existing attachments plus the uploaded files, with the filename or description the body gave each. */
    private ArrayNode attachments(ArrayNode kept, JsonNode body, Map<Integer, ObjectNode> files) {
        Map<Integer, JsonNode> described = new LinkedHashMap<>();
        for (JsonNode entry : body.path("attachments")) {
            String id = entry.path("id").asText();
            if (FILE_INDEX.matcher(id).matches()) {
                described.put(Integer.parseInt(id), entry);
            }
        }
        for (Map.Entry<Integer, ObjectNode> file : files.entrySet()) {
            ObjectNode attachment = file.getValue().deepCopy();
            JsonNode entry = described.get(file.getKey());
            if (entry != null && entry.hasNonNull("description")) {
                attachment.put("description", entry.get("description").asText());
            }
            kept.add(attachment);
        }
        return kept;
    }

    private ArrayNode embeds(JsonNode requested) {
        ArrayNode embeds = mapper.createArrayNode();
        for (JsonNode embed : requested) {
            ObjectNode copy = embed.deepCopy();
            copy.put("type", "rich");
            embeds.add(copy);
        }
        return embeds;
    }

    /** Request components in the response shape: every component gets an id, numbered in order as Discord does. */
    private ArrayNode components(JsonNode requested) {
        ArrayNode out = mapper.createArrayNode();
        int[] next = {1};
        for (JsonNode component : requested) {
            out.add(component(component, next));
        }
        return out;
    }

    private ObjectNode component(JsonNode requested, int[] next) {
        ObjectNode copy = mapper.createObjectNode();
        copy.put("type", requested.path("type").asInt());
        copy.put("id", requested.path("id").isInt() ? requested.get("id").asInt() : next[0]);
        next[0]++;
        requested.fields().forEachRemaining(field -> {
            if (field.getValue().isNull()
                    || field.getKey().equals("id")
                    || field.getKey().equals("type")) {
                return;
            }
            if (field.getKey().equals("components")) {
                ArrayNode children = copy.putArray("components");
                field.getValue().forEach(child -> children.add(component(child, next)));
            } else {
                copy.set(field.getKey(), field.getValue().deepCopy());
            }
        });
        return copy;
    }
}
