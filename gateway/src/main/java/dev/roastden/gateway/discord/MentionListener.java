package dev.roastden.gateway.discord;

import dev.roastden.core.job.DeferredJob;
import dev.roastden.core.job.JobQueue;
import dev.roastden.core.mention.BotChain;
import dev.roastden.core.mention.BotIdentity;
import dev.roastden.core.mention.IncomingMessage;
import dev.roastden.core.mention.MentionDecider;
import dev.roastden.core.mention.MentionDecision;
import dev.roastden.gateway.health.GatewayHealth;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.events.GatewayPingEvent;
import net.dv8tion.jda.api.events.StatusChangeEvent;
import net.dv8tion.jda.api.events.message.MessageReceivedEvent;
import net.dv8tion.jda.api.events.session.ReadyEvent;
import net.dv8tion.jda.api.events.session.SessionDisconnectEvent;
import net.dv8tion.jda.api.events.session.SessionRecreateEvent;
import net.dv8tion.jda.api.events.session.SessionResumeEvent;
import net.dv8tion.jda.api.events.session.ShutdownEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.requests.CloseCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * JDA's events, handed on: messages go through {@link MentionDecider} and mentions onto the queue (on a separate
 * thread, so a slow queue never stalls the gateway's event thread); connection events keep {@link GatewayHealth}
 * current. Message text is never logged.
 */
public final class MentionListener extends ListenerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(MentionListener.class);

    private final MentionDecider decider;
    private final JobQueue queue;
    private final Executor enqueuer;
    private final GatewayHealth health;
    private final Optional<String> applicationId;
    private final Map<String, BotChain> botChains = new ConcurrentHashMap<>();
    private volatile boolean stopping;

    /**
     * @param applicationId the configured application id; when absent, the one Discord reports for the bot
     */
    public MentionListener(
            MentionDecider decider,
            JobQueue queue,
            Executor enqueuer,
            GatewayHealth health,
            Optional<String> applicationId) {
        this.decider = decider;
        this.queue = queue;
        this.enqueuer = enqueuer;
        this.health = health;
        this.applicationId = applicationId;
    }

    /** From now on a shutdown is ours, not a problem to report. */
    public void stopping() {
        stopping = true;
    }

    @Override
    public void onMessageReceived(MessageReceivedEvent event) {
        IncomingMessage message = JdaMessages.incoming(event);
        BotIdentity self = self(event.getJDA());
        MentionDecision decision =
                decider.decide(message, self, botChains.getOrDefault(message.channelId(), BotChain.NONE));
        if (decision.nextChain().length() == 0) {
            botChains.remove(message.channelId());
        } else {
            botChains.put(message.channelId(), decision.nextChain());
        }
        if (decision.verdict() == MentionDecision.Verdict.BOT_CHAIN_LIMIT) {
            LOG.info(
                    "Ignored a mention by bot {} in channel {}: {} bot mentions in a row already answered there",
                    message.author().id(),
                    message.channelId(),
                    decision.nextChain().length());
            return;
        }
        if (!decision.enqueues()) {
            LOG.debug("Ignored message {}: {}", message.messageId(), decision.verdict());
            return;
        }
        DeferredJob job = decision.job().orElseThrow();
        var persona = decision.persona().orElseThrow();
        try {
            enqueuer.execute(
                    () -> enqueue(job, persona.persona().id(), persona.source().name()));
        } catch (RejectedExecutionException full) {
            LOG.error("Dropped mention {}: the queue hand-off is full or stopped", job.interactionId());
        }
    }

    private void enqueue(DeferredJob job, String persona, String source) {
        try {
            queue.enqueue(job);
            LOG.info(
                    "Queued mention {} in channel {} for persona {} ({})",
                    job.interactionId(),
                    job.channelId().orElse("?"),
                    persona,
                    source);
        } catch (JobQueue.QueueUnavailableException e) {
            LOG.error("Could not queue mention {}; it goes unanswered", job.interactionId(), e);
        }
    }

    private BotIdentity self(JDA jda) {
        var selfUser = jda.getSelfUser();
        return new BotIdentity(selfUser.getId(), applicationId.orElseGet(selfUser::getApplicationId));
    }

    @Override
    public void onReady(ReadyEvent event) {
        health.connected();
        LOG.info(
                "Connected to the Discord gateway as {} in {} servers",
                event.getJDA().getSelfUser().getId(),
                event.getGuildTotalCount());
    }

    @Override
    public void onSessionResume(SessionResumeEvent event) {
        health.connected();
        LOG.info("Resumed the Discord gateway session");
    }

    @Override
    public void onSessionRecreate(SessionRecreateEvent event) {
        health.connected();
        LOG.info("Reconnected to the Discord gateway with a new session");
    }

    @Override
    public void onSessionDisconnect(SessionDisconnectEvent event) {
        CloseCode code = event.getCloseCode();
        String why = "DISCONNECTED" + (code == null ? "" : " (" + code.getCode() + " " + code.name() + ")");
        health.disconnected(why);
        LOG.warn("Lost the Discord gateway connection: {}; reconnecting", why);
    }

    @Override
    public void onGatewayPing(GatewayPingEvent event) {
        health.heartbeat(event.getNewPing());
    }

    @Override
    public void onStatusChange(StatusChangeEvent event) {
        health.connection(event.getNewStatus().name());
        LOG.debug("Gateway status {} -> {}", event.getOldStatus(), event.getNewStatus());
    }

    @Override
    public void onShutdown(ShutdownEvent event) {
        CloseCode code = event.getCloseCode();
        if (stopping || code == null || code.isReconnect()) {
            // Our own shutdown, or a login attempt that failed (retried by DiscordConnection).
            health.disconnected("SHUTDOWN");
            return;
        }
        String reason = "Discord ended the gateway session with " + code.getCode() + " " + code.name() + ": "
                + code.getMeaning()
                + (code == CloseCode.DISALLOWED_INTENTS
                        ? " Turn GATEWAY_MESSAGE_CONTENT_INTENT off, or enable the Message Content intent for the"
                                + " application in the Developer Portal."
                        : "")
                + " The task stays up so this stays visible; fix the cause and restart it.";
        health.blocked(reason);
        LOG.error(reason);
    }
}
