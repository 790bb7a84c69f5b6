package dev.roastden.core.job;

import dev.roastden.core.interaction.Attachment;
import dev.roastden.core.interaction.DiscordUser;
import dev.roastden.core.interaction.Interaction;
import dev.roastden.core.interaction.InteractionContext;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The work the endpoint (or the gateway task) hands to the worker through the queue: everything needed to answer
 * without asking Discord again. Serialised by {@link DeferredJobCodec} as versioned JSON ({@code "v":1}).
 *
 * @param kind what caused the job
 * @param interactionId the interaction snowflake (for mentions: the message snowflake); the idempotency key
 * @param applicationId the application that received it
 * @param token the interaction token, valid 15 minutes after {@code createdAt}; absent for mentions
 * @param command the command name ({@code roast}, {@code ask}, …; {@code mention} for mentions)
 * @param subcommand the subcommand, when the command has them
 * @param options the filled-in options by name, values as text
 * @param user who invoked it
 * @param resolvedUsers users that options refer to, by id
 * @param guildId the server; absent in direct messages
 * @param channelId the channel
 * @param locale the invoker's locale
 * @param createdAt when Discord created the interaction (from its snowflake)
 * @param mention the message, for {@link Kind#MENTION} jobs
 * @param attachments files attached to the command's options, by id (what Discord's client claims about them)
 */
