package dev.roastden.worker.commands;

import dev.roastden.core.command.CommandCatalog;
import dev.roastden.core.interaction.DiscordUser;
import dev.roastden.core.job.DeferredJob;
import dev.roastden.core.memory.Fact;
import dev.roastden.core.memory.ForgetCounts;
import dev.roastden.core.memory.MemoryStore;
import dev.roastden.core.memory.Turn;
import dev.roastden.core.memory.Ulid;
import dev.roastden.core.mention.MentionDecider;
import dev.roastden.core.mention.MentionText;
import dev.roastden.core.model.ModelException;
import dev.roastden.core.model.ModelReply;
import dev.roastden.core.model.ModelRequest;
import dev.roastden.core.model.PersonaModel;
import dev.roastden.core.persona.Persona;
import dev.roastden.core.persona.PersonaCatalog;
import dev.roastden.core.prompt.PromptBuilder;
import dev.roastden.core.prompt.PromptInput;
import dev.roastden.worker.Parallel;
import dev.roastden.worker.observability.WorkerMetrics;
import dev.roastden.worker.reply.Reply;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a job into the reply to send: the persona commands call the model with the persona's memories and store the
 * turn; {@code /remember} and {@code /forget} work on memory and answer privately. No Discord calls here.
 */
public final class ReplyProducer {
    private static final Logger LOG = LoggerFactory.getLogger(ReplyProducer.class);

    /** How long a turn stays in short-term memory. */
    public static final Duration TURN_TTL = Duration.ofDays(30);

