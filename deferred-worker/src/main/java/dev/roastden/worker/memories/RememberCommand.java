package dev.roastden.worker.memories;

import dev.roastden.core.command.CommandCatalog;
import dev.roastden.core.interaction.DiscordUser;
import dev.roastden.core.job.DeferredJob;
import dev.roastden.core.memory.Fact;
import dev.roastden.core.memory.MemoryStore;
import dev.roastden.core.memory.Ulid;
import dev.roastden.core.persona.Persona;
import dev.roastden.worker.commands.Attempt;
import dev.roastden.worker.commands.CommandHandler;
import dev.roastden.worker.commands.FactLinks;
import dev.roastden.worker.commands.FactScreen;
import dev.roastden.worker.commands.ReplyProducer.Produced;
import dev.roastden.worker.commands.RetryableFailure;
import dev.roastden.worker.commands.Texts;
import dev.roastden.worker.consent.ConsentStore;
import dev.roastden.worker.observability.WorkerMetrics;
import dev.roastden.worker.persona.PersonaDirectory;
import dev.roastden.worker.reply.Reply;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /remember fact:… persona:…}: a long-term fact for a persona, taught by its Higher Self or a manager. Contact
 * details are refused, a fact naming a member who opted out is refused, and the server's content rules screen the
 * rest before anything is stored. The answer is private and gives the memory id for {@code /forget memory}. "Remember
 * this" on a message takes the same path ({@link #rememberMessage}): the message's text about its author, the
 * message's link as the fact's source.
 */
public final class RememberCommand implements CommandHandler {
    private static final Logger LOG = LoggerFactory.getLogger(RememberCommand.class);

    private static final Pattern MENTION = Pattern.compile("<@!?(\\d{1,20})>");
    private static final Pattern EMAIL = Pattern.compile("[\\w.+-]+@[\\w-]+\\.[\\w.-]+");
    private static final Pattern PHONE = Pattern.compile("(?<!\\d)(?:\\+?\\d[\\s().-]?){9,}\\d(?!\\d)");

    private final MemoryStore memory;
    private final ConsentStore consent;
    private final FactScreen factScreen;
    private final PersonaDirectory personas;
    private final WorkerMetrics metrics;

    public RememberCommand(
            MemoryStore memory,
            ConsentStore consent,
            FactScreen factScreen,
            PersonaDirectory personas,
            WorkerMetrics metrics) {
        this.memory = memory;
        this.consent = consent;
        this.factScreen = factScreen;
        this.personas = personas;
        this.metrics = metrics;
    }

    @Override
    public Produced handle(DeferredJob job, Attempt attempt) throws RetryableFailure {
        return Produced.of(remember(job, attempt));
    }

    private Reply remember(DeferredJob job, Attempt attempt) throws RetryableFailure {
        String fact = Texts.clean(job.option("fact").orElse(""), CommandCatalog.MAX_FACT_LENGTH);
        return remember(job, attempt, fact, Optional.empty(), Optional.empty());
    }

    /**
     * "Remember this" on a message: the message's text as a fact about its author, with the message's link as its
     * source, by the same rules and screening as {@code /remember} (the invoker's own persona remembers it).
     */
    public Produced rememberMessage(DeferredJob job, Attempt attempt) throws RetryableFailure {
        Optional<String> author = job.option(DeferredJob.TARGET_AUTHOR);
        Optional<String> message = job.option(DeferredJob.TARGET_ID);
        if (author.isEmpty() || message.isEmpty() || job.guildId().isEmpty()) {
            return Produced.of(Reply.notice("Discord didn't say which message that was. Try again from its menu."));
        }
        if (Texts.resolved(job, author.get()).bot()) {
            return Produced.of(Reply.notice("That message is from a bot. Personas only remember people."));
        }
        String link = "https://discord.com/channels/" + job.guildId().get() + "/"
                + job.option(DeferredJob.TARGET_CHANNEL).orElse(job.channelId().orElse("0")) + "/" + message.get();
        String fact = Texts.clean(job.option(DeferredJob.TARGET_CONTENT).orElse(""), CommandCatalog.MAX_FACT_LENGTH);
        return Produced.of(remember(job, attempt, fact, author, Optional.of(link)));
    }

