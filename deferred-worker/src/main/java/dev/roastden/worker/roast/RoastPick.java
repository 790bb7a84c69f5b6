package dev.roastden.worker.roast;

import dev.roastden.core.command.CommandCatalog;
import dev.roastden.core.component.CustomId;
import dev.roastden.core.interaction.DiscordUser;
import dev.roastden.core.job.DeferredJob;
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
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A pick in the persona picker ({@code rd1:rp:{pickId}}, the persona as the select's value). The custom_id and the
 * value are user input, so everything is re-checked: the pick item exists here and has not expired, the presser is
 * who opened the picker, the persona is in the cast that may speak now, the target has not opted out. The pick item
 * is then marked used by this interaction (conditionally: a second pick interaction roasts nothing), and the roast
 * takes the one path to the model ({@link PersonaReplies}, behind the consent gate). The roast is posted publicly as
 * a follow-up pinging only the target; the private picker is edited to say it is done.
 */
public final class RoastPick implements CommandHandler {
    /** The most of a message's text the roast is given. */
    static final int MAX_CONTENT = 1000;

    static final String GONE = "That picker has expired. Use Roast this message or Roast them again.";
    static final String NOT_YOURS = "Only the member who opened this picker can pick from it.";
    static final String USED = "That one has already been roasted.";

    private final PickStore picks;
    private final ConsentStore consent;
    private final PersonaDirectory personas;
    private final PersonaReplies replies;
    private final Clock clock;

    public RoastPick(
            PickStore picks, ConsentStore consent, PersonaDirectory personas, PersonaReplies replies, Clock clock) {
        this.picks = picks;
        this.consent = consent;
        this.personas = personas;
        this.replies = replies;
        this.clock = clock;
    }

    @Override
    public Produced handle(DeferredJob job, Attempt attempt) throws RetryableFailure {
        Optional<String> pickId =
                job.option(DeferredJob.CUSTOM_ID).flatMap(CustomId::parse).flatMap(id -> id.arg(0));
        String scope = Texts.scope(job);
        Optional<PickStore.Pick> found = pickId.flatMap(id -> picks.find(id, clock.instant()))
                .filter(p -> p.scope().equals(scope));
        if (found.isEmpty()) {
            return Produced.of(Reply.notice(GONE));
        }
        PickStore.Pick pick = found.get();
        if (!pick.askerId().equals(job.user().id())) {
            return Produced.of(Reply.notice(NOT_YOURS));
        }
        String personaId = job.option(DeferredJob.VALUES).orElse("");
        PersonaDirectory.Server server = personas.in(scope);
        Optional<Persona> persona = server.cast(consent.optedOut(scope, server.higherSelves())).stream()
                .filter(p -> p.id().equals(personaId))
                .findFirst();
        if (persona.isEmpty()) {
            return Produced.of(Reply.notice(
                    "That persona can't speak here right now. Open the picker again to see " + "who can."));
        }
        if (consent.hasOptedOut(scope, pick.targetId())) {
            return Produced.of(Reply.notice(RoastPicker.OPTED_OUT));
        }
        if (!picks.use(pick.pickId(), job.interactionId())) {
            return Produced.of(Reply.notice(USED));
        }
        DiscordUser target = new DiscordUser(pick.targetId(), pick.targetName(), false, "0");
        DeferredJob roast = roastJob(job, persona.get().id(), target);
        PersonaReplies.Chosen chosen = replies.personaFor(roast);
        if (chosen instanceof PersonaReplies.Chosen.None none) {
            return Produced.of(none.notice());
        }
        String topic = pick.content().isBlank() ? "" : "this message they wrote: " + pick.content();
        Produced produced = replies.reply(
                roast, (PersonaReplies.Chosen.One) chosen, PromptInput.Task.ROAST, Optional.of(target), topic, attempt);
        if (produced.reply().kind() != Reply.Kind.ANSWER) {
            return produced;
        }
        Reply done = Reply.notice(
                        "Done: " + persona.get().name() + " roasted " + pick.targetName() + " in the channel.")
                .withFollowUp(produced.reply());
        return new Produced(done, produced.turn());
    }

    /** The pick as a roast job: the same interaction, with the persona, the target and who they are. */
    static DeferredJob roastJob(DeferredJob job, String personaId, DiscordUser target) {
        Map<String, String> options = new HashMap<>();
        options.put(CommandCatalog.PERSONA_OPTION, personaId);
        options.put("target", target.id());
        Map<String, DiscordUser> users = new HashMap<>(job.resolvedUsers());
        users.put(target.id(), target);
        return new DeferredJob(
                job.kind(),
                job.interactionId(),
                job.applicationId(),
                job.token(),
                CommandCatalog.ROAST,
                Optional.empty(),
                options,
                job.user(),
                users,
                job.guildId(),
                job.channelId(),
                job.locale(),
                job.createdAt(),
                Optional.empty());
    }
}
