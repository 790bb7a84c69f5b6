package dev.roastden.worker.commands;

import dev.roastden.core.component.CustomId;
import dev.roastden.core.job.DeferredJob;
import dev.roastden.core.memory.Turn;
import dev.roastden.worker.reply.Reply;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a job into the reply to send by handing it to the command family the {@link CommandRegistry} names. It is
 * the last line of defence for every family: a runtime failure (the store is down, a bug) becomes a
 * {@link RetryableFailure} while retries remain, and a friendly error on the last chance, so a job never dies
 * without an answer. A command nobody handles, or a button whose custom_id is unknown or malformed (user input),
 * gets a clear notice instead. No Discord calls here.
 */
public final class ReplyProducer {
    private static final Logger LOG = LoggerFactory.getLogger(ReplyProducer.class);

    private final CommandRegistry registry;

    public ReplyProducer(CommandRegistry registry) {
        this.registry = registry;
    }

    /**
     * The reply to a job.
     *
     * @param attempt whether it is the last chance, whether an earlier attempt came first, the time for the model
     * @throws RetryableFailure when a later attempt may succeed
     */
    public Produced produce(DeferredJob job, Attempt attempt) throws RetryableFailure {
        Optional<CommandHandler> handler;
        if (job.kind() == DeferredJob.Kind.COMPONENT) {
            Optional<CustomId> id = job.option(DeferredJob.CUSTOM_ID).flatMap(CustomId::parse);
            if (id.isEmpty()) {
                LOG.warn("A component job carried a custom_id that is not ours");
                return Produced.of(Reply.notice("I don't recognise that button (it may be from an older version of "
                        + "the bot). Run the command again to get a fresh one."));
            }
            handler = registry.component(id.get().kind());
            if (handler.isEmpty()) {
                return Produced.of(Reply.notice(
                        "That button doesn't do anything any more. Run the command again to " + "get a fresh one."));
            }
        } else {
            handler = registry.command(job.command(), job.subcommand());
            if (handler.isEmpty()) {
                return Produced.of(Reply.notice("I don't know the command /" + job.command()
                        + job.subcommand().map(s -> " " + s).orElse("") + "."));
            }
        }
        try {
            return handler.get().handle(job, attempt);
        } catch (RuntimeException storeOrBug) {
            if (attempt.lastChance()) {
                LOG.error("Giving up on the job after its last attempt", storeOrBug);
                return Produced.of(
                        Reply.error("Something broke on our side and I couldn't finish that. Please try again."));
            }
            throw new RetryableFailure("Could not produce the reply", storeOrBug);
        }
    }

    /**
     * A reply and the turn to remember with it; the caller stores the turn together with the saved reply.
     *
     * @param turn the exchange to keep in short-term memory, when there is one
     */
    public record Produced(Reply reply, Optional<Turn> turn) {
        public static Produced of(Reply reply) {
            return new Produced(reply, Optional.empty());
        }
    }
}