    /**
     * @param about whom the fact is about when it is not told by its mentions (a kept message's author)
     * @param source where the fact came from
     */
    private Reply remember(
            DeferredJob job, Attempt attempt, String fact, Optional<String> about, Optional<String> source)
            throws RetryableFailure {
        if (job.guildId().isEmpty()) {
            return Reply.notice("Memories live in a server: use /remember there.");
        }
        String guild = job.guildId().get();
        DiscordUser invoker = job.user();
        Optional<String> named = job.option(CommandCatalog.PERSONA_OPTION);
        PersonaDirectory.Server server = personas.in(guild);
        Optional<Persona> persona = named.map(server::find)
                .orElseGet(() -> server.ofHigherSelf(invoker.id()))
                .map(PersonaDirectory.Found::persona);
        if (persona.isEmpty()) {
            return named.isPresent()
                    ? Reply.notice(MemoryTexts.unknownPersona(named.get(), server))
                    : Reply.notice(
                            "You're not the Higher Self of any persona, so name one: `/remember fact:… persona:…`.");
        }
        Persona p = persona.get();
        if (!p.isHigherSelf(invoker.id()) && !invoker.canManageServer()) {
            return Reply.notice("Only " + p.name() + "'s Higher Self or members with Manage Server can teach "
                    + p.name() + " long-term memories. You can still /ask or /roast with " + p.name() + ".");
        }
        if (fact.isBlank()) {
            return Reply.notice("Give me something to remember: `/remember fact:…`.");
        }
        String withoutMentions = MENTION.matcher(fact).replaceAll(" ");
        if (EMAIL.matcher(withoutMentions).find()
                || PHONE.matcher(withoutMentions).find()) {
            return Reply.notice("That looks like private contact details. Personas don't keep those; "
                    + "try a story or a habit instead.");
        }
        FactLinks links = about.isPresent() ? FactLinks.of(job, fact, about) : FactLinks.of(job, fact);
        Set<String> users = links.users();
        String subject = links.subject();
        Set<String> others = new LinkedHashSet<>(users);
        others.remove(invoker.id());
        if (!others.isEmpty() && !consent.optedOut(guild, others).isEmpty()) {
            return Reply.notice("Someone mentioned in that fact has opted out of being remembered.");
        }
        Optional<Reply> refused = screen(fact, p, attempt);
        if (refused.isPresent()) {
            return refused.get();
        }
        String id = Ulid.derive(job.createdAt(), job.interactionId());
        memory.saveFact(new Fact(
                guild, p.id(), id, fact, invoker.id(), subject, users, links.names(), job.createdAt(), source));
        LOG.info("Stored fact {} for persona {}", id, p.id());
        return Reply.notice("🧠 " + p.name() + " will remember that.\nMemory id: `" + id
                + "` (delete it with `/forget memory id:" + id + "`).");
    }

    /**
     * Screens the fact with the server's content rules: empty when it may be stored, else the private answer that
     * says why not. The answer never repeats the fact or what the screen found in it.
     */
    private Optional<Reply> screen(String fact, Persona persona, Attempt attempt) throws RetryableFailure {
        FactScreen.Verdict verdict;
        try {
            verdict = factScreen.screen(fact, attempt.modelTime().remaining());
        } catch (FactScreen.Unavailable e) {
            if (!e.retryable()) {
                LOG.error("The fact screen refused the request for good: {}", e.getMessage());
                return Optional.of(Reply.error("I couldn't check that fact against this server's content rules, "
                        + "so I didn't remember it. Please tell a server admin."));
            }
            if (attempt.lastChance()) {
                LOG.error("The fact screen is still unavailable on the last attempt: {}", e.getMessage());
                return Optional.of(Reply.error("I couldn't check that fact against this server's content rules "
                        + "right now, so I didn't remember it. Try again in a minute."));
            }
            throw new RetryableFailure("The fact screen is unavailable: " + e.getMessage(), e);
        }
        if (verdict instanceof FactScreen.Verdict.Refused r) {
            metrics.factRefused();
            LOG.info("A fact for persona {} was refused by the content rules ({})", persona.id(), r.reason());
            return Optional.of(Reply.notice(persona.name() + " can't remember that: it breaks this server's content "
                    + "rules, so nothing was stored. Try a different fact."));
        }
        return Optional.empty();
    }
}
