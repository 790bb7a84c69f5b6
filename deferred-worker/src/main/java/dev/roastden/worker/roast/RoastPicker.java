package dev.roastden.worker.roast;

import dev.roastden.core.command.CommandCatalog;
import dev.roastden.core.component.CustomId;
import dev.roastden.core.interaction.DiscordUser;
import dev.roastden.core.job.DeferredJob;
import dev.roastden.core.persona.Persona;
import dev.roastden.worker.commands.Attempt;
import dev.roastden.worker.commands.CommandHandler;
import dev.roastden.worker.commands.ReplyProducer.Produced;
import dev.roastden.worker.commands.Texts;
import dev.roastden.worker.consent.ConsentStore;
import dev.roastden.worker.persona.PersonaDirectory;
import dev.roastden.worker.reply.Reply;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * "Roast this message" and "Roast them": a private persona picker (a select menu of the personas who may speak
 * here) for roasting the message's author about it, or the member. A bot, an empty message or a member who opted
 * out gets a private refusal and no picker. What the pick needs is kept in a {@link PickStore} item under this
 * interaction's id, which is all the picker's custom_id carries.
 */
public final class RoastPicker implements CommandHandler {
    static final String OPTED_OUT = "They've opted out of being roasted here, so nobody will roast them.";
    static final String NOBODY =
            "No persona can speak here right now. Create one with /persona create, or ask a manager.";

    private final PickStore picks;
    private final ConsentStore consent;
    private final PersonaDirectory personas;

    public RoastPicker(PickStore picks, ConsentStore consent, PersonaDirectory personas) {
        this.picks = picks;
        this.consent = consent;
        this.personas = personas;
    }

    @Override
    public Produced handle(DeferredJob job, Attempt attempt) {
        boolean message = job.command().equals(CommandCatalog.ROAST_MESSAGE);
        Optional<String> targetId = message ? job.option(DeferredJob.TARGET_AUTHOR) : job.option(DeferredJob.TARGET_ID);
        if (targetId.isEmpty()) {
            return Produced.of(Reply.notice("Discord didn't say whose that was. Try again from the menu."));
        }
        DiscordUser target = Texts.resolved(job, targetId.get());
        if (target.bot()) {
            return Produced.of(Reply.notice("That's a bot. The personas only roast people."));
        }
        String content = Texts.clean(job.option(DeferredJob.TARGET_CONTENT).orElse(""), RoastPick.MAX_CONTENT);
        if (message && content.isBlank()) {
            return Produced.of(Reply.notice("That message has no text to roast (only attachments or embeds)."));
        }
        return offer(job, target, message ? content : "");
    }

    /**
     * The private picker for roasting {@code target}, about {@code content} when it is a message's text (else
     * empty); kept as a pick item under this job's interaction.
     */
    Produced offer(DeferredJob job, DiscordUser target, String content) {
        boolean message = !content.isBlank();
        String scope = Texts.scope(job);
        if (consent.hasOptedOut(scope, target.id())) {
            return Produced.of(Reply.notice(OPTED_OUT));
        }
        PersonaDirectory.Server server = personas.in(scope);
        Set<String> quiet = consent.optedOut(scope, server.higherSelves());
        List<Persona> cast = server.cast(quiet);
        if (cast.isEmpty()) {
            return Produced.of(Reply.notice(NOBODY));
        }
        picks.save(new PickStore.Pick(
                job.interactionId(),
                scope,
                job.user().id(),
                target.id(),
                target.displayName(),
                content,
                job.createdAt().plus(Duration.ofMinutes(PickStore.TTL_MINUTES)),
                Optional.empty()));
        List<Reply.Select.Choice> choices = cast.stream()
                .limit(Reply.Select.MAX_OPTIONS)
                .map(p -> new Reply.Select.Choice(
                        p.name(), p.id(), Optional.of(p.tagline()).filter(t -> !t.isBlank())))
                .toList();
        String about = message ? "this message by " + target.displayName() : target.displayName();
        String text = "Who should roast " + about + "? The roast goes to the channel and pings only them."
                + (job.guildId().isEmpty() ? PersonaReplies.OUTSIDE_SERVERS : "");
        return Produced.of(Reply.notice(text)
                .withSelect(new Reply.Select(
                        CustomId.of(CustomId.ROAST_PICK, job.interactionId()).format(), "Pick a persona", choices)));
    }
}
