package dev.roastden.worker.roast;

import dev.roastden.core.command.CommandCatalog;
import dev.roastden.core.component.CustomId;
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
import dev.roastden.core.persona.Persona;
import dev.roastden.core.prompt.PromptBuilder;
import dev.roastden.core.prompt.PromptInput;
import dev.roastden.worker.Parallel;
import dev.roastden.worker.alerts.FailureAlert;
import dev.roastden.worker.alerts.FailureAlerts;
import dev.roastden.worker.commands.Attempt;
import dev.roastden.worker.commands.Limits;
import dev.roastden.worker.commands.ReplyProducer.Produced;
import dev.roastden.worker.commands.RetryableFailure;
import dev.roastden.worker.commands.Texts;
import dev.roastden.worker.consent.ConsentGate;
import dev.roastden.worker.consent.ConsentStore;
import dev.roastden.worker.consent.Refusal;
import dev.roastden.worker.observability.WorkerMetrics;
import dev.roastden.worker.persona.PersonaDirectory;
import dev.roastden.worker.reply.Reply;
import dev.roastden.worker.usage.Budgets;
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
 * The path every persona reply takes (/roast, /ask, mentions): resolve the persona in the server, ask the
 * {@link ConsentGate} first (a refusal is a private-style notice and no model call), read limits, facts and turns
 * side by side, and reach the model only through the gate, within the attempt's time. A model failure is retryable
 * until the last chance, then a friendly error in the persona's voice. There is no other way to the model here.
 * Outside a server nothing is read from memory or stored, and the reply says so.
 */
public final class PersonaReplies {
    private static final Logger LOG = LoggerFactory.getLogger(PersonaReplies.class);

    /** How long a turn stays in short-term memory. */
    public static final Duration TURN_TTL = Duration.ofDays(30);

    private static final int FACTS_IN_PROMPT = 30;

    /** Said under every reply outside a server. */
    public static final String OUTSIDE_SERVERS =
            "\n-# Outside a server: only the bundled personas, and nothing is remembered.";

    private final MemoryStore memory;
    private final ConsentStore consent;
    private final ConsentGate gate;
    private final PersonaDirectory personas;
    private final WorkerMetrics metrics;
    private final Clock clock;
    private final Budgets budgets;
    private final FailureAlerts alerts;
    private final int maxTokens;

    public PersonaReplies(
            MemoryStore memory,
            ConsentStore consent,
            ConsentGate gate,
            PersonaDirectory personas,
            WorkerMetrics metrics,
            Clock clock,
            Budgets budgets,
            FailureAlerts alerts,
            int maxTokens) {
        this.memory = memory;
        this.consent = consent;
        this.gate = gate;
        this.personas = personas;
        this.metrics = metrics;
        this.clock = clock;
        this.budgets = budgets;
        this.alerts = alerts;
        this.maxTokens = maxTokens;
    }

    /**
     * The persona the job names, as this server has it (any status), else one picked for the invoker among those who
     * may speak here (not their own, stable for the interaction); or the notice that says why there is none.
     */
    Chosen personaFor(DeferredJob job) {
        PersonaDirectory.Server server = personas.in(Texts.scope(job));
        Optional<String> named = job.option(CommandCatalog.PERSONA_OPTION);
        if (named.isPresent()) {
            Optional<PersonaDirectory.Found> found = server.find(named.get());
            if (found.isEmpty()) {
                return new Chosen.None(Reply.notice("There's no persona called `" + Texts.clean(named.get(), 40)
                        + "` here. Try one of: " + server.listedIds() + "."));
            }
            return new Chosen.One(found.get(), server);
        }
        Set<String> quiet = consent.optedOut(server.scope(), server.higherSelves());
        List<Persona> cast = server.cast(quiet);
        if (cast.isEmpty()) {
            return new Chosen.None(Reply.notice("No persona can speak in this server right now. "
                    + "Create one with `/persona create`, or ask a manager to show the bundled ones again."));
        }
        List<Persona> others =
                cast.stream().filter(p -> !p.isHigherSelf(job.user().id())).toList();
        List<Persona> pool = others.isEmpty() ? cast : others;
        Persona picked = pool.get(Math.floorMod(job.interactionId().hashCode(), pool.size()));
        return server.find(picked.id())
                .<Chosen>map(f -> new Chosen.One(f, server))
                .orElseGet(() -> new Chosen.None(Reply.notice("That persona just left. Try again.")));
    }