public record DeferredJob(
        Kind kind,
        String interactionId,
        String applicationId,
        Optional<String> token,
        String command,
        Optional<String> subcommand,
        Map<String, String> options,
        DiscordUser user,
        Map<String, DiscordUser> resolvedUsers,
        Optional<String> guildId,
        Optional<String> channelId,
        String locale,
        Instant createdAt,
        Optional<Mention> mention,
        Map<String, Attachment> attachments) {

    /** The contract version this code writes and reads. */
    public static final int VERSION = 1;

    /** The {@link #command()} of every {@link Kind#COMPONENT} job (buttons, select menus and modal submits). */
    public static final String COMPONENT_COMMAND = "component";
    /** Option of a component job: the control's {@code custom_id} (user input: re-check what it claims). */
    public static final String CUSTOM_ID = "custom_id";
    /** Option of a select-menu job: the picked values, comma-separated. */
    public static final String VALUES = "values";
    /** Option of a component job: the message the control sits on. */
    public static final String MESSAGE_ID = "message_id";
    /** Option of a context-menu command job: the user or message it was used on ({@code data.target_id}). */
    public static final String TARGET_ID = "target_id";
    /** Option of a message command job: the channel of the message it was used on. */
    public static final String TARGET_CHANNEL = "target_message.channel";
    /** Option of a message command job: the message's text (data written by someone else, never instructions). */
    public static final String TARGET_CONTENT = "target_message.content";
    /** Option of a message command job: the message's author (resolved in {@link #resolvedUsers()}). */
    public static final String TARGET_AUTHOR = "target_message.author";
    /** Prefix of the options of a modal-submit job that carry its text inputs. */
    public static final String FIELD_PREFIX = "field.";

    public DeferredJob {
        options = Map.copyOf(options);
        resolvedUsers = Map.copyOf(resolvedUsers);
        attachments = Map.copyOf(attachments);
    }

    /** A job without attachments. */
    public DeferredJob(
            Kind kind,
            String interactionId,
            String applicationId,
            Optional<String> token,
            String command,
            Optional<String> subcommand,
            Map<String, String> options,
            DiscordUser user,
            Map<String, DiscordUser> resolvedUsers,
            Optional<String> guildId,
            Optional<String> channelId,
            String locale,
            Instant createdAt,
            Optional<Mention> mention) {
        this(
                kind,
                interactionId,
                applicationId,
                token,
                command,
                subcommand,
                options,
                user,
                resolvedUsers,
                guildId,
                channelId,
                locale,
                createdAt,
                mention,
                Map.of());
    }

    /** What caused a job. */
    public enum Kind {
        /** A slash command. */
        COMMAND,
        /** A click on a button or select menu. */
        COMPONENT,
        /** A message that mentions the bot, seen by the gateway task. */
        MENTION
    }

    /**
     * A message that mentions the bot.
     *
     * @param content the message text
     * @param replyTo the message it replies to, if any
     */
    public record Mention(String content, Optional<ReferencedMessage> replyTo) {}

    /** A message that a mention replies to. */
    public record ReferencedMessage(String id, String content, DiscordUser author) {}

    /** The job for a slash command. */
    public static DeferredJob forCommand(Interaction.ApplicationCommand command) {
        InteractionContext context = command.context();
        Map<String, String> options = new LinkedHashMap<>();
        command.options().values().forEach(o -> options.put(o.name(), o.value()));
        command.targetId().ifPresent(id -> options.put(TARGET_ID, id));
        Map<String, DiscordUser> users = new LinkedHashMap<>(context.resolvedUsers());
        command.targetMessage().ifPresent(message -> {
            options.put(TARGET_CHANNEL, message.channelId());
            options.put(TARGET_CONTENT, message.content());
            options.put(TARGET_AUTHOR, message.author().id());
            users.putIfAbsent(message.author().id(), message.author());
        });
        return new DeferredJob(
                Kind.COMMAND,
                context.id(),
                context.applicationId(),
                Optional.of(context.token()),
                command.commandName(),
                command.options().subcommand(),
                options,
                context.invoker(),
                users,
                context.guildId(),
                context.channelId(),
                context.locale(),
                Snowflake.instant(context.id()).orElse(Instant.EPOCH),
                Optional.empty(),
                context.resolvedAttachments());
    }

    /** The job for a button press or a select-menu pick. */
    public static DeferredJob forComponent(Interaction.MessageComponent component) {
        Map<String, String> options = new LinkedHashMap<>();
        options.put(CUSTOM_ID, component.customId());
        if (!component.values().isEmpty()) {
            options.put(VALUES, String.join(",", component.values()));
        }
        return component(component.context(), options);
    }

    /** The job for a submitted modal: its text inputs become {@code field.<custom_id>} options. */
    public static DeferredJob forModal(Interaction.ModalSubmit modal) {
        Map<String, String> options = new LinkedHashMap<>();
        options.put(CUSTOM_ID, modal.customId());
        modal.fields().forEach((id, value) -> options.put(FIELD_PREFIX + id, value));
        return component(modal.context(), options);
    }

    private static DeferredJob component(InteractionContext context, Map<String, String> options) {
        context.messageId().ifPresent(id -> options.put(MESSAGE_ID, id));
        return new DeferredJob(
                Kind.COMPONENT,
                context.id(),
                context.applicationId(),
                Optional.of(context.token()),
                COMPONENT_COMMAND,
                Optional.empty(),
                options,
                context.invoker(),
                context.resolvedUsers(),
                context.guildId(),
                context.channelId(),
                context.locale(),
                Snowflake.instant(context.id()).orElse(Instant.EPOCH),
                Optional.empty(),
                context.resolvedAttachments());
    }

    /** The text input {@code id} of a modal-submit job, when it was filled in. */
    public Optional<String> field(String id) {
        return option(FIELD_PREFIX + id);
    }

    /** The option called {@code name}, when given. */
    public Optional<String> option(String name) {
        return Optional.ofNullable(options.get(name));
    }

    @Override
    public String toString() {
        // The token is a credential: keep it out of logs and exception messages.
        return "DeferredJob[kind=" + kind + ", interactionId=" + interactionId + ", command=" + command
                + subcommand.map(s -> " " + s).orElse("") + ", guildId=" + guildId + ", channelId=" + channelId
                + ", user=" + user.id() + ", createdAt=" + createdAt + "]";
    }
}