    private static final int FACTS_IN_PROMPT = 30;
    private static final Pattern MENTION = Pattern.compile("<@!?(\\d{1,20})>");
    private static final Pattern EMAIL = Pattern.compile("[\\w.+-]+@[\\w-]+\\.[\\w.-]+");
    private static final Pattern PHONE = Pattern.compile("(?<!\\d)(?:\\+?\\d[\\s().-]?){9,}\\d(?!\\d)");
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}&&[^\\n]]");
    private static final Pattern MASS_PING = Pattern.compile("@(everyone|here)");

    private final MemoryStore memory;
    private final PersonaModel model;
    private final FactScreen factScreen;
    private final PersonaCatalog personas;
    private final WorkerMetrics metrics;
    private final Clock clock;
    private final Limits limits;
    private final int maxTokens;

    public ReplyProducer(
            MemoryStore memory,
            PersonaModel model,
            FactScreen factScreen,
            PersonaCatalog personas,
            WorkerMetrics metrics,
            Clock clock,
            Limits limits,
            int maxTokens) {
        this.memory = memory;
        this.model = model;
        this.factScreen = factScreen;
        this.personas = personas;
        this.metrics = metrics;
        this.clock = clock;
        this.limits = limits;
        this.maxTokens = maxTokens;
    }

    /**
     * The reply to a command job.
     *
     * @param attempt whether it is the last chance, whether an earlier attempt came first, the time for the model
     * @throws RetryableFailure when a later attempt may succeed
     */
    public Produced produce(DeferredJob job, Attempt attempt) throws RetryableFailure {
        boolean lastChance = attempt.lastChance();
        try {
            if (job.kind() == DeferredJob.Kind.COMPONENT) {
                return Produced.of(Reply.notice("That button isn't wired up yet."));
            }
            switch (job.command()) {
                case CommandCatalog.ROAST:
                    return personaReply(job, PromptInput.Task.ROAST, attempt);
                case CommandCatalog.ASK:
                    return personaReply(job, PromptInput.Task.ASK, attempt);
                case CommandCatalog.REMEMBER:
                    return Produced.of(remember(job, attempt));
                case CommandCatalog.FORGET:
                    return Produced.of(forget(job, attempt.repeated()));
                case "mention":
                    return personaReply(job, PromptInput.Task.MENTION, attempt);
                default:
                    return Produced.of(Reply.notice("I don't know the command /" + job.command() + "."));
            }
        } catch (RuntimeException storeOrBug) {
            if (lastChance) {
                LOG.error("Giving up on the job after its last attempt", storeOrBug);
                return Produced.of(
                        Reply.error("Something broke on our side and I couldn't finish that. Please try again."));
            }
            throw new RetryableFailure("Could not produce the reply", storeOrBug);
        }
    }

    /**
     * A reply and the turn to remember with it; the caller stores the turn together with the saved reply.
     *
     * @param turn the exchange to keep in short-term memory, when there is one
     */
    public record Produced(Reply reply, Optional<Turn> turn) {
        public static Produced of(Reply reply) {
            return new Produced(reply, Optional.empty());
        }
    }

    // --- /roast, /ask, mentions ------------------------------------------------------------------------------------

    private Produced personaReply(DeferredJob job, PromptInput.Task task, Attempt attempt) throws RetryableFailure {
        Optional<Persona> chosen = personaFor(job, task);
        if (chosen.isEmpty()) {
            return Produced.of(Reply.notice(
                    unknownPersona(job.option(CommandCatalog.PERSONA_OPTION).orElse(""))));
        }
        Persona persona = chosen.get();
        org.slf4j.MDC.put("persona", persona.id());
        String scope = scope(job);
        DiscordUser invoker = job.user();
        Optional<DiscordUser> target = Optional.empty();
        String userText;
        if (task == PromptInput.Task.ROAST) {
            Optional<String> targetId = job.option("target");
            if (targetId.isEmpty()) {
                return Produced.of(Reply.notice("Tell me who to roast: `/roast target:@someone persona:…`."));
            }
            target = Optional.of(resolved(job, targetId.get()));
            userText = clean(job.option("topic").orElse(""), CommandCatalog.MAX_TOPIC_LENGTH);
        } else if (task == PromptInput.Task.ASK) {
            userText = clean(job.option("question").orElse(""), CommandCatalog.MAX_QUESTION_LENGTH);
            if (userText.isBlank()) {
                return Produced.of(Reply.notice("Ask me something: `/ask question:…`."));
            }
        } else {
            userText = clean(job.mention().map(DeferredJob.Mention::content).orElse(""), 2000);
            target = job.option(MentionDecider.TARGET_OPTION).map(id -> resolved(job, id));
        }
        // Everything the prompt needs, read side by side: one round trip instead of five.
        Instant now = clock.instant();
        List<String> involved = target.map(t -> List.of(invoker.id(), t.id())).orElse(List.of(invoker.id()));
        var userOk = Parallel.async(() -> memory.tryCount(limits.perUser(), invoker.id(), job.interactionId(), now));
        var guildOk = Parallel.async(() -> memory.tryCount(limits.perGuild(), scope, job.interactionId(), now));
        var optedOut = Parallel.async(() -> memory.optedOut(scope, involved));
        var facts = Parallel.async(() -> memory.facts(scope, persona.id(), FACTS_IN_PROMPT));
        var turns = Parallel.async(() -> memory.recentTurns(scope, persona.id(), PromptBuilder.MAX_TURNS, now));
        Set<String> out = Parallel.join(optedOut);
        boolean withinLimits = Parallel.join(userOk) & Parallel.join(guildOk);
        List<Fact> knownFacts = Parallel.join(facts);
        List<Turn> recent = Parallel.join(turns);
        if (target.isPresent() && out.contains(target.get().id())) {
            return Produced.of(
                    speak(persona, target.get().displayName() + " has opted out of roasts here. I'll leave them be."));
        }
        if (!withinLimits) {
            return Produced.of(speak(persona, "Easy there. I need a breather; try again in a minute."));
        }
        PromptInput input =
                new PromptInput(task, persona, personas.all(), invoker, target, userText, knownFacts, recent);
        ModelRequest request = new ModelRequest(PromptBuilder.build(input), input, maxTokens);
        ModelReply answer;
        long started = System.nanoTime();
        try {
            answer = model.generate(request, attempt.modelTime().remaining());
        } catch (ModelException e) {
            if (e.kind() == ModelException.Kind.PERMANENT) {
                LOG.error("The model refused the request for good: {}", e.getMessage());
                return Produced.of(new Reply(
                        Reply.Kind.ERROR,
                        Optional.of(persona.name()),
                        persona.avatarUrl(),
                        "I lost my train of thought on that one (the model couldn't take the request). "
                                + "Try rephrasing?",
                        List.of()));
            }
            if (attempt.lastChance()) {
                LOG.error("The model is still unavailable on the last attempt: {}", e.getMessage());
                return Produced.of(new Reply(
                        Reply.Kind.ERROR,
                        Optional.of(persona.name()),
                        persona.avatarUrl(),
                        "I'm swamped right now and couldn't get to this. Try again in a minute.",
                        List.of()));
            }
            throw new RetryableFailure("The model is unavailable: " + e.getMessage(), e);
        }
        metrics.modelCall(Duration.ofNanos(System.nanoTime() - started), answer.inputTokens(), answer.outputTokens());
        if (answer.blocked()) {
            LOG.warn("The model's answer was blocked by a content filter or guardrail");
            return Produced.of(
                    speak(persona, "I started to answer that, then thought better of it. Let's keep it friendly."));
        }
        String text = tidy(answer.text(), persona);
        Optional<Turn> turn = Optional.empty();
        if (!out.contains(invoker.id())) {
            // Everyone the exchange names is in it: "/forget me" by any of them removes it.
            Set<String> users = new LinkedHashSet<>(involved);
            users.addAll(MentionText.mentionedUserIds(userText));
            users.addAll(MentionText.mentionedUserIds(text));
            DiscordUser subject = target.orElse(invoker);
            turn = Optional.of(new Turn(
                    scope,
                    persona.id(),
                    Ulid.derive(job.createdAt(), job.interactionId()),
                    task == PromptInput.Task.MENTION ? "mention" : job.command(),
                    invoker.id(),
                    invoker.displayName(),
                    subject.id(),
                    subject.displayName(),
                    users,
                    userText,
                    text,
                    job.createdAt(),
                    job.createdAt().plus(TURN_TTL)));
        }
        // A roast pings its target; a mention pings its target, or the author when it is aimed at nobody else.
        List<String> pings = target.map(t -> List.of(t.id())).orElse(List.of());
        if (task == PromptInput.Task.MENTION && target.isEmpty()) {
            pings = List.of(invoker.id());
        }
        return new Produced(
                new Reply(Reply.Kind.ANSWER, Optional.of(persona.name()), persona.avatarUrl(), text, pings), turn);
    }

    /** The user with this id as the job resolved them; "them" when the job did not carry their name. */
    private static DiscordUser resolved(DeferredJob job, String userId) {
        return job.resolvedUsers().getOrDefault(userId, new DiscordUser(userId, "them", false, "0"));
    }

    private Optional<Persona> personaFor(DeferredJob job, PromptInput.Task task) {
        Optional<String> named = job.option(CommandCatalog.PERSONA_OPTION);
        if (named.isPresent()) {
            return personas.find(named.get());
        }
        List<Persona> all = personas.all();
        if (all.isEmpty()) {
            return Optional.empty();
        }
        // "A persona picked for you": not your own, stable for the interaction.
        List<Persona> others =
                all.stream().filter(p -> !p.isHigherSelf(job.user().id())).toList();
        List<Persona> pool = others.isEmpty() ? all : others;
        return Optional.of(pool.get(Math.floorMod(job.interactionId().hashCode(), pool.size())));
    }

    private String unknownPersona(String typed) {
        StringBuilder names = new StringBuilder();
        for (Persona p : personas.all()) {
            if (names.length() > 0) {
                names.append(", ");
            }
            names.append('`').append(p.id()).append('`');
        }
        return "There's no persona called `" + clean(typed, 40) + "`. Try one of: " + names + ".";
    }

    // --- /remember --------------------------------------------------------------------------------------------------

    private Reply remember(DeferredJob job, Attempt attempt) throws RetryableFailure {
        if (job.guildId().isEmpty()) {
            return Reply.notice("Memories live in a server: use /remember there.");
        }
        String guild = job.guildId().get();
        DiscordUser invoker = job.user();
        Optional<Persona> persona = job.option(CommandCatalog.PERSONA_OPTION)
                .map(personas::find)
                .orElseGet(() -> personas.ofHigherSelf(invoker.id()));
        if (persona.isEmpty()) {
            return job.option(CommandCatalog.PERSONA_OPTION).isPresent()
                    ? Reply.notice(unknownPersona(
                            job.option(CommandCatalog.PERSONA_OPTION).get()))
                    : Reply.notice(
                            "You're not the Higher Self of any persona, so name one: `/remember fact:… persona:…`.");
        }
        Persona p = persona.get();
        if (!p.isHigherSelf(invoker.id()) && !invoker.canManageServer()) {
            return Reply.notice("Only " + p.name() + "'s Higher Self or members with Manage Server can teach "
                    + p.name() + " long-term memories. You can still /ask or /roast with " + p.name() + ".");
        }
        String fact = clean(job.option("fact").orElse(""), CommandCatalog.MAX_FACT_LENGTH);
        if (fact.isBlank()) {
            return Reply.notice("Give me something to remember: `/remember fact:…`.");
        }
        String withoutMentions = MENTION.matcher(fact).replaceAll(" ");
        if (EMAIL.matcher(withoutMentions).find()
                || PHONE.matcher(withoutMentions).find()) {
            return Reply.notice("That looks like private contact details. Personas don't keep those; "
                    + "try a story or a habit instead.");
        }
        FactLinks links = FactLinks.of(job, fact);
        Set<String> users = links.users();
        String subject = links.subject();
        for (String user : users) {
            if (!user.equals(invoker.id()) && memory.hasOptedOut(guild, user)) {
                return Reply.notice("Someone mentioned in that fact has opted out of being remembered.");
            }
        }
        Optional<Reply> refused = screen(fact, p, attempt);
        if (refused.isPresent()) {
            return refused.get();
        }
        String id = Ulid.derive(job.createdAt(), job.interactionId());
        memory.saveFact(
                new Fact(guild, p.id(), id, fact, invoker.id(), subject, users, links.names(), job.createdAt()));
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

    // --- /forget ----------------------------------------------------------------------------------------------------

    /**
     * @param repeated an earlier attempt may already have deleted what this one is asked to: counts would then
     *     understate what was deleted, so the answer says what is true now instead
     */
    private Reply forget(DeferredJob job, boolean repeated) {
        if (job.guildId().isEmpty()) {
            return Reply.notice("Memories live in a server: use /forget there.");
        }
        String guild = job.guildId().get();
        DiscordUser invoker = job.user();
        List<String> personaIds = personas.all().stream().map(Persona::id).toList();
        String sub = job.subcommand().orElse("");
        switch (sub) {
            case CommandCatalog.FORGET_MEMORY: {
                Optional<String> id = job.option("id").flatMap(Fact::normaliseId);
                if (id.isEmpty()) {
                    return Reply.notice("That isn't a memory id. Ids look like `01JD5Q8Z3N4V6W7X8Y9Z0A1B2C`.");
                }
                Optional<Fact> fact = memory.findFact(guild, personaIds, id.get());
                if (fact.isEmpty()) {
                    if (repeated) {
                        return Reply.notice("Forgotten: memory `" + id.get() + "` is already deleted.");
                    }
                    return Reply.notice("No memory `" + id.get() + "` in this server (already forgotten?).");
                }
                Fact f = fact.get();
                boolean higherSelf = personas.find(f.personaId())
                        .map(p -> p.isHigherSelf(invoker.id()))
                        .orElse(false);
                if (!f.involves(invoker.id()) && !higherSelf && !invoker.canManageServer()) {
                    return Reply.notice("Only the person who taught it, someone it's about, the persona's Higher Self "
                            + "or members with Manage Server can delete that memory.");
                }
                boolean deleted = memory.deleteFact(f);
                return Reply.notice(deleted ? "Forgotten: memory `" + f.id() + "` (1 fact deleted)." : "Already gone.");
            }
            case CommandCatalog.FORGET_PERSONA: {
                String typed = job.option(CommandCatalog.PERSONA_OPTION).orElse("");
                Optional<Persona> persona = personas.find(typed);
                if (persona.isEmpty()) {
                    return Reply.notice(unknownPersona(typed));
                }
                Persona p = persona.get();
                if (!p.isHigherSelf(invoker.id()) && !invoker.canManageServer()) {
                    return Reply.notice("Only " + p.name() + "'s Higher Self or members with Manage Server can wipe "
                            + p.name() + "'s memory.");
                }
                ForgetCounts counts = memory.forgetPersona(guild, p.id());
                if (repeated) {
                    return Reply.notice(p.name() + " forgot everything from this server: it's all deleted.");
                }
                return Reply.notice(p.name() + " forgot everything from this server: " + describe(counts) + ".");
            }
            case CommandCatalog.FORGET_ME: {
                ForgetCounts counts = memory.forgetUser(guild, invoker.id(), Set.of(invoker.displayName()), personaIds);
                if (repeated) {
                    return Reply.notice("Done. Everything stored about you in this server is deleted."
                            + " (New conversations are remembered again; they expire after 30 days.)");
                }
                return Reply.notice("Done. Deleted everything stored about you in this server: " + describe(counts)
                        + ". (New conversations are remembered again; they expire after 30 days.)");
            }
            default:
                return Reply.notice("Use `/forget memory`, `/forget persona` or `/forget me`.");
        }
    }

    private static String describe(ForgetCounts counts) {
        return counts.facts() + (counts.facts() == 1 ? " fact" : " facts") + " and " + counts.turns()
                + (counts.turns() == 1 ? " conversation turn" : " conversation turns");
    }

    // --- helpers ----------------------------------------------------------------------------------------------------

    private Reply speak(Persona persona, String text) {
        return new Reply(Reply.Kind.NOTICE, Optional.of(persona.name()), persona.avatarUrl(), text, List.of());
    }

    /** The memory scope: the server, or the DM channel outside servers. */
    static String scope(DeferredJob job) {
        return job.guildId()
                .orElseGet(() -> "DM" + job.channelId().orElse(job.user().id()));
    }

    /** User text without control characters, trimmed and cut to the command's limit. */
    static String clean(String text, int max) {
        String cleaned = CONTROL.matcher(text).replaceAll(" ").strip();
        return cleaned.length() > max ? cleaned.substring(0, max) : cleaned;
    }

    /** The model's text without a leading "Name:" and with mass pings defused. */
    static String tidy(String text, Persona persona) {
        String out = text.strip();
        for (String prefix :
                List.of(persona.name() + ":", "**" + persona.name() + "**:", "**" + persona.name() + ":**")) {
            if (out.startsWith(prefix)) {
                out = out.substring(prefix.length()).strip();
            }
        }
        return MASS_PING.matcher(out).replaceAll("@\u200b$1");
    }
}