    /** The persona a job speaks as, or the notice that says why nobody does. */
    sealed interface Chosen {
        /** Found (in some status) in this server. */
        record One(PersonaDirectory.Found persona, PersonaDirectory.Server server) implements Chosen {}

        /** Nobody: say this. */
        record None(Reply notice) implements Chosen {}
    }

    /**
     * The persona's reply, when consent allows it (else the notice that says why not, with no model call).
     *
     * @param target whom it is aimed at (a roast's target, a mention's), if anyone
     * @param userText the cleaned topic, question or message
     */
    Produced reply(
            DeferredJob job,
            Chosen.One chosen,
            PromptInput.Task task,
            Optional<DiscordUser> target,
            String userText,
            Attempt attempt)
            throws RetryableFailure {
        Persona persona = chosen.persona().persona();
        org.slf4j.MDC.put("persona", persona.id());
        String scope = Texts.scope(job);
        DiscordUser invoker = job.user();
        Optional<Refusal> refusal = gate.check(scope, persona.id(), invoker, target, userText);
        if (refusal.isPresent()) {
            return Produced.of(refused(refusal.get(), task));
        }
        // A server past its budget, or a member past the daily cap, gets no model call at all.
        Budgets.Gate budget = budgets.check(scope, invoker.id());
        if (budget instanceof Budgets.Gate.Closed closed) {
            return Produced.of(Reply.notice(closed.message()));
        }
        Budgets.Gate.Open open = (Budgets.Gate.Open) budget;
        Limits limits = open.limits();
        // Everything the prompt needs, read side by side: one round trip instead of four.
        Instant now = clock.instant();
        var userOk = Parallel.async(() -> memory.tryCount(limits.perUser(), invoker.id(), job.interactionId(), now));
        var guildOk = Parallel.async(() -> memory.tryCount(limits.perGuild(), scope, job.interactionId(), now));
        // Outside a server (a DM, or a server where only a user install let the command in) nothing is remembered.
        boolean inServer = job.guildId().isPresent();
        var facts = inServer
                ? Parallel.async(() -> memory.facts(scope, persona.id(), FACTS_IN_PROMPT))
                : java.util.concurrent.CompletableFuture.completedFuture(List.<Fact>of());
        var turns = inServer
                ? Parallel.async(() -> memory.recentTurns(scope, persona.id(), PromptBuilder.MAX_TURNS, now))
                : java.util.concurrent.CompletableFuture.completedFuture(List.<Turn>of());
        boolean withinLimits = Parallel.join(userOk) & Parallel.join(guildOk);
        List<Fact> knownFacts = Parallel.join(facts);
        List<Turn> recent = Parallel.join(turns);
        if (!withinLimits) {
            return Produced.of(speak(persona, "Easy there. I need a breather; try again in a minute."));
        }
        // The gate decides the cast, and which facts and turns may be named; this is only the first draft.
        PromptInput input = new PromptInput(
                task, persona, chosen.server().cast(Set.of()), invoker, target, userText, knownFacts, recent);
        // Past the server's soft limit, the gate names the cheaper fallback model.
        ModelRequest request = new ModelRequest(PromptBuilder.build(input), input, maxTokens, open.model());
        ModelReply answer;
        long started = System.nanoTime();
        try {
            answer = gate.generate(scope, request, attempt.modelTime().remaining());
        } catch (ConsentGate.Refused refused) {
            return Produced.of(refused(refused.refusal(), task));
        } catch (ModelException e) {
            String errorClass =
                    e.getCause() == null ? "unknown" : e.getCause().getClass().getSimpleName();
            if (e.kind() == ModelException.Kind.PERMANENT) {
                metrics.modelRejected(errorClass);
                alert(job, scope, persona, "model-rejected:" + errorClass, e);
            } else if (attempt.lastChance()) {
                alert(job, scope, persona, "model-unavailable", e);
            }
            return modelFailed(e, persona, attempt);
        }
        metrics.modelCall(Duration.ofNanos(System.nanoTime() - started), answer.inputTokens(), answer.outputTokens());
        Optional<String> managersNote = recordUsage(scope, open, invoker, job, task, answer);
        if (answer.blocked()) {
            LOG.warn("The model's answer was blocked by a content filter or guardrail");
            return Produced.of(
                    speak(persona, "I started to answer that, then thought better of it. Let's keep it friendly."));
        }
        String text = Texts.tidy(answer.text(), persona);
        // Everyone the exchange names is in it: "/forget me" by any of them removes it.
        Set<String> users = new LinkedHashSet<>();
        users.add(invoker.id());
        target.ifPresent(t -> users.add(t.id()));
        users.addAll(MentionText.mentionedUserIds(userText));
        users.addAll(MentionText.mentionedUserIds(text));
        DiscordUser subject = target.orElse(invoker);
        Turn turn = new Turn(
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
                job.createdAt().plus(TURN_TTL));
        // A roast pings its target; a mention pings its target, or the author when it is aimed at nobody else. The
        // gate refused the request if either had opted out.
        List<String> pings = target.map(t -> List.of(t.id())).orElse(List.of());
        if (task == PromptInput.Task.MENTION && target.isEmpty()) {
            pings = List.of(invoker.id());
        }
        String shown = managersNote.map(note -> text + "\n\n-# " + note).orElse(text);
        if (!inServer) {
            return Produced.of(new Reply(
                    Reply.Kind.ANSWER,
                    Optional.of(persona.name()),
                    persona.avatarUrl(),
                    shown + OUTSIDE_SERVERS,
                    pings));
        }
        List<Reply.Button> buttons = new java.util.ArrayList<>();
        if (task != PromptInput.Task.MENTION) {
            buttons.add(new Reply.Button(
                    CustomId.of(CustomId.ANOTHER_ONE, persona.id(), turn.id()).format(),
                    "Another one",
                    Reply.Button.Style.SECONDARY,
                    Optional.of("🔁"),
                    false));
        }
        if (task == PromptInput.Task.ROAST
                && target.isPresent()
                && !target.get().id().equals(invoker.id())) {
            buttons.add(new Reply.Button(
                    CustomId.of(
                                    CustomId.ROAST_BACK,
                                    persona.id(),
                                    turn.id(),
                                    target.get().id())
                            .format(),
                    "Roast back",
                    Reply.Button.Style.PRIMARY,
                    Optional.of("🎯"),
                    false));
        }
        return new Produced(
                new Reply(Reply.Kind.ANSWER, Optional.of(persona.name()), persona.avatarUrl(), shown, pings, buttons),
                Optional.of(turn));
    }

