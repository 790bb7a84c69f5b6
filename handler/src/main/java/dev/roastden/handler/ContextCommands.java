package dev.roastden.handler;

import dev.roastden.core.command.CommandCatalog;
import dev.roastden.core.command.CommandSpec;
import dev.roastden.core.interaction.DiscordUser;
import dev.roastden.core.interaction.Interaction;
import dev.roastden.core.interaction.TargetMessage;
import dev.roastden.core.job.DeferredJob;
import dev.roastden.core.response.InteractionResponse.DeferredChannelMessage;
import dev.roastden.handler.InteractionRouter.Routed;
import java.util.Optional;

/**
 * The commands on a message or a member ("Roast this message", "Remember this", "Roast them"). What needs no
 * state is refused in-line and privately (a command without its target, a bot's message or a bot, an empty
 * message); everything else is deferred privately (type 5, flags 64) and queued, and the worker checks consent,
 * personas and permissions in the store.
 */
final class ContextCommands {
    static final String NO_TARGET = "Discord didn't tell me which message or member that was for. Try again from"
            + " the message's or member's menu.";
    static final String BOT_MESSAGE = "That message is from a bot. The personas only roast and remember people.";
    static final String BOT_USER = "That's a bot. The personas only roast people.";
    static final String EMPTY_MESSAGE = "That message has no text to work with (only attachments or embeds).";

    private final InteractionRouter.Deferral deferral;

    ContextCommands(InteractionRouter.Deferral deferral) {
        this.deferral = deferral;
    }

    Routed route(Interaction.ApplicationCommand command, CommandSpec spec) {
        if (command.targetId().isEmpty()) {
            return Routed.privately(NO_TARGET, "no-target");
        }
        if (spec.type() == CommandSpec.Type.MESSAGE) {
            Optional<TargetMessage> message = command.targetMessage();
            if (message.isEmpty()) {
                return Routed.privately(NO_TARGET, "no-target");
            }
            if (message.get().author().bot()) {
                return Routed.privately(BOT_MESSAGE, "bot-target");
            }
            if (message.get().content().isBlank()) {
                return Routed.privately(EMPTY_MESSAGE, "empty-message");
            }
        } else {
            DiscordUser target =
                    command.context().resolvedUsers().get(command.targetId().get());
            if (target != null && target.bot()) {
                return Routed.privately(BOT_USER, "bot-target");
            }
        }
        boolean privately = CommandCatalog.privateReply(command.commandName(), Optional.empty(), false);
        return deferral.queue(DeferredJob.forCommand(command), new DeferredChannelMessage(privately), "deferred");
    }
}
