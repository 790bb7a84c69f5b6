package dev.roastden.worker.roast;

import dev.roastden.core.command.CommandCatalog;
import dev.roastden.core.interaction.DiscordUser;
import dev.roastden.core.job.DeferredJob;
import dev.roastden.core.memory.Fact;
import dev.roastden.core.memory.MemoryStore;
import dev.roastden.core.memory.Turn;
import dev.roastden.core.memory.Ulid;
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
import dev.roastden.worker.commands.Attempt;
import dev.roastden.worker.commands.Limits;
import dev.roastden.worker.commands.ReplyProducer.Produced;
import dev.roastden.worker.commands.RetryableFailure;
import dev.roastden.worker.commands.Texts;
import dev.roastden.worker.observability.WorkerMetrics;
import dev.roastden.worker.reply.Reply;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The path every persona reply takes (/roast, /ask, mentions): read limits, opt-outs, facts and turns side by side,
 * build the prompt, call the model within the attempt's time, tidy its words, and hand back the turn to remember.
 * A model failure is retryable until the last chance, then a friendly error in the persona's voice.
 */
public final class PersonaReplies {
    private static final Logger LOG = LoggerFactory.getLogger(PersonaReplies.class);

    /** How long a turn stays in short-term memory. */
    public static final Duration TURN_TTL = Duration.ofDays(30);

    private static final int FACTS_IN_PROMPT = 30;

    private final MemoryStore memory;
    private final PersonaModel model;
    private final PersonaCatalog personas;
    private final WorkerMetrics metrics;
    private final Clock clock;
    private final Limits limits;
    private final int maxTokens;

    public PersonaReplies(
            MemoryStore memory,
            PersonaModel model,
            PersonaCatalog personas,
            WorkerMetrics metrics,
            Clock clock,
            Limits limits,
            int maxTokens) {
        this.memory = memory;
        this.model = model;
        this.personas = personas;
        this.metrics = metrics;
        this.clock = clock;
        this.limits = limits;
        this.maxTokens = maxTokens;
    }

    /** The persona the job names, else one picked for the invoker (not their own, stable for the interaction). */
    Optional<Persona> personaFor(DeferredJob job) {
        Optional<String> named = job.option(CommandCatalog.PERSONA_OPTION);
        if (named.isPresent()) {
            return personas.find(named.get());
        }
        List<Persona> all = personas.all();
        if (all.isEmpty()) {
            return Optional.empty();
        }
        List<Persona> others =
                all.stream().filter(p -> !p.isHigherSelf(job.user().id())).toList();
        List<Persona> pool = others.isEmpty() ? all : others;
        return Optional.of(pool.get(Math.floorMod(job.interactionId().hashCode(), pool.size())));
    }

    /** The notice for a persona name nobody has. */
    Reply unknownPersona(DeferredJob job) {
        StringBuilder names = new StringBuilder();
        for (Persona p : personas.all()) {
            if (names.length() > 0) {
                names.append(", ");
            }
            names.append('`').append(p.id()).append('`');
        }
        String typed = job.option(CommandCatalog.PERSONA_OPTION).orElse("");
        return Reply.notice("There's no persona called `" + Texts.clean(typed, 40) + "`. Try one of: " + names + ".");
    }

    /**
     * The persona's reply.
     *
     * @param target whom it is aimed at (a roast's target, a mention's), if anyone
     * @param userText the cleaned topic, question or message
     */
    Produced reply(
            DeferredJob job,
            Persona persona,
            PromptInput.Task task,
            Optional<DiscordUser> target,
            String userText,
            Attempt attempt)
            throws RetryableFailure {
        org.slf4j.MDC.put("persona", persona.id());
        String scope = Texts.scope(job);
        DiscordUser invoker = job.user();
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
            return modelFailed(e, persona, attempt);
        }
        metrics.modelCall(Duration.ofNanos(System.nanoTime() - started), answer.inputTokens(), answer.outputTokens());
        if (answer.blocked()) {
            LOG.warn("The model's answer was blocked by a content filter or guardrail");
            return Produced.of(
                    speak(persona, "I started to answer that, then thought better of it. Let's keep it friendly."));
        }
        String text = Texts.tidy(answer.text(), persona);
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

    private static Produced modelFailed(ModelException e, Persona persona, Attempt attempt) throws RetryableFailure {
        if (e.kind() == ModelException.Kind.PERMANENT) {
            LOG.error("The model refused the request for good: {}", e.getMessage());
            return Produced.of(new Reply(
                    Reply.Kind.ERROR,
                    Optional.of(persona.name()),
                    persona.avatarUrl(),
                    "I lost my train of thought on that one (the model couldn't take the request). Try rephrasing?",
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

    /** A notice in the persona's voice. */
    static Reply speak(Persona persona, String text) {
        return new Reply(Reply.Kind.NOTICE, Optional.of(persona.name()), persona.avatarUrl(), text, List.of());
    }
}
