package dev.roastden.core.job;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.roastden.core.interaction.DiscordUser;
import dev.roastden.core.json.Json;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The one serialiser of {@link DeferredJob}: versioned JSON, tolerant of fields it does not know. */
public final class DeferredJobCodec {
    private DeferredJobCodec() {}

    /** The job as JSON. */
    public static String write(DeferredJob job) {
        ObjectNode root = Json.mapper().createObjectNode();
        root.put("v", DeferredJob.VERSION);
        root.put("kind", job.kind().name());
        root.put("interaction_id", job.interactionId());
        root.put("application_id", job.applicationId());
        job.token().ifPresent(t -> root.put("token", t));
        root.put("command", job.command());
        job.subcommand().ifPresent(s -> root.put("subcommand", s));
        ObjectNode options = root.putObject("options");
        job.options().forEach(options::put);
        writeUser(root.putObject("user"), job.user());
        ObjectNode resolved = root.putObject("resolved_users");
        job.resolvedUsers().forEach((id, user) -> writeUser(resolved.putObject(id), user));
        job.guildId().ifPresent(g -> root.put("guild_id", g));
        job.channelId().ifPresent(c -> root.put("channel_id", c));
        root.put("locale", job.locale());
        root.put("created_at", job.createdAt().toString());
        job.mention().ifPresent(mention -> {
            ObjectNode node = root.putObject("mention");
            node.put("content", mention.content());
            mention.replyTo().ifPresent(reply -> {
                ObjectNode replyNode = node.putObject("reply_to");
                replyNode.put("id", reply.id());
                replyNode.put("content", reply.content());
                writeUser(replyNode.putObject("author"), reply.author());
            });
        });
        try {
            return Json.mapper().writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads a job.
     *
     * @throws MalformedJobException when the text is not a version-1 job
     */
    public static DeferredJob read(String json) throws MalformedJobException {
        JsonNode root;
        try {
            root = Json.mapper().readTree(json);
        } catch (JacksonException e) {
            throw new MalformedJobException("The job is not valid JSON");
        }
        if (root == null || !root.isObject()) {
            throw new MalformedJobException("The job must be a JSON object");
        }
        int version = root.path("v").asInt(-1);
        if (version != DeferredJob.VERSION) {
            throw new MalformedJobException("Unsupported job version " + root.path("v"));
        }
        DeferredJob.Kind kind;
        try {
            kind = DeferredJob.Kind.valueOf(required(root, "kind"));
        } catch (IllegalArgumentException e) {
            throw new MalformedJobException("Unknown job kind " + root.path("kind"));
        }
        Instant createdAt;
        try {
            createdAt = Instant.parse(required(root, "created_at"));
        } catch (DateTimeParseException e) {
            throw new MalformedJobException("The job's created_at is not an instant");
        }
        Map<String, String> options = new LinkedHashMap<>();
        Json.object(root, "options").ifPresent(node -> node.fields()
                .forEachRemaining(e -> options.put(e.getKey(), e.getValue().asText())));
        Map<String, DiscordUser> resolved = new LinkedHashMap<>();
        Optional<JsonNode> resolvedNode = Json.object(root, "resolved_users");
        if (resolvedNode.isPresent()) {
            var fields = resolvedNode.get().fields();
            while (fields.hasNext()) {
                var entry = fields.next();
                resolved.put(entry.getKey(), readUser(entry.getValue()));
            }
        }
        Optional<DeferredJob.Mention> mention = Optional.empty();
        Optional<JsonNode> mentionNode = Json.object(root, "mention");
        if (mentionNode.isPresent()) {
            Optional<DeferredJob.ReferencedMessage> replyTo = Optional.empty();
            Optional<JsonNode> replyNode = Json.object(mentionNode.get(), "reply_to");
            if (replyNode.isPresent()) {
                JsonNode author = Json.object(replyNode.get(), "author")
                        .orElseThrow(() -> new MalformedJobException("The replied-to message has no author"));
                replyTo = Optional.of(new DeferredJob.ReferencedMessage(
                        required(replyNode.get(), "id"),
                        Json.text(replyNode.get(), "content").orElse(""),
                        readUser(author)));
            }
            mention = Optional.of(new DeferredJob.Mention(
                    Json.text(mentionNode.get(), "content").orElse(""), replyTo));
        }
        JsonNode user = Json.object(root, "user").orElseThrow(() -> new MalformedJobException("The job has no user"));
        return new DeferredJob(
                kind,
                required(root, "interaction_id"),
                required(root, "application_id"),
                Json.nonBlank(root, "token"),
                required(root, "command"),
                Json.nonBlank(root, "subcommand"),
                options,
                readUser(user),
                resolved,
                Json.nonBlank(root, "guild_id"),
                Json.nonBlank(root, "channel_id"),
                Json.nonBlank(root, "locale").orElse("en-US"),
                createdAt,
                mention);
    }

    private static void writeUser(ObjectNode node, DiscordUser user) {
        node.put("id", user.id());
        node.put("display_name", user.displayName());
        node.put("bot", user.bot());
        node.put("permissions", user.permissions());
    }

    private static DiscordUser readUser(JsonNode node) throws MalformedJobException {
        String id = required(node, "id");
        return new DiscordUser(
                id,
                Json.nonBlank(node, "display_name").orElse(id),
                node.path("bot").asBoolean(false),
                Json.nonBlank(node, "permissions").orElse("0"));
    }

    private static String required(JsonNode node, String field) throws MalformedJobException {
        return Json.nonBlank(node, field).orElseThrow(() -> new MalformedJobException("The job has no " + field));
    }
}
