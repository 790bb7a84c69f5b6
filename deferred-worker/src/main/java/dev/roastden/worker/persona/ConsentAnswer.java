package dev.roastden.worker.persona;

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
 * Accept ({@code rd1:pa:{id}:{member}:{version}}), Decline ({@code rd1:pd:…}) and Withdraw ({@code
 * rd1:pw:{id}:{member}}). The reply edits the message the button is on. Every claim is re-checked: the persona exists,
 * the presser is the member the id names and that member is the stored Higher Self, and the status and version are
 * what the button asks about; then one update conditional on that version. A press that changes nothing (repeated,
 * stale, forged) writes nothing and shows the persona's real state instead ("already accepted"), with the buttons
 * of its real Higher Self, so the message keeps working for them.
 */
public final class ConsentAnswer implements CommandHandler {
    private final PersonaTools tools;

    public ConsentAnswer(PersonaTools tools) {
        this.tools = tools;
    }

    @Override
    public Produced handle(DeferredJob job, Attempt attempt) {
        Optional<CustomId> parsed = job.option(DeferredJob.CUSTOM_ID).flatMap(CustomId::parse);
        if (job.guildId().isEmpty() || parsed.isEmpty()) {
            return Produced.of(ConsentMessages.gone());
        }
        CustomId id = parsed.get();
        boolean withdraw = id.kind().equals(CustomId.PERSONA_WITHDRAW);
        int arity = withdraw ? 2 : 3;
        Optional<String> personaId = id.arg(0);
        Optional<String> member = id.arg(1);
        if (id.args().size() != arity || personaId.isEmpty() || member.isEmpty()) {
            return Produced.of(ConsentMessages.gone());
        }
        Optional<ServerPersona> found = tools.store().find(job.guildId().get(), personaId.get());
        if (found.isEmpty() || found.get().persona().higherSelf().isEmpty()) {
            return Produced.of(ConsentMessages.gone());
        }
        ServerPersona stored = found.get();
        String higherSelf = stored.persona().higherSelf().get();
        if (!higherSelf.equals(member.get()) || !higherSelf.equals(job.user().id())) {
            // Not this presser's to answer: nothing is written, and the message keeps showing the real state (with
            // the real member's buttons), so a stray press cannot take the request away from them.
            return Produced.of(state(stored, higherSelf, false));
        }
        if (withdraw) {
            return Produced.of(withdraw(stored, member.get()));
        }
        long version;
        try {
            version = Long.parseLong(id.args().get(2));
        } catch (NumberFormatException e) {
            return Produced.of(ConsentMessages.gone());
        }
        boolean accept = id.kind().equals(CustomId.PERSONA_ACCEPT);
        if (stored.status() != PersonaStatus.PENDING || stored.version() != version) {
            return Produced.of(state(stored, member.get(), true));
        }
        PersonaStatus next = accept ? PersonaStatus.ACTIVE : PersonaStatus.DECLINED;
        try {
            ServerPersona saved = tools.store().update(PersonaWrites.withStatus(tools, stored, next), version);
            return Produced.of(state(saved, member.get(), false));
        } catch (PersonaStore.Conflict raced) {
            return Produced.of(current(job, personaId.get(), member.get()));
        }
    }

    private Reply withdraw(ServerPersona stored, String member) {
        if (stored.status() == PersonaStatus.RETIRED || stored.status() == PersonaStatus.DECLINED) {
            return state(stored, member, true);
        }
        try {
            ServerPersona saved = tools.store()
                    .update(PersonaWrites.withStatus(tools, stored, PersonaStatus.RETIRED), stored.version());
            return state(saved, member, false);
        } catch (PersonaStore.Conflict raced) {
            return tools.store()
                    .find(stored.guildId(), stored.id())
                    .map(now -> state(now, member, true))
                    .orElseGet(ConsentMessages::gone);
        }
    }

    private Reply current(DeferredJob job, String personaId, String member) {
        return tools.store()
                .find(job.guildId().get(), personaId)
                .map(now -> state(now, member, true))
                .orElseGet(ConsentMessages::gone);
    }

    /** What the message should say about {@code stored} now. */
    private static Reply state(ServerPersona stored, String member, boolean already) {
        Persona persona = stored.persona();
        return switch (stored.status()) {
            case ACTIVE -> ConsentMessages.accepted(persona, member, already);
            case DECLINED -> ConsentMessages.declined(persona, member, already);
            case RETIRED -> ConsentMessages.withdrawn(persona, member, already);
            // A newer request than the button's (edited since): this message asks about the current version, without
            // pinging again (the newer request already did).
            case PENDING -> ConsentMessages.pendingAgain(persona, member, stored.version());
        };
    }
}
