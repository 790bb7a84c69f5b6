package dev.roastden.handler;

import dev.roastden.core.component.CustomId;
import dev.roastden.core.interaction.Interaction;
import dev.roastden.core.job.DeferredJob;
import dev.roastden.core.response.InteractionResponse.DeferredChannelMessage;
import dev.roastden.core.response.InteractionResponse.DeferredUpdate;
import dev.roastden.handler.InteractionRouter.Routed;
import java.util.Optional;

/**
 * Buttons and modal submits. A {@code custom_id} is user input: this only answers what needs no state (a control
 * that is not Roast Den's, a button pressed by someone it does not name) and otherwise defers and queues a
 * COMPONENT job, whose worker re-checks every claim of the id against the store.
 *
 * <ul>
 *   <li>Accept, Decline, Withdraw answer only the member the id names; anyone else gets a private "only they can
 *       answer" (the mention in it pings nobody). The member's press updates the message it sits on (type 6).
 *   <li>A memories page button updates its message.
 *   <li>🎯 Roast back answers only the member the roast was aimed at, privately (the roast back itself is a
 *       public follow-up, or a persona picker when their own persona may not speak).
 *   <li>🔁 Another one is a new public reply (anyone may ask for another take; the worker counts it).
 *   <li>A pick in the persona picker of "Roast this message" / "Roast them" updates the private picker; the roast
 *       itself is a follow-up the worker posts.
 *   <li>A persona form's submit is a new reply, public when a member will be asked to accept (a new persona of a
 *       member, or someone else's edit of a member's persona), so the member sees the request; private otherwise.
 * </ul>
 */
final class ComponentRouter {
    static final String CONTROL_GONE = "That control is not active any more. Use a slash command instead.";
    static final String FORM_GONE =
            "That form is not active any more. Run /persona create or /persona edit again to get a fresh one.";

    private final InteractionRouter.Deferral deferral;

    ComponentRouter(InteractionRouter.Deferral deferral) {
        this.deferral = deferral;
    }

    Routed component(Interaction.MessageComponent component) {
        Optional<CustomId> id = CustomId.parse(component.customId());
        if (id.isEmpty()) {
            return Routed.privately(CONTROL_GONE, "stale-component");
        }
        String kind = id.get().kind();
        if (kind.equals(CustomId.PERSONA_ACCEPT)
                || kind.equals(CustomId.PERSONA_DECLINE)
                || kind.equals(CustomId.PERSONA_WITHDRAW)) {
            Optional<String> member = id.get().arg(1);
            if (id.get().arg(0).isEmpty() || member.isEmpty()) {
                return Routed.privately(CONTROL_GONE, "stale-component");
            }
            if (!member.get().equals(component.context().invoker().id())) {
                return Routed.privately("Only <@" + member.get() + "> can answer this.", "not-for-you");
            }
            return deferral.queue(DeferredJob.forComponent(component), new DeferredUpdate(), "deferred-update");
        }
        if (kind.equals(CustomId.ROAST_PICK)) {
            // The picker is private to whoever opened it; the worker checks the pick item says so.
            if (id.get().arg(0).isEmpty() || component.values().size() != 1) {
                return Routed.privately(CONTROL_GONE, "stale-component");
            }
            return deferral.queue(DeferredJob.forComponent(component), new DeferredUpdate(), "deferred-update");
        }
        if (kind.equals(CustomId.ROAST_BACK)) {
            Optional<String> target = id.get().arg(2);
            if (id.get().args().size() != 3
                    || id.get().arg(0).isEmpty()
                    || id.get().arg(1).isEmpty()
                    || target.isEmpty()) {
                return Routed.privately(CONTROL_GONE, "stale-component");
            }
            if (!target.get().equals(component.context().invoker().id())) {
                return Routed.privately(
                        "Only <@" + target.get() + "> can roast back: that roast was aimed at them.", "not-for-you");
            }
            // Private: the worker posts the roast back publicly, or offers a picker.
            return deferral.queue(DeferredJob.forComponent(component), new DeferredChannelMessage(true), "deferred");
        }
        if (kind.equals(CustomId.ANOTHER_ONE)) {
            if (id.get().args().size() != 2
                    || id.get().arg(0).isEmpty()
                    || id.get().arg(1).isEmpty()) {
                return Routed.privately(CONTROL_GONE, "stale-component");
            }
            // A fresh take is a new message in the channel, not an edit of the one the button sits on.
            return deferral.queue(DeferredJob.forComponent(component), new DeferredChannelMessage(false), "deferred");
        }
        if (kind.equals(CustomId.MEMORIES_PAGE)) {
            return deferral.queue(DeferredJob.forComponent(component), new DeferredUpdate(), "deferred-update");
        }
        return Routed.privately(CONTROL_GONE, "stale-component");
    }

    /** Whether a control works where the server has not installed the app: only the persona picker does. */
    static boolean worksOutsideServers(Interaction.MessageComponent component) {
        return CustomId.parse(component.customId())
                .map(id -> id.kind().equals(CustomId.ROAST_PICK))
                .orElse(false);
    }

    Routed modal(Interaction.ModalSubmit modal) {
        Optional<CustomId> id = CustomId.parse(modal.customId());
        if (id.isEmpty()) {
            return Routed.privately(FORM_GONE, "stale-form");
        }
        CustomId form = id.get();
        boolean publicly;
        if (form.kind().equals(CustomId.PERSONA_CREATE) && form.args().size() == 1) {
            publicly = form.arg(0).isPresent();
        } else if (form.kind().equals(CustomId.PERSONA_EDIT) && form.args().size() == 3) {
            Optional<String> higherSelf = form.arg(2);
            publicly = higherSelf.isPresent()
                    && !higherSelf.get().equals(modal.context().invoker().id());
        } else {
            return Routed.privately(FORM_GONE, "stale-form");
        }
        return deferral.queue(DeferredJob.forModal(modal), new DeferredChannelMessage(!publicly), "deferred");
    }
}
