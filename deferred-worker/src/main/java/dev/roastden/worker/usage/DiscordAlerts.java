package dev.roastden.worker.usage;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.roastden.core.json.Json;
import dev.roastden.worker.discord.Delivery;
import dev.roastden.worker.discord.DiscordRest;
import dev.roastden.worker.secrets.BotTokenSource;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts alerts as the bot into a server's alerts channel, pinging nobody. Best effort and brief: a failure is logged
 * and dropped, so an alert never delays or fails the member's reply.
 */
public final class DiscordAlerts implements AlertSink {
    private static final Logger LOG = LoggerFactory.getLogger(DiscordAlerts.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    private final DiscordRest discord;
    private final BotTokenSource botToken;
    private final Clock clock;

    public DiscordAlerts(DiscordRest discord, BotTokenSource botToken, Clock clock) {
        this.discord = discord;
        this.botToken = botToken;
        this.clock = clock;
    }

    @Override
    public void post(String channelId, String text) {
        try {
            ObjectNode body = Json.mapper().createObjectNode();
            body.put("content", text);
            body.putObject("allowed_mentions").putArray("parse");
            Delivery delivery = discord.createMessage(
                    channelId, body, botToken.botToken(), clock.instant().plus(TIMEOUT));
            LOG.info("Alert to the server's alerts channel: {}", delivery.status());
        } catch (RuntimeException e) {
            LOG.warn(
                    "Could not post an alert to the server's alerts channel: {}",
                    e.getClass().getSimpleName());
        }
    }
}
