package dev.roastden.worker.alerts;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.roastden.core.json.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The deployment's admin channel: a Discord webhook whose URL (a credential: it carries the webhook's token) is kept
 * in Secrets Manager and read once per warm worker. Posts ping nobody. The URL is never logged; a URL that is not a
 * webhook URL over HTTPS (plain HTTP only to this machine, for tests) is refused.
 */
public final class AdminWebhook {
    private static final Logger LOG = LoggerFactory.getLogger(AdminWebhook.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    private final Supplier<Optional<String>> url;
    private final HttpClient http;
    private volatile Optional<URI> cached = Optional.empty();

    /** @param url reads the webhook URL (from Secrets Manager); empty when none is configured */
    public AdminWebhook(Supplier<Optional<String>> url) {
        this.url = url;
        this.http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    }

    /** No admin channel. */
    public static AdminWebhook none() {
        return new AdminWebhook(Optional::empty);
    }

    /** Posts {@code text}; returns whether the webhook took it. Never throws. */
    public boolean post(String text) {
        try {
            Optional<URI> target = target();
            if (target.isEmpty()) {
                return false;
            }
            ObjectNode body = Json.mapper().createObjectNode();
            body.put("content", text.length() > 2000 ? text.substring(0, 1999) + "…" : text);
            body.putObject("allowed_mentions").putArray("parse");
            HttpResponse<Void> response = http.send(
                    HttpRequest.newBuilder(target.get())
                            .timeout(TIMEOUT)
                            .header("content-type", "application/json")
                            // Discord refuses API requests without a bot-style User-Agent.
                            .header("user-agent", dev.roastden.worker.WorkerConfig.USER_AGENT)
                            .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            boolean ok = response.statusCode() / 100 == 2;
            if (!ok) {
                LOG.warn("The admin webhook answered {}", response.statusCode());
            }
            return ok;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception e) {
            LOG.warn("Could not post to the admin webhook: {}", e.getClass().getSimpleName());
            return false;
        }
    }

    private Optional<URI> target() {
        if (cached.isEmpty()) {
            cached = url.get().map(String::strip).filter(s -> !s.isEmpty()).flatMap(AdminWebhook::valid);
        }
        return cached;
    }

    static Optional<URI> valid(String value) {
        URI uri;
        try {
            uri = URI.create(value);
        } catch (IllegalArgumentException e) {
            LOG.warn("The admin webhook secret does not hold a URL");
            return Optional.empty();
        }
        boolean local = "http".equals(uri.getScheme())
                && ("127.0.0.1".equals(uri.getHost()) || "localhost".equals(uri.getHost()));
        boolean https = "https".equals(uri.getScheme());
        if (!(https || local) || uri.getPath() == null || !uri.getPath().contains("/webhooks/")) {
            LOG.warn("The admin webhook secret does not hold a Discord webhook URL over HTTPS");
            return Optional.empty();
        }
        return Optional.of(uri);
    }
}
