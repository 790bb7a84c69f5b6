package dev.roastden.worker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.roastden.core.command.CommandCatalog;
import dev.roastden.core.job.DeferredJob;
import dev.roastden.core.job.Snowflake;
import dev.roastden.core.memory.ClaimOutcome;
import dev.roastden.core.memory.MemoryStore;
import dev.roastden.core.mention.MentionDecider;
import dev.roastden.core.response.ResponseJson;
import dev.roastden.worker.alerts.JobAlerts;
import dev.roastden.worker.commands.Attempt;
import dev.roastden.worker.commands.ReplyProducer;
import dev.roastden.worker.commands.RetryableFailure;
import dev.roastden.worker.discord.Delivery;
import dev.roastden.worker.discord.DiscordRest;
import dev.roastden.worker.discord.TypingIndicator;
import dev.roastden.worker.memory.LeaseLostException;
import dev.roastden.worker.observability.WorkerMetrics;
import dev.roastden.worker.reply.MessageRenderer;
import dev.roastden.worker.reply.Reply;
import dev.roastden.worker.secrets.BotTokenSource;
import dev.roastden.worker.time.TimeBudget;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Processes one job, exactly once in effect: claim the interaction, produce the reply (or take the one an earlier
 * attempt saved), deliver it, mark the interaction done. A retryable failure releases the claim but keeps the saved
 * reply, so the queue's next delivery finishes the job without asking the model again; on the last delivery, or
 * when the queue's retry (a visibility timeout later) would come too late to edit the response, failures become a
 * friendly error instead. The model step gets the invocation's remaining time less a reserve for that error edit
 * and the bookkeeping; running out of it is a failure like any other.
 *
 * <p>Mentions are answered with a channel message instead: "typing…" shows while the model works, the message
 * carries the triggering message's id as an enforced nonce so Discord drops a second copy, and a retry first looks
 * for a reply an earlier attempt already posted. A mention has no token to expire, but one older than
 * {@link #MENTION_MAX_AGE} is dropped unanswered: the conversation has moved on.
 */
public final class JobProcessor {
    private static final Logger LOG = LoggerFactory.getLogger(JobProcessor.class);

    /** How long Discord accepts edits of an interaction response. */
    public static final Duration TOKEN_LIFETIME = Duration.ofMinutes(15);
    /** How long after its message a mention is still worth answering (a replay from the dead-letter queue, say). */
    public static final Duration MENTION_MAX_AGE = Duration.ofHours(1);
    /**
     * What a retry needs before the deadline once the queue hands it back: a whole run (the function timeout is
     * 90 s) and some slack for the queue. No retry is scheduled that would start later than this before it.
     */
    static final Duration RETRY_MARGIN = Duration.ofMinutes(2);
    /** Kept back from the invocation's remaining time for the error edit and the bookkeeping after the model. */
    static final Duration TIME_RESERVE = Duration.ofSeconds(10);
    /** How many messages after the trigger a retry looks through for a reply already posted. */
    static final int REPLY_LOOKBACK = 50;

    private final MemoryStore memory;
    private final ReplyProducer producer;
    private final DiscordRest discord;
    private final TypingIndicator typing;
    private final BotTokenSource botToken;
    private final WorkerMetrics metrics;
    private final Clock clock;
    private final Duration lease;
    private final int maxReceives;
    private final Duration retryDelay;
    private final Duration defaultModelBudget;
    private final JobAlerts alerts;

    /** What the queue should do with the message. */
    public enum Result {
        /** Delete it: the job is finished (or can never be). */
        DONE,
        /** Report it as a batch item failure: it comes back after the visibility timeout. */
        RETRY
    }

    public JobProcessor(
            MemoryStore memory,
            ReplyProducer producer,
            DiscordRest discord,
            TypingIndicator typing,
            BotTokenSource botToken,
            WorkerMetrics metrics,
            Clock clock,
            Duration lease,
            int maxReceives,
            Duration retryDelay,
            Duration defaultModelBudget) {
        this(
                memory,
                producer,
                discord,
                typing,
                botToken,
                metrics,
                clock,
                lease,
                maxReceives,
                retryDelay,
                defaultModelBudget,
                JobAlerts.NONE);
    }

    /** @param alerts told about a missing Discord permission and a job that ends undone on its last delivery */
    public JobProcessor(
            MemoryStore memory,
            ReplyProducer producer,
            DiscordRest discord,
            TypingIndicator typing,
            BotTokenSource botToken,
            WorkerMetrics metrics,
            Clock clock,
            Duration lease,
            int maxReceives,
            Duration retryDelay,
            Duration defaultModelBudget,
            JobAlerts alerts) {
        this.memory = memory;
        this.producer = producer;
        this.discord = discord;
        this.typing = typing;
        this.botToken = botToken;
        this.metrics = metrics;
        this.clock = clock;
        this.lease = lease;
        this.maxReceives = maxReceives;
        this.retryDelay = retryDelay;
        this.defaultModelBudget = defaultModelBudget;
        this.alerts = alerts;
    }

    /** Processes a job with the configured model budget (no runtime tells the remaining time). */
    public Result process(DeferredJob job, int receiveCount) {
        return process(job, receiveCount, Optional.empty());
    }

    /**
     * Processes a job.
     *
     * @param receiveCount how many times the queue delivered this message, this time included
     * @param remainingTime how long the invocation may still run, when the runtime says
     */
    public Result process(DeferredJob job, int receiveCount, Optional<Duration> remainingTime) {
        TimeBudget modelTime =
                TimeBudget.of(remainingTime.map(r -> r.minus(TIME_RESERVE)).orElse(defaultModelBudget));
        MDC.put("interaction_id", job.interactionId());
        MDC.put("command", job.command() + job.subcommand().map(s -> " " + s).orElse(""));
        MDC.put("guild_id", job.guildId().orElse("-"));
        job.option("persona").ifPresent(p -> MDC.put("persona", p));
        // Past the worker's own last chance only the queue's spare delivery is left: failing it dead-letters the job.
        boolean queuesLast = receiveCount > maxReceives;
        try {
            Result result = run(job, receiveCount, modelTime);
            if (result == Result.RETRY && queuesLast) {
                alerts.deadLettered(job, "handed back to the queue on delivery " + receiveCount);
            }
            return result;
        } catch (RuntimeException e) {
            if (queuesLast) {
                alerts.deadLettered(job, e.getClass().getSimpleName() + ": " + e.getMessage());
            }
            throw e;
        } finally {
            MDC.remove("interaction_id");
            MDC.remove("command");
            MDC.remove("guild_id");
            MDC.remove("persona");
        }
    }

    private Result run(DeferredJob job, int receiveCount, TimeBudget modelTime) {
        Instant created = Snowflake.instant(job.interactionId()).orElse(job.createdAt());
        boolean mention = job.kind() == DeferredJob.Kind.MENTION;
        Instant deadline = created.plus(mention ? MENTION_MAX_AGE : TOKEN_LIFETIME);
        Instant now = clock.instant();
        if (!now.isBefore(deadline)) {
            LOG.warn(
                    mention
                            ? "The mention is stale ({} minutes past its age limit); dropping it without any call"
                            : "The interaction token expired {} minutes ago; dropping the job without any call",
                    Duration.between(deadline, now).toMinutes());
            metrics.messageProcessed(job.command(), mention ? "stale" : "expired");
            return Result.DONE;
        }
        if (!mention && job.token().isEmpty()) {
            LOG.error("The job has no interaction token; dropping it");
            metrics.messageProcessed(job.command(), "malformed");
            return Result.DONE;
        }
        // A released job comes back only after the queue's visibility timeout: too late to be of use if by then
        // there is not a whole run left before the deadline.
        boolean lastChance = receiveCount >= maxReceives
                || now.plus(retryDelay).plus(RETRY_MARGIN).isAfter(deadline);
        String attempt = UUID.randomUUID().toString();
        ClaimOutcome claim;
        try {
            claim = memory.claim(job.interactionId(), attempt, now, lease);
        } catch (RuntimeException e) {
            LOG.warn("Could not claim the interaction: {}", e.toString());
            if (lastChance && !mention) {
                rescue(job, deadline);
                return Result.DONE;
            }
            return Result.RETRY;
        }
        if (claim instanceof ClaimOutcome.AlreadyDone) {
            LOG.info("Duplicate delivery of a finished interaction: suppressed");
            metrics.duplicateSuppressed();
            return Result.DONE;
        }
        if (claim instanceof ClaimOutcome.Busy busy) {
            LOG.info("Another attempt holds the interaction until {}: retrying later", busy.leaseUntil());
            metrics.duplicateSuppressed();
            return Result.RETRY;
        }
        ClaimOutcome.Acquired acquired = (ClaimOutcome.Acquired) claim;
        boolean resumed = acquired.savedReply().isPresent();
        Optional<String> token = mention ? botToken() : Optional.empty();
        try (TypingIndicator.Typing shown =
                mention && !resumed ? startTyping(job, token) : TypingIndicator.Typing.NONE) {
            return produceAndDeliver(job, acquired, attempt, deadline, lastChance, modelTime, token, shown);
        }
    }

    private Result produceAndDeliver(
            DeferredJob job,
            ClaimOutcome.Acquired acquired,
            String attempt,
            Instant deadline,
            boolean lastChance,
            TimeBudget modelTime,
            Optional<String> token,
            TypingIndicator.Typing shown) {
        Reply reply;
        boolean resumed = acquired.savedReply().isPresent();
        // An earlier attempt held the claim: it may have done part of the work (deleted memories, posted a mention
        // reply) without recording that it finished.
        boolean repeated = acquired.attempts() > 1;
        if (resumed) {
            reply = Reply.fromJson(acquired.savedReply().get());
            LOG.info("Resuming with the reply saved by an earlier attempt");
        } else {
            ReplyProducer.Produced produced;
            try {
                produced = producer.produce(job, new Attempt(lastChance, repeated, modelTime));
            } catch (RetryableFailure e) {
                LOG.warn("Retryable failure, releasing the claim: {}", e.getMessage());
                releaseQuietly(job, attempt);
                metrics.messageProcessed(job.command(), "retry");
                return Result.RETRY;
            }
            reply = produced.reply();
            // The turn and the reply are written side by side; the turn's id comes from the interaction, so a
            // retry that writes it again replaces it rather than adding a second one.
            Reply toSave = reply;
            var saveTurn = Parallel.run(() -> produced.turn().ifPresent(memory::saveTurn));
            var saveReply = Parallel.run(() -> memory.saveReply(job.interactionId(), attempt, toSave.toJson()));
            try {
                Parallel.join(saveReply);
                Parallel.join(saveTurn);
            } catch (LeaseLostException e) {
                LOG.warn("Lost the claim while producing the reply; the other attempt finishes the job");
                return Result.RETRY;
            } catch (RuntimeException e) {
                if (!lastChance) {
                    LOG.warn("Could not save the reply or the turn: {}", e.toString());
                    releaseQuietly(job, attempt);
                    return Result.RETRY;
                }
                LOG.warn("Could not save on the last attempt; delivering anyway: {}", e.toString());
            }
        }
        if (job.kind() == DeferredJob.Kind.MENTION) {
            return deliverMention(job, attempt, reply, deadline, lastChance, repeated, token, shown);
        }
        return deliver(job, attempt, reply, resumed, deadline, lastChance);
    }

    private Result deliver(
            DeferredJob job, String attempt, Reply reply, boolean resumed, Instant deadline, boolean lastChance) {
        String app = job.applicationId();
        String token = job.token().orElseThrow();
        if (reply.kind() == Reply.Kind.PRIVATE_NOTICE && deferredPublicly(job)) {
            return deliverPrivately(job, attempt, reply, deadline, lastChance);
        }
        if (resumed) {
            // An earlier attempt may have delivered and then failed to record it: look before editing again.
            Delivery current = discord.getOriginal(app, token, deadline);
            if (current.delivered()
                    && current.message()
                            .map(m -> MessageRenderer.shows(m, reply))
                            .orElse(false)) {
                LOG.info("The reply is already showing; only recording it");
                return finish(job, attempt, "reply-already-shown");
            }
            if (current.status() == Delivery.Status.GONE || current.status() == Delivery.Status.EXPIRED) {
                return gone(job, attempt, current);
            }
        }
        Optional<Result> followUpFailed = postFollowUp(job, attempt, reply, deadline, lastChance);
        if (followUpFailed.isPresent()) {
            return followUpFailed.get();
        }
        Delivery delivery = discord.editOriginal(app, token, MessageRenderer.render(reply), reply.file(), deadline);
        switch (delivery.status()) {
            case DELIVERED:
                return finish(job, attempt, reply.kind().name().toLowerCase(java.util.Locale.ROOT));
            case GONE:
            case EXPIRED:
                return gone(job, attempt, delivery);
            case REJECTED: {
                LOG.error("Discord rejected the reply: {}", delivery.detail());
                metrics.discordPatchFailed("rejected");
                if (reply.kind() != Reply.Kind.ERROR) {
                    Delivery fallback = discord.editOriginal(
                            app,
                            token,
                            MessageRenderer.render(Reply.error("I wrote something Discord wouldn't show. Sorry!")),
                            deadline);
                    LOG.info("Friendly error edit: {}", fallback.detail());
                }
                return finish(job, attempt, "rejected");
            }
            case RETRY_LATER:
            default: {
                metrics.discordPatchFailed("retrying");
                if (lastChance) {
                    LOG.error("Discord still failing on the last attempt ({}); giving up", delivery.detail());
                    alerts.undelivered(job, delivery);
                    return finish(job, attempt, "undeliverable");
                }
                LOG.warn("Discord failed ({}); releasing for a retry", delivery.detail());
                releaseQuietly(job, attempt);
                return Result.RETRY;
            }
        }
    }

    /**
     * Posts the reply's public follow-up, if it has one, before the original response is replaced: a retry that
     * finds the original already showing the reply knows the follow-up went out. Empty when the caller goes on to
     * edit the original; else the job's result (released for a retry, or finished with the original saying so).
     */
    private Optional<Result> postFollowUp(
            DeferredJob job, String attempt, Reply reply, Instant deadline, boolean lastChance) {
        if (reply.followUp().isEmpty()) {
            return Optional.empty();
        }
        String app = job.applicationId();
        String token = job.token().orElseThrow();
        Delivery posted = discord.followUp(
                app, token, MessageRenderer.render(reply.followUp().get()), deadline);
        switch (posted.status()) {
            case DELIVERED:
                return Optional.empty();
            case GONE:
            case EXPIRED:
                return Optional.of(gone(job, attempt, posted));
            case REJECTED:
                LOG.error("Discord rejected the follow-up: {}", posted.detail());
                metrics.discordPatchFailed("rejected");
                discord.editOriginal(
                        app,
                        token,
                        MessageRenderer.render(Reply.error("I wrote something Discord wouldn't show. Sorry!")),
                        deadline);
                return Optional.of(finish(job, attempt, "rejected"));
            case RETRY_LATER:
            default:
                metrics.discordPatchFailed("retrying");
                if (lastChance) {
                    LOG.error("Discord still failing the follow-up on the last attempt ({})", posted.detail());
                    return Optional.of(finish(job, attempt, "undeliverable"));
                }
                releaseQuietly(job, attempt);
                return Optional.of(Result.RETRY);
        }
    }

    /** Whether the command's "thinking…" is public (a component's original is the message it sits on: left alone). */
    private static boolean deferredPublicly(DeferredJob job) {
        return job.kind() == DeferredJob.Kind.COMMAND
                && !CommandCatalog.privateReply(
                        job.command(),
                        job.subcommand(),
                        job.option(CommandCatalog.MEMBER_OPTION).isPresent());
    }

    /**
     * A refusal meant for the invoker alone, on a command whose "thinking…" is public. Discord fixes a response's
     * visibility when it is deferred, so the notice goes out as an ephemeral follow-up and the public placeholder is
     * deleted; if the follow-up cannot be sent, the placeholder becomes an error that names nobody. A retry after a
     * crash between the two steps may send the private notice twice, which only its invoker sees.
     */
    private Result deliverPrivately(
            DeferredJob job, String attempt, Reply reply, Instant deadline, boolean lastChance) {
        String app = job.applicationId();
        String token = job.token().orElseThrow();
        ObjectNode body = MessageRenderer.render(reply);
        body.put("flags", ResponseJson.EPHEMERAL);
        Delivery posted = discord.followUp(app, token, body, deadline);
        if (posted.status() == Delivery.Status.GONE || posted.status() == Delivery.Status.EXPIRED) {
            return gone(job, attempt, posted);
        }
        if (!posted.delivered()) {
            metrics.discordPatchFailed(posted.status() == Delivery.Status.RETRY_LATER ? "retrying" : "rejected");
            if (posted.status() == Delivery.Status.RETRY_LATER && !lastChance) {
                LOG.warn("Could not send the private notice ({}); releasing for a retry", posted.detail());
                releaseQuietly(job, attempt);
                return Result.RETRY;
            }
            LOG.error("Could not send the private notice: {}", posted.detail());
            discord.editOriginal(
                    app,
                    token,
                    MessageRenderer.render(Reply.error("I couldn't do that one. Please try again.")),
                    deadline);
            return finish(job, attempt, "private-notice-failed");
        }
        Delivery deleted = discord.deleteOriginal(app, token, deadline);
        if (!deleted.delivered()) {
            LOG.warn(
                    "Could not delete the public placeholder ({}); saying it was answered privately", deleted.detail());
            discord.editOriginal(app, token, MessageRenderer.render(Reply.notice("(Answered privately.)")), deadline);
        }
        return finish(job, attempt, "private-notice");
    }

    /** Shows "typing…" in the mention's channel while the reply is produced; nothing when that cannot be done. */
    private TypingIndicator.Typing startTyping(DeferredJob job, Optional<String> token) {
        if (job.channelId().isEmpty() || token.isEmpty()) {
            return TypingIndicator.Typing.NONE;
        }
        return typing.start(job.channelId().get(), token.get());
    }

    /** The bot token for mention replies, or empty (logged) when it cannot be had right now. */
    private Optional<String> botToken() {
        try {
            return Optional.of(botToken.botToken());
        } catch (RuntimeException e) {
            LOG.error("No bot token for the mention reply: {}", e.getMessage());
            return Optional.empty();
        }
    }

    private Result deliverMention(
            DeferredJob job,
            String attempt,
            Reply reply,
            Instant deadline,
            boolean lastChance,
            boolean retry,
            Optional<String> maybeToken,
            TypingIndicator.Typing shown) {
        String channel = job.channelId().orElse("");
        if (maybeToken.isEmpty()) {
            if (lastChance) {
                return finish(job, attempt, "no-bot-token");
            }
            releaseQuietly(job, attempt);
            return Result.RETRY;
        }
        String token = maybeToken.get();
        if (retry && replyAlreadyPosted(job, channel, token, deadline)) {
            shown.close();
            LOG.info("An earlier attempt already posted the mention reply; only recording it");
            return finish(job, attempt, "mention-reply-already-posted");
        }
        ObjectNode body = MessageRenderer.render(reply);
        ObjectNode reference = body.putObject("message_reference");
        reference.put("message_id", job.interactionId());
        reference.put("fail_if_not_exists", false);
        // Replying pings the author only when the reply is for them; a reply aimed at a target pings the target.
        ((ObjectNode) body.get("allowed_mentions"))
                .put("replied_user", reply.pingUserIds().contains(job.user().id()));
        // Discord returns the first message instead of posting a second one with the same nonce for a few minutes.
        body.put("nonce", job.interactionId());
        body.put("enforce_nonce", true);
        shown.close();
        Delivery delivery = discord.createMessage(channel, body, token, deadline);
        if (delivery.delivered()) {
            return finish(job, attempt, "mention-reply");
        }
        if (delivery.status() == Delivery.Status.RETRY_LATER && !lastChance) {
            metrics.discordPatchFailed("retrying");
            releaseQuietly(job, attempt);
            return Result.RETRY;
        }
        metrics.discordPatchFailed(delivery.status().name().toLowerCase(java.util.Locale.ROOT));
        LOG.error("Could not post the mention reply: {}", delivery.detail());
        alerts.undelivered(job, delivery);
        return finish(job, attempt, "undeliverable");
    }

    /**
     * Whether the bot already replied to the mention: among the messages right after it, one by the bot that
     * references it. When the channel cannot be read, the answer is no and the nonce still guards against a double.
     */
    private boolean replyAlreadyPosted(DeferredJob job, String channel, String token, Instant deadline) {
        Delivery listed = discord.messagesAfter(channel, job.interactionId(), REPLY_LOOKBACK, token, deadline);
        if (!listed.delivered() || listed.message().isEmpty()) {
            LOG.warn("Could not look for an earlier reply ({}); posting with the nonce", listed.detail());
            return false;
        }
        String self = job.option(MentionDecider.BOT_USER_OPTION).orElse(job.applicationId());
        for (JsonNode message : listed.message().get()) {
            if (message.path("author").path("id").asText("").equals(self)
                    && message.path("message_reference")
                            .path("message_id")
                            .asText("")
                            .equals(job.interactionId())) {
                return true;
            }
        }
        return false;
    }

    private Result gone(DeferredJob job, String attempt, Delivery delivery) {
        LOG.warn("The interaction response is gone ({}); not retrying", delivery.detail());
        alerts.undelivered(job, delivery);
        metrics.discordPatchFailed(delivery.status() == Delivery.Status.EXPIRED ? "expired" : "gone");
        return finish(job, attempt, "dropped");
    }

    private Result finish(DeferredJob job, String attempt, String outcome) {
        try {
            memory.finish(job.interactionId(), attempt, clock.instant());
        } catch (LeaseLostException e) {
            LOG.warn("Another attempt took the interaction over while this one delivered");
        } catch (RuntimeException e) {
            // Delivered but not recorded: a retry sees the saved reply already showing and only records it.
            LOG.warn("Could not record the interaction as done: {}", e.toString());
            releaseQuietly(job, attempt);
            return Result.RETRY;
        }
        LOG.info("Job finished: {}", outcome);
        metrics.messageProcessed(job.command(), outcome);
        return Result.DONE;
    }

    /**
     * Last resort when the claim itself cannot be used: if the response still shows "thinking…", replace it with a
     * friendly error so nobody waits forever; never overwrite a reply.
     */
    private void rescue(DeferredJob job, Instant deadline) {
        String app = job.applicationId();
        String token = job.token().orElseThrow();
        Delivery current = discord.getOriginal(app, token, deadline);
        boolean stillThinking = current.delivered()
                && current.message().map(JobProcessor::isPlaceholder).orElse(false);
        if (stillThinking) {
            Delivery d = discord.editOriginal(
                    app,
                    token,
                    MessageRenderer.render(
                            Reply.error("Something broke on our side and I couldn't finish that. Please try again.")),
                    deadline);
            LOG.error("Rescued the interaction with a friendly error: {}", d.detail());
            metrics.messageProcessed(job.command(), "rescued");
        } else {
            LOG.error("Could not use the claim on the last attempt; the response is not a placeholder, left as is");
        }
    }

    private static boolean isPlaceholder(JsonNode message) {
        return message.path("content").asText("").isEmpty()
                && message.path("embeds").size() == 0;
    }

    private void releaseQuietly(DeferredJob job, String attempt) {
        try {
            memory.release(job.interactionId(), attempt);
        } catch (RuntimeException e) {
            LOG.warn("Could not release the claim (its lease runs out by itself): {}", e.toString());
        }
    }
}
