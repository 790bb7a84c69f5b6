package dev.roastden.gateway.discord;

import dev.roastden.gateway.BotTokens;
import dev.roastden.gateway.health.GatewayHealth;
import java.time.Duration;
import java.util.EnumSet;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.JDABuilder;
import net.dv8tion.jda.api.entities.Activity;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.exceptions.InvalidTokenException;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.utils.ChunkingFilter;
import net.dv8tion.jda.api.utils.MemberCachePolicy;
import net.dv8tion.jda.api.utils.cache.CacheFlag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JDA session, built with the least mention handling needs: server messages only, no member cache or chunking, no
 * cache but role tags (to recognise the bot's own integration role), no voice. Logging in happens off the caller's
 * thread and is retried while Discord cannot be reached; once connected, reconnecting and resuming are JDA's.
 */
public final class DiscordConnection implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DiscordConnection.class);
    private static final Duration FIRST_RETRY = Duration.ofSeconds(5);
    private static final Duration LONGEST_RETRY = Duration.ofMinutes(5);
    private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(10);

    private final BotTokens.BotToken token;
    private final boolean messageContent;
    private final MentionListener listener;
    private final GatewayHealth health;
    private final ScheduledExecutorService scheduler;
    private JDA jda;
    private ScheduledFuture<?> pendingLogin;
    private boolean closed;

    private DiscordConnection(
            BotTokens.BotToken token,
            boolean messageContent,
            MentionListener listener,
            GatewayHealth health,
            ScheduledExecutorService scheduler) {
        this.token = token;
        this.messageContent = messageContent;
        this.listener = listener;
        this.health = health;
        this.scheduler = scheduler;
    }

    /**
     * The intents mention handling needs: {@code GUILD_MESSAGES} (JDA always adds {@code GUILDS}). Discord sends the
     * content of messages that mention the bot without the privileged {@code MESSAGE_CONTENT} intent, so that one is
     * only asked for when configured, for the text of replied-to messages by other people.
     */
    public static EnumSet<GatewayIntent> intents(boolean messageContent) {
        EnumSet<GatewayIntent> intents = EnumSet.of(GatewayIntent.GUILD_MESSAGES);
        if (messageContent) {
            intents.add(GatewayIntent.MESSAGE_CONTENT);
        }
        return intents;
    }

    /** Starts logging in on {@code scheduler}; health follows the connection from there. */
    public static DiscordConnection start(
            BotTokens.BotToken token,
            boolean messageContent,
            MentionListener listener,
            GatewayHealth health,
            ScheduledExecutorService scheduler) {
        DiscordConnection connection = new DiscordConnection(token, messageContent, listener, health, scheduler);
        if (!messageContent) {
            // Without the intent, empty content in messages that do not mention the bot is expected, not a mistake.
            Message.suppressContentIntentWarning();
        }
        connection.schedule(Duration.ZERO, FIRST_RETRY);
        return connection;
    }

    private synchronized void schedule(Duration delay, Duration nextDelay) {
        if (closed) {
            return;
        }
        pendingLogin = scheduler.schedule(() -> login(nextDelay), delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void login(Duration retryDelay) {
        health.connection("LOGGING_IN");
        try {
            JDA session = JDABuilder.createLight(token.value(), intents(messageContent))
                    .setMemberCachePolicy(MemberCachePolicy.NONE)
                    .setChunkingFilter(ChunkingFilter.NONE)
                    .disableCache(EnumSet.allOf(CacheFlag.class))
                    .enableCache(CacheFlag.ROLE_TAGS)
                    .setEnableShutdownHook(false)
                    .setAutoReconnect(true)
                    .setActivity(Activity.listening("@mentions"))
                    .addEventListeners(listener)
                    .build();
            synchronized (this) {
                if (closed) {
                    session.shutdownNow();
                    return;
                }
                jda = session;
            }
        } catch (InvalidTokenException rejected) {
            String reason = "Discord rejected the bot token (401 Unauthorized). Check " + BotTokens.TOKEN_VARIABLE
                    + " or the secret in " + BotTokens.SECRET_VARIABLE + "; the task stays up so this stays visible";
            health.blocked(reason);
            LOG.error(reason);
        } catch (RuntimeException unreachable) {
            health.disconnected("LOGIN_FAILED (" + unreachable.getClass().getSimpleName() + "; retrying in "
                    + retryDelay.toSeconds() + " s)");
            LOG.warn(
                    "Could not log in to Discord ({}: {}); trying again in {} s",
                    unreachable.getClass().getSimpleName(),
                    unreachable.getMessage(),
                    retryDelay.toSeconds());
            Duration next = retryDelay.multipliedBy(2);
            schedule(retryDelay, next.compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : next);
        }
    }

    /** Leaves the gateway: pending requests get a few seconds, then are cancelled. */
    @Override
    public void close() {
        listener.stopping();
        JDA session;
        synchronized (this) {
            closed = true;
            if (pendingLogin != null) {
                pendingLogin.cancel(false);
            }
            session = jda;
        }
        if (session == null) {
            return;
        }
        session.shutdown();
        try {
            if (!session.awaitShutdown(SHUTDOWN_WAIT)) {
                session.shutdownNow();
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            session.shutdownNow();
        }
    }
}
