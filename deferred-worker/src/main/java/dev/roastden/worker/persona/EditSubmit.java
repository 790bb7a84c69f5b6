package dev.roastden.worker.persona;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.roastden.core.component.CustomId;
import dev.roastden.core.job.DeferredJob;
import dev.roastden.core.persona.Persona;
import dev.roastden.core.persona.PersonaStatus;
import dev.roastden.worker.commands.Attempt;
import dev.roastden.worker.commands.CommandHandler;
import dev.roastden.worker.commands.ReplyProducer.Produced;
import dev.roastden.worker.reply.Reply;
import java.util.Optional;

/**
 * The submit of the {@code /persona edit} form, {@code rd1:pe:{id}:{version}:{higherSelf|-}}. Every claim of the id
 * is checked against the store: the persona exists (a bundled one gets a server copy that overrides it, version 0),
 * it is still at the version the form was opened at, and the presser is its Higher Self or a manager. A manager's
 * edit of a member's persona asks the member again (pending, a fresh request with the new version); the Higher
 * Self's own edit of a pending or active persona makes it active. Fields the form does not show are kept.
 */
public final class EditSubmit implements CommandHandler {
    private final PersonaTools tools;

    public EditSubmit(PersonaTools tools) {
        this.tools = tools;
    }

    @Override
    public Produced handle(DeferredJob job, Attempt attempt) {
        Optional<CustomId> id = job.option(DeferredJob.CUSTOM_ID).flatMap(CustomId::parse);
        if (job.guildId().isEmpty()
                || id.isEmpty()
                || id.get().args().size() != 3
                || id.get().arg(0).isEmpty()) {
            return Produced.of(Reply.notice(PersonaCommands.NOT_HERE));
        }
        String guild = job.guildId().get();
        String personaId = id.get().arg(0).get();
        long claimed;
        try {
            claimed = Long.parseLong(id.get().args().get(1));
        } catch (NumberFormatException e) {
            return Produced.of(Reply.notice("That form is broken. Run `/persona edit` again."));
        }
        Optional<PersonaCommands.Target> found = PersonaCommands.find(tools, guild, personaId);
        if (found.isEmpty()) {
            return Produced.of(FormReader.refuse(job, "the persona `" + personaId + "` no longer exists here.")
                    .asReply());
        }
        PersonaCommands.Target target = found.get();
        long current = target.stored().map(ServerPersona::version).orElse(0L);
        Persona persona = target.persona();
        if (current != claimed) {
            if (attempt.repeated()
                    && current == claimed + 1
                    && alreadySaved(job, target.stored().get())) {
                // An earlier attempt of this very submit saved it, then stopped before answering.
                return Produced.of(answer(job, target.stored().get(), claimed == 0, persona));
            }
            return Produced.of(stale(job, persona));
        }
        if (!PersonaCommands.mayChange(persona, job.user())) {
            return Produced.of(FormReader.refuse(job, PersonaCommands.onlyOwnerOrManager(persona, "edit"))
                    .asReply());
        }
        ObjectNode base = target.stored().map(PersonaJson::tree).orElseGet(() -> PersonaJson.tree(persona));
        FormReader.Read read = FormReader.read(job, base, tools.validator());
        if (read instanceof FormReader.Refused refused) {
            return Produced.of(refused.asReply());
        }
        ObjectNode tree = ((FormReader.Ok) read).tree();
        boolean byHigherSelf = persona.isHigherSelf(job.user().id());
        PersonaStatus status = target.status();
        if (persona.ofRealMember() && !byHigherSelf) {
            status = PersonaStatus.PENDING;
        } else if (byHigherSelf && status == PersonaStatus.PENDING) {
            status = PersonaStatus.ACTIVE;
        }
        ServerPersona saved;
        try {
            if (target.stored().isPresent()) {
                saved = tools.store()
                        .update(PersonaWrites.next(tools, target.stored().get(), tree, status), claimed);
            } else {
                java.time.Instant now = tools.clock().instant();
                saved = new ServerPersona(
                        guild,
                        PersonaJson.persona(tree),
                        PersonaJson.text(tree),
                        status,
                        job.user().id(),
                        1,
                        now,
                        now);
                tools.store().create(saved);
            }
        } catch (PersonaStore.Conflict raced) {
            return Produced.of(stale(job, persona));
        }
        return Produced.of(answer(job, saved, target.bundled(), persona));
    }

    /** The consent request when a manager's edit asks the member again, else a private "saved". */
    private static Reply answer(DeferredJob job, ServerPersona saved, boolean copiedDefault, Persona before) {
        if (saved.status() == PersonaStatus.PENDING
                && saved.persona().higherSelf().isPresent()
                && !before.isHigherSelf(job.user().id())) {
            return ConsentMessages.request(
                    saved.persona(),
                    saved.persona().higherSelf().get(),
                    job.user().id(),
                    saved.version(),
                    true);
        }
        return Reply.notice("Saved **" + saved.persona().name() + "** (`" + saved.id() + "`)"
                + (copiedDefault ? " as this server's own version of the default" : "") + ". It is "
                + saved.status().wire() + ".");
    }

    /** Whether the stored persona is what this form makes of it: an earlier attempt wrote it. */
    private boolean alreadySaved(DeferredJob job, ServerPersona stored) {
        ObjectNode tree = PersonaJson.tree(stored);
        return FormReader.read(job, tree, tools.validator()) instanceof FormReader.Ok ok
                && ok.tree().equals(tree);
    }

    private static Reply stale(DeferredJob job, Persona persona) {
        return FormReader.refuse(
                        job,
                        "someone edited **" + persona.name() + "** meanwhile. Open the editor again (`/persona edit"
                                + " persona:" + persona.id() + "`) to start from the new version.")
                .asReply();
    }
}
