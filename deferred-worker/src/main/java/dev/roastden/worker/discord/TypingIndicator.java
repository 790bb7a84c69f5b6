package dev.roastden.worker.discord;

import dev.roastden.worker.time.Repeater;
import java.time.Duration;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shows "RoastDen is typing…" in a channel while a mention reply is being written: Discord shows the indicator for
 * about ten seconds, so it is sent again every eight until it is stopped. Best effort: a failed call is logged and
 * never fails the job.
 */
public final class TypingIndicator {
    private static final Logger LOG = LoggerFactory.getLogger(TypingIndicator.class);

    /** How often the indicator is sent again; shorter than the ten seconds Discord shows it for. */
    public static final Duration REFRESH = Duration.ofSeconds(8);

    private final DiscordRest discord;
    private final Repeater repeater;

    public TypingIndicator(DiscordRest discord, Repeater repeater) {
        this.discord = discord;
        this.repeater = repeater;
    }

    /** Starts showing the indicator in {@code channelId}; close the result to stop. */
    public Typing start(String channelId, String botToken) {
        Running running = new Running(channelId, botToken);
        running.repetition = repeater.every(REFRESH, running::send);
        return running;
    }

    /** An indicator being shown. */
    public interface Typing extends AutoCloseable {
        /** Nothing shown, nothing to stop. */
        Typing NONE = () -> {};

        /**
         * Stops sending the indicator; when this returns, no call is under way and none will start, so the reply
         * that follows is not trailed by a fresh indicator.
         */
        @Override
        void close();
    }

    private final class Running implements Typing {
        private final String channelId;
        private final String botToken;
        private final ReentrantLock sending = new ReentrantLock();
        private volatile boolean stopped;
        private volatile Repeater.Repetition repetition = () -> {};

        Running(String channelId, String botToken) {
            this.channelId = channelId;
            this.botToken = botToken;
        }

        void send() {
            sending.lock();
            try {
                if (stopped) {
                    return;
                }
                Delivery delivery = discord.typing(channelId, botToken);
                if (!delivery.delivered()) {
                    LOG.info("The typing indicator was not shown: {}", delivery.detail());
                }
            } catch (RuntimeException e) {
                LOG.info("The typing indicator failed: {}", e.toString());
            } finally {
                sending.unlock();
            }
        }

        @Override
        public void close() {
            stopped = true;
            repetition.cancel();
            sending.lock();
            sending.unlock();
        }
    }
}
