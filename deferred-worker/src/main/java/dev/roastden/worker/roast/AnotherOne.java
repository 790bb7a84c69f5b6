package dev.roastden.worker.roast;

import dev.roastden.core.command.CommandCatalog;
import dev.roastden.core.component.CustomId;
import dev.roastden.core.interaction.DiscordUser;
import dev.roastden.core.job.DeferredJob;
import dev.roastden.core.memory.MemoryStore;
import dev.roastden.core.memory.Turn;
import dev.roastden.core.prompt.PromptInput;
import dev.roastden.worker.commands.Attempt;
import dev.roastden.worker.commands.CommandHandler;
import dev.roastden.worker.commands.ReplyProducer.Produced;
import dev.roastden.worker.commands.RetryableFailure;
import dev.roastden.worker.commands.Texts;
import dev.roastden.worker.reply.Reply;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * 🔁 Another one ({@code rd1:ao:{persona}:{turnId}}): a fresh take on the same roast or question by the same persona.
 * The custom_id is user input, so only what the store says counts: the turn must be one of the persona's saved
 * turns in this server (a forged or expired id finds nothing); the target and topic come from it. The new take goes
 * the one way to the model ({@link PersonaReplies}: consent gate, rate limits), as a new public reply.
 */
public final class AnotherOne implements CommandHandler {
    static final String GONE = "I can't find that one any more (it may be too old). Run the command again.";

    /** How many of the persona's latest turns are searched for the one the button names. */
    private static final int LOOKBACK = 50;

    private final MemoryStore memory;
    private final PersonaReplies replies;
    private final Clock clock;

    public AnotherOne(MemoryStore memory, PersonaReplies replies, Clock clock) {
        this.memory = memory;
        this.replies = replies;
        this.clock = clock;
    }

    @Override
    public Produced handle(DeferredJob job, Attempt attempt) throws RetryableFailure {
        Optional<CustomId> id = job.option(DeferredJob.CUSTOM_ID).flatMap(CustomId::parse);
        Optional<String> personaId = id.flatMap(i -> i.arg(0));
        Optional<String> turnId = id.flatMap(i -> i.arg(1));
        if (personaId.isEmpty() || turnId.isEmpty() || job.guildId().isEmpty()) {
            return Produced.of(Reply.notice(GONE));
        }
        String scope = Texts.scope(job);
        Optional<Turn> turn = memory.recentTurns(scope, personaId.get(), LOOKBACK, clock.instant()).stream()
                .filter(t -> t.id().equals(turnId.get()))
                .findFirst();
        boolean roast = turn.map(t -> t.command().equals(CommandCatalog.ROAST)).orElse(false);
        boolean ask = turn.map(t -> t.command().equals(CommandCatalog.ASK)).orElse(false);
        if (!roast && !ask) {
            return Produced.of(Reply.notice(GONE));
        }
        Turn before = turn.get();
        Map<String, String> options = new HashMap<>();
        options.put(CommandCatalog.PERSONA_OPTION, personaId.get());
        Map<String, DiscordUser> users = new HashMap<>(job.resolvedUsers());
        Optional<DiscordUser> target = Optional.empty();
        if (roast) {
            DiscordUser subject = new DiscordUser(before.subjectId(), before.subjectName(), false, "0");
            options.put("target", subject.id());
            users.put(subject.id(), subject);
            target = Optional.of(subject);
        }
        DeferredJob again = new DeferredJob(
                job.kind(),
                job.interactionId(),
                job.applicationId(),
                job.token(),
                before.command(),
                Optional.empty(),
                options,
                job.user(),
                users,
                job.guildId(),
                job.channelId(),
                job.locale(),
                job.createdAt(),
                Optional.empty());
        PersonaReplies.Chosen chosen = replies.personaFor(again);
        if (chosen instanceof PersonaReplies.Chosen.None none) {
            return Produced.of(none.notice());
        }
        return replies.reply(
                again,
                (PersonaReplies.Chosen.One) chosen,
                roast ? PromptInput.Task.ROAST : PromptInput.Task.ASK,
                target,
                before.userText(),
                attempt);
    }
}
