package dev.roastden.worker.secrets;

import dev.roastden.worker.observability.WorkerMetrics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * The bot token from Secrets Manager: fetched on first need (never at start-up or before a snapshot), cached for a
 * while, and every fetch logged as a security event and counted — with the secret's id, never its value.
 */
public final class SecretsManagerBotToken implements BotTokenSource {
    private static final Logger LOG = LoggerFactory.getLogger(SecretsManagerBotToken.class);

    private final SecretsManagerClient client;
    private final Optional<String> secretId;
    private final WorkerMetrics metrics;
    private final Clock clock;
    private final Duration maxAge;
    private String cached;
    private Instant fetchedAt = Instant.MIN;

    public SecretsManagerBotToken(
            SecretsManagerClient client,
            Optional<String> secretId,
            WorkerMetrics metrics,
            Clock clock,
            Duration maxAge) {
        this.client = client;
        this.secretId = secretId;
        this.metrics = metrics;
        this.clock = clock;
        this.maxAge = maxAge;
    }

    @Override
    public synchronized String botToken() {
        Instant now = clock.instant();
        if (cached != null && fetchedAt.plus(maxAge).isAfter(now)) {
            return cached;
        }
        String id = secretId.orElseThrow(() -> {
            LOG.warn("security_event=secret_access outcome=failure reason=BOT_TOKEN_SECRET_ID not set");
            metrics.secretAccess(false);
            return new IllegalStateException("BOT_TOKEN_SECRET_ID is not set");
        });
        try {
            String value = client.getSecretValue(b -> b.secretId(id)).secretString();
            if (value == null || value.isBlank()) {
                throw new IllegalStateException("The bot token secret is empty");
            }
            cached = value.strip();
            fetchedAt = now;
            LOG.info("security_event=secret_access outcome=success secret_id={}", id);
            metrics.secretAccess(true);
            return cached;
        } catch (SdkException | IllegalStateException e) {
            LOG.warn(
                    "security_event=secret_access outcome=failure secret_id={} error={}",
                    id,
                    e.getClass().getSimpleName());
            metrics.secretAccess(false);
            throw new IllegalStateException("Could not read the bot token", e);
        }
    }
}
