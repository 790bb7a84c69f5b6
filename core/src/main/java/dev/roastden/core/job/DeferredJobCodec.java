package dev.roastden.core.job;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.roastden.core.interaction.Attachment;
import dev.roastden.core.interaction.DiscordUser;
import dev.roastden.core.json.JsonValue;
import dev.roastden.core.json.JsonValue.JsonObject;
import dev.roastden.core.json.MalformedJsonException;
import dev.roastden.core.json.StreamingJson;
import java.io.IOException;
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
        return StreamingJson.write(json -> {
            json.writeStartObject();
            json.writeNumberField("v", DeferredJob.VERSION);
            json.writeStringField("kind", job.kind().name());
            json.writeStringField("interaction_id", job.interactionId());
            json.writeStringField("application_id", job.applicationId());
            StreamingJson.optionalField(json, "token", job.token());
            json.writeStringField("command", job.command());
            StreamingJson.optionalField(json, "subcommand", job.subcommand());
            json.writeObjectFieldStart("options");
            for (Map.Entry<String, String> option : job.options().entrySet()) {
                json.writeStringField(option.getKey(), option.getValue());
            }
            json.writeEndObject();
            writeUser(json, "user", job.user());
            json.writeObjectFieldStart("resolved_users");
            for (Map.Entry<String, DiscordUser> user : job.resolvedUsers().entrySet()) {
                writeUser(json, user.getKey(), user.getValue());
            }
            json.writeEndObject();
            StreamingJson.optionalField(json, "guild_id", job.guildId());
            StreamingJson.optionalField(json, "channel_id", job.channelId());
            json.writeStringField("locale", job.locale());
            json.writeStringField("created_at", job.createdAt().toString());
            if (job.mention().isPresent()) {
                DeferredJob.Mention mention = job.mention().get();
                json.writeObjectFieldStart("mention");
                json.writeStringField("content", mention.content());
                if (mention.replyTo().isPresent()) {
                    DeferredJob.ReferencedMessage reply = mention.replyTo().get();
                    json.writeObjectFieldStart("reply_to");
                    json.writeStringField("id", reply.id());
                    json.writeStringField("content", reply.content());
                    writeUser(json, "author", reply.author());
                    json.writeEndObject();
                }
                json.writeEndObject();
            }
            if (!job.attachments().isEmpty()) {
                json.writeObjectFieldStart("attachments");
                for (Attachment file : job.attachments().values()) {
                    json.writeObjectFieldStart(file.id());
                    json.writeStringField("filename", file.filename());
                    json.writeStringField("url", file.url());
                    json.writeNumberField("size", file.size());
                    StreamingJson.optionalField(json, "content_type", file.contentType());
                    json.writeEndObject();
                }
                json.writeEndObject();
            }
            json.writeEndObject();
        });
    }

    /**
     * Reads a job.
     *
     * @throws MalformedJobException when the text is not a version-1 job
     */
    public static DeferredJob read(String json) throws MalformedJobException {
        JsonValue document;
        try {
            document = StreamingJson.read(json);
        } catch (MalformedJsonException e) {
            throw new MalformedJobException("The job is not valid JSON");
        }
        JsonObject root = StreamingJson.object(document)
                .orElseThrow(() -> new MalformedJobException("The job must be a JSON object"));
        int version = root.integer("v", -1);
        if (version != DeferredJob.VERSION) {
            throw new MalformedJobException(
                    "Unsupported job version " + root.text("v").orElse("(none)"));
        }
        DeferredJob.Kind kind;
        try {
            kind = DeferredJob.Kind.valueOf(required(root, "kind"));
        } catch (IllegalArgumentException e) {
            throw new MalformedJobException(
                    "Unknown job kind " + root.text("kind").orElse(""));
        }
        Instant createdAt;
        try {
            createdAt = Instant.parse(required(root, "created_at"));
        } catch (DateTimeParseException e) {
            throw new MalformedJobException("The job's created_at is not an instant");
        }
        Map<String, String> options = new LinkedHashMap<>();
        root.object("options")
                .ifPresent(node -> node.fields().forEach((name, value) -> options.put(name, value.asText())));
        Map<String, DiscordUser> resolved = new LinkedHashMap<>();
        Optional<JsonObject> resolvedNode = root.object("resolved_users");
        if (resolvedNode.isPresent()) {
            for (Map.Entry<String, JsonValue> entry :
                    resolvedNode.get().fields().entrySet()) {
                resolved.put(entry.getKey(), readUser(entry.getValue()));
            }
        }
        Optional<DeferredJob.Mention> mention = Optional.empty();
        Optional<JsonObject> mentionNode = root.object("mention");
        if (mentionNode.isPresent()) {
            Optional<DeferredJob.ReferencedMessage> replyTo = Optional.empty();
            Optional<JsonObject> replyNode = mentionNode.get().object("reply_to");
            if (replyNode.isPresent()) {
                JsonObject author = replyNode
                        .get()
                        .object("author")
                        .orElseThrow(() -> new MalformedJobException("The replied-to message has no author"));
                replyTo = Optional.of(new DeferredJob.ReferencedMessage(
                        required(replyNode.get(), "id"),
                        replyNode.get().text("content").orElse(""),
                        readUser(author)));
            }
            mention = Optional.of(
                    new DeferredJob.Mention(mentionNode.get().text("content").orElse(""), replyTo));
        }
        Map<String, Attachment> attachments = new LinkedHashMap<>();
        Optional<JsonObject> filesNode = root.object("attachments");
        if (filesNode.isPresent()) {
            for (Map.Entry<String, JsonValue> entry : filesNode.get().fields().entrySet()) {
                JsonObject file = StreamingJson.object(entry.getValue())
                        .orElseThrow(() -> new MalformedJobException("An attachment is not an object"));
                long size = file.get("size")
                        .flatMap(JsonValue::scalarText)
                        .map(DeferredJobCodec::longOr)
                        .orElse(-1L);
                attachments.put(
                        entry.getKey(),
                        new Attachment(
                                entry.getKey(),
                                file.text("filename").orElse(""),
                                required(file, "url"),
                                size,
                                file.nonBlank("content_type")));
            }
        }
        JsonObject user = root.object("user").orElseThrow(() -> new MalformedJobException("The job has no user"));
        return new DeferredJob(
                kind,
                required(root, "interaction_id"),
                required(root, "application_id"),
                root.nonBlank("token"),
                required(root, "command"),
                root.nonBlank("subcommand"),
                options,
                readUser(user),
                resolved,
                root.nonBlank("guild_id"),
                root.nonBlank("channel_id"),
                root.nonBlank("locale").orElse("en-US"),
                createdAt,
                mention,
                attachments);
    }

    private static long longOr(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            return -1L;
        }
    }

    private static void writeUser(JsonGenerator json, String field, DiscordUser user) throws IOException {
        json.writeObjectFieldStart(field);
        json.writeStringField("id", user.id());
        json.writeStringField("display_name", user.displayName());
        json.writeBooleanField("bot", user.bot());
        json.writeStringField("permissions", user.permissions());
        json.writeEndObject();
    }

    /** A user object; any other value is a user without an id. */
    private static DiscordUser readUser(JsonValue value) throws MalformedJobException {
        JsonObject node = StreamingJson.object(value).orElseThrow(() -> new MalformedJobException("The job has no id"));
        String id = required(node, "id");
        return new DiscordUser(
                id,
                node.nonBlank("display_name").orElse(id),
                node.bool("bot", false),
                node.nonBlank("permissions").orElse("0"));
    }

    private static String required(JsonObject node, String field) throws MalformedJobException {
        return node.nonBlank(field).orElseThrow(() -> new MalformedJobException("The job has no " + field));
    }
}
