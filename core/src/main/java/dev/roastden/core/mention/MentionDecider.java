package dev.roastden.core.mention;

import dev.roastden.core.command.CommandCatalog;
import dev.roastden.core.interaction.DiscordUser;
import dev.roastden.core.job.DeferredJob;
import dev.roastden.core.job.Snowflake;
import dev.roastden.core.persona.Persona;
import dev.roastden.core.persona.PersonaCatalog;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Decides what becomes of a message the gateway sees: a pure function of the message, who the bot is and the
 * channel's bot chain.
 *
 * <p>Ignored: the bot's own messages, webhooks, system messages, direct messages and anything that does not mention
 * the bot. People's mentions always count and end any bot chain in the channel. Other bots count only when they
 * mention the bot, and at most {@code botChainLimit} times in a row per channel (a person writing in the channel, or
 * {@code botChainWindow} without a bot mention, starts a fresh chain), so two bots can never keep each other talking.
 */
public final class MentionDecider {
    /** The command name of mention jobs. */
    public static final String COMMAND = "mention";

    /**
     * The option naming whom the mention is aimed at (see {@link MentionText#targetId}), absent when the persona
     * answers the author; the user is among the job's resolved users.
     */
    public static final String TARGET_OPTION = "target";

    /** The option carrying the bot's own user id, which can differ from the application id. */
    public static final String BOT_USER_OPTION = "bot_user";

    /** Messages carry no locale; mention replies use this one. */
    public static final String LOCALE = "en-US";

    private final PersonaCatalog personas;
    private final PersonaDefaults defaults;
    private final int botChainLimit;
    private final Duration botChainWindow;

    public MentionDecider(
            PersonaCatalog personas, PersonaDefaults defaults, int botChainLimit, Duration botChainWindow) {
        if (personas.all().isEmpty()) {
            throw new IllegalArgumentException("The persona catalog is empty");
        }
        if (botChainLimit < 0) {
            throw new IllegalArgumentException("The bot chain limit must not be negative");
        }
        this.personas = personas;
        this.defaults = defaults;
        this.botChainLimit = botChainLimit;
        this.botChainWindow = botChainWindow;
    }

    /**
     * Decides about one message.
     *
     * @param message the message
     * @param self who the bot is
     * @param chain the channel's bot chain before this message
     */
    public MentionDecision decide(IncomingMessage message, BotIdentity self, BotChain chain) {
        if (message.author().id().equals(self.userId())) {
            return MentionDecision.ignore(MentionDecision.Verdict.OWN_MESSAGE, chain);
        }
        if (message.webhook()) {
            return MentionDecision.ignore(MentionDecision.Verdict.WEBHOOK, chain);
        }
        if (message.system()) {
            return MentionDecision.ignore(MentionDecision.Verdict.SYSTEM, chain);
        }
        if (message.guildId().isEmpty()) {
            return MentionDecision.ignore(MentionDecision.Verdict.DIRECT_MESSAGE, chain);
        }
        Instant postedAt = postedAt(message);
        BotChain next;
        if (message.author().bot()) {
            if (!message.mentionsBot()) {
                return MentionDecision.ignore(MentionDecision.Verdict.NOT_MENTIONED, chain);
            }
            BotChain current = chain.at(postedAt, botChainWindow);
            if (current.length() >= botChainLimit) {
                // Keep the chain closed while the other bot keeps mentioning: only a person, or quiet, reopens it.
                return MentionDecision.ignore(
                        MentionDecision.Verdict.BOT_CHAIN_LIMIT, new BotChain(current.length(), postedAt));
            }
            next = current.extendedAt(postedAt);
        } else {
            next = BotChain.NONE;
            if (!message.mentionsBot()) {
                return MentionDecision.ignore(MentionDecision.Verdict.NOT_MENTIONED, next);
            }
        }
        String text = MentionText.withoutSelfMention(message.content(), self.userId(), message.selfRoleId());
        PersonaChoice persona = choosePersona(message, text);
        return MentionDecision.enqueue(job(message, self, text, persona.persona(), postedAt), persona, next);
    }

    /** The persona for a mention whose text (without the bot's mention) is {@code text}. */
    public PersonaChoice choosePersona(IncomingMessage message, String text) {
        Optional<Persona> named = MentionText.addressedPersona(text, personas);
        if (named.isPresent()) {
            return new PersonaChoice(named.get(), PersonaChoice.Source.NAMED);
        }
        Optional<Persona> channel = Optional.ofNullable(defaults.byChannel().get(message.channelId()))
                .flatMap(personas::find);
        if (channel.isPresent()) {
            return new PersonaChoice(channel.get(), PersonaChoice.Source.CHANNEL);
        }
        Optional<Persona> server =
                message.guildId().map(defaults.byServer()::get).flatMap(personas::find);
        if (server.isPresent()) {
            return new PersonaChoice(server.get(), PersonaChoice.Source.SERVER);
        }
        Optional<Persona> fallback = defaults.fallback().flatMap(personas::find);
        if (fallback.isPresent()) {
            return new PersonaChoice(fallback.get(), PersonaChoice.Source.DEFAULT);
        }
        return new PersonaChoice(personas.all().get(0), PersonaChoice.Source.FIRST);
    }

    private static DeferredJob job(
            IncomingMessage message, BotIdentity self, String text, Persona persona, Instant postedAt) {
        Map<String, DiscordUser> resolved = new LinkedHashMap<>(message.mentionedUsers());
        resolved.remove(self.userId());
        Map<String, String> options = new LinkedHashMap<>();
        options.put(CommandCatalog.PERSONA_OPTION, persona.id());
        options.put(BOT_USER_OPTION, self.userId());
        Optional<DeferredJob.ReferencedMessage> replyTo = message.replyTo();
        Optional<String> target =
                MentionText.targetId(text, self.userId(), message.author().id(), replyTo.map(r -> r.author()
                        .id()));
        target.ifPresent(id -> {
            options.put(TARGET_OPTION, id);
            replyTo.map(DeferredJob.ReferencedMessage::author)
                    .filter(author -> author.id().equals(id))
                    .ifPresent(author -> resolved.putIfAbsent(id, author));
        });
        return new DeferredJob(
                DeferredJob.Kind.MENTION,
                message.messageId(),
                self.applicationId(),
                Optional.empty(),
                COMMAND,
                Optional.empty(),
                options,
                message.author(),
                resolved,
                message.guildId(),
                Optional.of(message.channelId()),
                LOCALE,
                postedAt,
                Optional.of(new DeferredJob.Mention(text, message.replyTo())));
    }

    private static Instant postedAt(IncomingMessage message) {
        return Snowflake.instant(message.messageId()).orElse(Instant.EPOCH);
    }
}
