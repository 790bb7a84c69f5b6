package dev.roastden.worker.roast;

import dev.roastden.core.command.CommandCatalog;
import dev.roastden.core.component.CustomId;
import dev.roastden.core.interaction.DiscordUser;
import dev.roastden.core.job.DeferredJob;
import dev.roastden.core.memory.MemoryStore;
import dev.roastden.core.memory.Turn;
import dev.roastden.core.persona.Persona;
import dev.roastden.core.prompt.PromptInput;
import dev.roastden.worker.commands.Attempt;
import dev.roastden.worker.commands.CommandHandler;
import dev.roastden.worker.commands.ReplyProducer.Produced;
import dev.roastden.worker.commands.RetryableFailure;
import dev.roastden.worker.commands.Texts;
import dev.roastden.worker.consent.ConsentStore;
import dev.roastden.worker.persona.PersonaDirectory;
import dev.roastden.worker.reply.Reply;
import java.time.Clock;
import java.util.Optional;

/**
 * 🎯 Roast back ({@code rd1:rb:{persona}:{turnId}:{target}}): the roast's target fires back at whoever started it.
 * Only the saved turn counts (the custom_id is user input): it must be a roast by that persona in this server, aimed
 * at the presser. Their own persona roasts back when it may speak, posted publicly as a follow-up; otherwise they
 * get the private persona picker ({@link RoastPicker}) aimed at the starter. The answer to the press is private.
 */
public final class RoastBack implements CommandHandler {
    static final String NOT_YOURS = "Only the member that roast was aimed at can roast back.";

    private static final int LOOKBACK = 50;

    private final MemoryStore memory;
    private final ConsentStore consent;
    private final PersonaDirectory personas;
    private final PersonaReplies replies;
    private final RoastPicker picker;
    private final Clock clock;

    public RoastBack(
            MemoryStore memory,
            ConsentStore consent,
            PersonaDirectory personas,
            PersonaReplies replies,
            RoastPicker picker,
            Clock clock) {
        this.memory = memory;
        this.consent = consent;
        this.personas = personas;
        this.replies = replies;
        this.picker = picker;
        this.clock = clock;
    }

    @Override
    public Produced handle(DeferredJob job, Attempt attempt) throws RetryableFailure {
        Optional<CustomId> id = job.option(DeferredJob.CUSTOM_ID).flatMap(CustomId::parse);
        Optional<String> personaId = id.flatMap(i -> i.arg(0));
        Optional<String> turnId = id.flatMap(i -> i.arg(1));
        if (personaId.isEmpty() || turnId.isEmpty() || job.guildId().isEmpty()) {
            return Produced.of(Reply.notice(AnotherOne.GONE));
        }
        String scope = Texts.scope(job);
        Optional<Turn> turn = memory.recentTurns(scope, personaId.get(), LOOKBACK, clock.instant()).stream()
                .filter(t -> t.id().equals(turnId.get()) && t.command().equals(CommandCatalog.ROAST))
                .findFirst();
        if (turn.isEmpty()) {
            return Produced.of(Reply.notice(AnotherOne.GONE));
        }
        DiscordUser presser = job.user();
        if (!turn.get().subjectId().equals(presser.id())) {
            return Produced.of(Reply.notice(NOT_YOURS));
        }
        if (turn.get().invokerId().equals(presser.id())) {
            return Produced.of(Reply.notice("You started that one yourself: there's nobody to roast back."));
        }
        DiscordUser starter = new DiscordUser(turn.get().invokerId(), turn.get().invokerName(), false, "0");
        if (consent.hasOptedOut(scope, starter.id())) {
            return Produced.of(Reply.notice(RoastPicker.OPTED_OUT));
        }
        PersonaDirectory.Server server = personas.in(scope);
        Optional<Persona> own = server.cast(consent.optedOut(scope, server.higherSelves())).stream()
                .filter(p -> p.isHigherSelf(presser.id()))
                .findFirst();
        if (own.isEmpty()) {
            return picker.offer(job, starter, "");
        }
        DeferredJob roast = RoastPick.roastJob(job, own.get().id(), starter);
        PersonaReplies.Chosen chosen = replies.personaFor(roast);
        if (chosen instanceof PersonaReplies.Chosen.None none) {
            return Produced.of(none.notice());
        }
        Produced produced = replies.reply(
                roast,
                (PersonaReplies.Chosen.One) chosen,
                PromptInput.Task.ROAST,
                Optional.of(starter),
                "firing back: they started it by having you roasted",
                attempt);
        if (produced.reply().kind() != Reply.Kind.ANSWER) {
            return produced;
        }
        return new Produced(
                Reply.notice("Done: " + own.get().name() + " fired back at " + starter.displayName() + ".")
                        .withFollowUp(produced.reply()),
                produced.turn());
    }
}
