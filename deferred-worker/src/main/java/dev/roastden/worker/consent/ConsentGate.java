package dev.roastden.worker.consent;

import dev.roastden.core.interaction.DiscordUser;
import dev.roastden.core.memory.Fact;
import dev.roastden.core.memory.Turn;
import dev.roastden.core.mention.MentionText;
import dev.roastden.core.model.ModelException;
import dev.roastden.core.model.ModelReply;
import dev.roastden.core.model.ModelRequest;
import dev.roastden.core.model.PersonaModel;
import dev.roastden.core.persona.Persona;
import dev.roastden.core.persona.PersonaStatus;
import dev.roastden.core.prompt.PromptBuilder;
import dev.roastden.core.prompt.PromptInput;
import dev.roastden.worker.persona.PersonaDirectory;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Consent, enforced in one place before the model: the only way a command family reaches the model is through
 * {@link #generate}, which re-reads the persona's status and the opt-outs of everyone the request involves and
 * refuses (no model call) unless the persona is {@code ACTIVE}, its Higher Self has not opted out, and neither the
 * invoker, the target nor anyone mentioned in the user's text has. It also leaves out of the prompt the facts and
 * turns that involve an opted-out member and the personas that may not speak, and un-names opted-out members the
 * model's answer mentions. Families call {@link #check} first to answer a refusal kindly; the gate does not trust
 * that they did. The raw model is given to nothing else (see WorkerWiring).
 */
public final class ConsentGate {
    private static final Pattern USER_MENTION = Pattern.compile("<@!?(\\d{1,20})>");

    private final PersonaModel model;
    private final PersonaDirectory directory;
    private final ConsentStore consent;

    public ConsentGate(PersonaModel model, PersonaDirectory directory, ConsentStore consent) {
        this.model = model;
        this.directory = directory;
        this.consent = consent;
    }

    /** Whether the persona may speak to this request: the reason it may not, or empty. Two small reads. */
    public Optional<Refusal> check(
            String scope, String personaId, DiscordUser invoker, Optional<DiscordUser> target, String userText) {
        return clear(scope, personaId, invoker, target, userText, Set.of()).refusal();
    }

    /**
     * Asks the model, when consent allows it; the request's cast, facts and turns are cut to what may be named.
     *
     * @param scope the server (or DM scope) the request is made in
     * @throws Refused when consent does not allow it: the model was not called
     */
    public ModelReply generate(String scope, ModelRequest request, Duration timeout) throws ModelException, Refused {
        PromptInput input = request.input();
        Set<String> memoryUsers = new LinkedHashSet<>();
        input.facts().forEach(f -> memoryUsers.addAll(users(f)));
        input.recentTurns().forEach(t -> memoryUsers.addAll(users(t)));
        Clearance clearance =
                clear(scope, input.persona().id(), input.invoker(), input.target(), input.userText(), memoryUsers);
        if (clearance.refusal().isPresent()) {
            throw new Refused(clearance.refusal().get());
        }
        Set<String> out = clearance.optedOut();
        PromptInput allowed = new PromptInput(
                input.task(),
                clearance.persona().orElseThrow(),
                clearance.cast(),
                input.invoker(),
                input.target(),
                input.userText(),
                input.facts().stream().filter(f -> none(users(f), out)).toList(),
                input.recentTurns().stream().filter(t -> none(users(t), out)).toList());
        ModelRequest safe =
                new ModelRequest(PromptBuilder.build(allowed), allowed, request.maxTokens(), request.model());
        ModelReply answer = model.generate(safe, timeout);
        return unname(scope, answer, out);
    }

    private Clearance clear(
            String scope,
            String personaId,
            DiscordUser invoker,
            Optional<DiscordUser> target,
            String userText,
            Set<String> alsoCheck) {
        PersonaDirectory.Server server = directory.in(scope);
        Optional<PersonaDirectory.Found> found = server.find(personaId);
        if (found.isEmpty()) {
            return Clearance.refused(new Refusal(Refusal.Reason.UNKNOWN_PERSONA, personaId, Optional.empty()));
        }
        Persona persona = found.get().persona();
        if (found.get().status() != PersonaStatus.ACTIVE) {
            return Clearance.refused(new Refusal(reason(found.get().status()), persona.name(), Optional.empty()));
        }
        List<String> mentioned = MentionText.mentionedUserIds(userText);
        Set<String> users = new LinkedHashSet<>();
        persona.higherSelf().ifPresent(users::add);
        users.add(invoker.id());
        target.ifPresent(t -> users.add(t.id()));
        users.addAll(mentioned);
        users.addAll(server.higherSelves());
        users.addAll(alsoCheck);
        Set<String> out = consent.optedOut(scope, users);
        if (persona.higherSelf().map(out::contains).orElse(false)) {
            return Clearance.refused(
                    new Refusal(Refusal.Reason.HIGHER_SELF_OPTED_OUT, persona.name(), Optional.empty()));
        }
        if (out.contains(invoker.id())) {
            return Clearance.refused(new Refusal(Refusal.Reason.INVOKER_OPTED_OUT, persona.name(), Optional.empty()));
        }
        if (target.isPresent() && out.contains(target.get().id())) {
            return Clearance.refused(new Refusal(
                    Refusal.Reason.TARGET_OPTED_OUT,
                    persona.name(),
                    Optional.of(target.get().displayName())));
        }
        if (mentioned.stream().anyMatch(out::contains)) {
            return Clearance.refused(new Refusal(Refusal.Reason.MENTIONED_OPTED_OUT, persona.name(), Optional.empty()));
        }
        return new Clearance(Optional.empty(), Optional.of(persona), server.cast(out), out);
    }

    /** The answer with opted-out members' mentions replaced (they are never named, not even as a mention). */
    private ModelReply unname(String scope, ModelReply answer, Set<String> knownOut) {
        List<String> mentioned = MentionText.mentionedUserIds(answer.text());
        if (mentioned.isEmpty()) {
            return answer;
        }
        Set<String> out = new LinkedHashSet<>(knownOut);
        List<String> unknown =
                mentioned.stream().filter(id -> !knownOut.contains(id)).toList();
        if (!unknown.isEmpty()) {
            out.addAll(consent.optedOut(scope, unknown));
        }
        if (mentioned.stream().noneMatch(out::contains)) {
            return answer;
        }
        Matcher m = USER_MENTION.matcher(answer.text());
        StringBuilder text = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(text, out.contains(m.group(1)) ? "someone" : Matcher.quoteReplacement(m.group()));
        }
        m.appendTail(text);
        return new ModelReply(text.toString(), answer.inputTokens(), answer.outputTokens(), answer.blocked());
    }

    private static Set<String> users(Fact fact) {
        Set<String> users = new LinkedHashSet<>(fact.userIds());
        users.add(fact.authorId());
        users.add(fact.subjectId());
        users.addAll(MentionText.mentionedUserIds(fact.text()));
        return users;
    }

    private static Set<String> users(Turn turn) {
        Set<String> users = new LinkedHashSet<>(turn.userIds());
        users.add(turn.invokerId());
        users.add(turn.subjectId());
        users.addAll(MentionText.mentionedUserIds(turn.userText()));
        users.addAll(MentionText.mentionedUserIds(turn.reply()));
        return users;
    }

    private static boolean none(Set<String> users, Set<String> out) {
        return users.stream().noneMatch(out::contains);
    }

    private static Refusal.Reason reason(PersonaStatus status) {
        return switch (status) {
            case PENDING -> Refusal.Reason.PENDING;
            case DECLINED -> Refusal.Reason.DECLINED;
            case RETIRED -> Refusal.Reason.RETIRED;
            case ACTIVE -> throw new IllegalArgumentException("An active persona is not refused for its status");
        };
    }

    /** What the checks found: a refusal, or the persona, the cast it may name and who opted out. */
    private record Clearance(
            Optional<Refusal> refusal, Optional<Persona> persona, List<Persona> cast, Set<String> optedOut) {
        static Clearance refused(Refusal refusal) {
            return new Clearance(Optional.of(refusal), Optional.empty(), List.of(), Set.of());
        }
    }

    /** Consent did not allow the request; the model was not called. */
    public static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;

        private final transient Refusal refusal;

        public Refused(Refusal refusal) {
            super("Consent refused the request: " + refusal.reason());
            this.refusal = refusal;
        }

        public Refusal refusal() {
            return refusal;
        }
    }
}
