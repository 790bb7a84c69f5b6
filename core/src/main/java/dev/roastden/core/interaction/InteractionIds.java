package dev.roastden.core.interaction;

import java.util.Map;
import java.util.Optional;

/**
 * Checks the ids an interaction carries before any of them becomes part of a DynamoDB key, a queue message or a
 * Discord URL: each id (interaction, application, guild, channel, user, a component's message, a context-menu
 * command's target and its message's channel and author, and the values of user, channel, role and mentionable
 * options) must be a Discord snowflake, 17 to 20 ASCII digits; the token must
 * be a URL-safe string of sane length. A signed body is Discord's, but the rule is cheap and a malformed id would
 * otherwise be retried by the worker until its interaction expired.
 */
public final class InteractionIds {
    /** The shortest snowflake Discord has issued for the objects we key on (2015's first ids have 17 digits). */
    public static final int MIN_DIGITS = 17;
    /** An unsigned 64-bit number has at most 20 digits. */
    public static final int MAX_DIGITS = 20;
    /** Interaction tokens are a couple of hundred characters; anything this long is not one. */
    public static final int MAX_TOKEN_LENGTH = 1000;

    private static final int USER = 6;
    private static final int CHANNEL = 7;
    private static final int ROLE = 8;
    private static final int MENTIONABLE = 9;

    private InteractionIds() {}

    /** Whether {@code id} is 17–20 ASCII digits that fit an unsigned 64-bit number. */
    public static boolean isSnowflake(String id) {
        if (id.length() < MIN_DIGITS || id.length() > MAX_DIGITS) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        try {
            Long.parseUnsignedLong(id);
            return true;
        } catch (NumberFormatException tooLarge) {
            return false;
        }
    }

    /** Whether {@code token} could be an interaction token: ASCII letters, digits, {@code - _ .}, not too long. */
    public static boolean isToken(String token) {
        if (token.isEmpty() || token.length() > MAX_TOKEN_LENGTH) {
            return false;
        }
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || c == '-'
                    || c == '_'
                    || c == '.';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /**
     * @throws MalformedInteractionException naming the first id that is not a snowflake, or a bad token
     */
    public static void check(Interaction interaction) throws MalformedInteractionException {
        if (interaction instanceof Interaction.Ping ping) {
            snowflake("id", ping.id());
            snowflake("application_id", ping.applicationId());
        } else if (interaction instanceof Interaction.ApplicationCommand command) {
            context(command.context());
            options(command.options());
            optional("target_id", command.targetId());
            if (command.targetMessage().isPresent()) {
                TargetMessage message = command.targetMessage().get();
                snowflake("target message id", message.id());
                if (!message.channelId().isEmpty()) {
                    snowflake("target message channel_id", message.channelId());
                }
                snowflake("target message author id", message.author().id());
            }
        } else if (interaction instanceof Interaction.Autocomplete autocomplete) {
            context(autocomplete.context());
            options(autocomplete.options());
        } else if (interaction instanceof Interaction.MessageComponent component) {
            context(component.context());
        } else if (interaction instanceof Interaction.ModalSubmit modal) {
            context(modal.context());
        }
    }

    private static void context(InteractionContext context) throws MalformedInteractionException {
        snowflake("id", context.id());
        snowflake("application_id", context.applicationId());
        optional("guild_id", context.guildId());
        optional("channel_id", context.channelId());
        optional("message id", context.messageId());
        snowflake("user id", context.invoker().id());
        for (Map.Entry<String, DiscordUser> user : context.resolvedUsers().entrySet()) {
            snowflake("resolved user id", user.getKey());
            snowflake("resolved user id", user.getValue().id());
        }
        if (!isToken(context.token())) {
            throw new MalformedInteractionException("The interaction's token is not a token");
        }
    }

    private static void options(CommandOptions options) throws MalformedInteractionException {
        for (CommandOptions.OptionValue option : options.values()) {
            boolean idValued = option.type() == USER
                    || option.type() == CHANNEL
                    || option.type() == ROLE
                    || option.type() == MENTIONABLE;
            // An autocomplete's focused option is what the user is typing, not yet an id.
            if (idValued && !option.focused()) {
                snowflake("option " + option.name(), option.value());
            }
        }
    }

    private static void optional(String what, Optional<String> id) throws MalformedInteractionException {
        if (id.isPresent()) {
            snowflake(what, id.get());
        }
    }

    private static void snowflake(String what, String id) throws MalformedInteractionException {
        if (!isSnowflake(id)) {
            throw new MalformedInteractionException(
                    "The interaction's " + what + " is not a snowflake (" + MIN_DIGITS + "–" + MAX_DIGITS + " digits)");
        }
    }
}