    /** Tells the managers and the admin channel that a member got an error (at most once per cause and window). */
    private void alert(DeferredJob job, String scope, Persona persona, String cause, ModelException e) {
        Throwable root = e.getCause() == null ? e : e.getCause();
        Optional<String> requestId = root instanceof software.amazon.awssdk.awscore.exception.AwsServiceException aws
                ? Optional.ofNullable(aws.requestId())
                : Optional.empty();
        alerts.report(
                new FailureAlert(
                        scope,
                        cause,
                        job.command(),
                        Optional.of(persona.id()),
                        job.interactionId(),
                        root.getClass().getSimpleName(),
                        String.valueOf(root.getMessage()),
                        requestId),
                FailureAlerts.secretsOf(job.token()));
    }

    /** Counts the call against the server's budget; a failure to count is logged, never in the way of the reply. */
    private Optional<String> recordUsage(
            String scope,
            Budgets.Gate.Open open,
            DiscordUser invoker,
            DeferredJob job,
            PromptInput.Task task,
            ModelReply answer) {
        String command = task == PromptInput.Task.MENTION ? "mention" : job.command();
        try {
            return budgets.record(scope, open, invoker.id(), command, answer);
        } catch (RuntimeException e) {
            LOG.error("Could not record the model call's usage", e);
            return Optional.empty();
        }
    }

    /**
     * The notice for a refusal: private to the invoker (it may name who opted out); a mention's goes to the channel,
     * so it names no member there.
     */
    private static Reply refused(Refusal refusal, PromptInput.Task task) {
        if (task == PromptInput.Task.MENTION) {
            return Reply.notice(refusal.unnamed().message());
        }
        return Reply.privately(refusal.message());
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
