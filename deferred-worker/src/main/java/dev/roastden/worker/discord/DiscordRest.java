package dev.roastden.worker.discord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.roastden.core.interaction.InteractionIds;
import dev.roastden.core.json.Json;
import dev.roastden.worker.reply.ReplyFile;
import dev.roastden.worker.time.Sleeper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The few Discord REST calls the worker makes, over {@code java.net.http} (the SDK's URLConnection client cannot
 * PATCH). Honours Discord's rules: a {@code DiscordBot} User-Agent, {@code Retry-After} on 429, never retrying 404 /
 * 10015 / 10008 / 50027, and no call at all once the interaction token's deadline has passed.
 *
 * <p>The interaction token is a credential, and it sits in the path: every log line and {@link Delivery#detail}
 * names the call by {@link #route}, which removes the token by the path's shape, whatever the application id looks
 * like. An id or token that cannot be one (not a snowflake, not URL-safe) is not sent at all: the call ends
 * {@link Delivery.Status#GONE} at once, so the job is dropped instead of retried until its token expires.
 *
 * <p>The {@link HttpClient} is created on first use, after any SnapStart restore, so no connection or selector
 * thread is captured in a snapshot.
 */
public final class DiscordRest {
    private static final Logger LOG = LoggerFactory.getLogger(DiscordRest.class);
    private static final Set<Integer> GONE_CODES = Set.of(10015, 10008, 50027, 10062, 10003);
    private static final int MAX_ATTEMPTS = 4;
    private static final Duration MAX_RETRY_AFTER = Duration.ofSeconds(30);
    private static final Duration BASE_BACKOFF = Duration.ofMillis(250);

    private final URI apiBase;
    private final String userAgent;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Duration requestTimeout;
    private volatile HttpClient client;

    public DiscordRest(URI apiBase, String userAgent, Clock clock, Sleeper sleeper, Duration requestTimeout) {
        this.apiBase = apiBase;
        this.userAgent = userAgent;
        this.clock = clock;
        this.sleeper = sleeper;
        this.requestTimeout = requestTimeout;
    }

    /** PATCH {@code /webhooks/{app}/{token}/messages/@original}. */
    public Delivery editOriginal(String applicationId, String token, ObjectNode body, Instant deadline) {
        return editOriginal(applicationId, token, body, Optional.empty(), deadline);
    }

    /**
     * PATCH {@code /webhooks/{app}/{token}/messages/@original}, with {@code file} uploaded as {@code files[0]} of a
     * multipart body when there is one ({@code body} then names it in {@code attachments}, id 0).
     */
    public Delivery editOriginal(
            String applicationId, String token, ObjectNode body, Optional<ReplyFile> file, Instant deadline) {
        if (!InteractionIds.isSnowflake(applicationId) || !InteractionIds.isToken(token)) {
            return malformed("PATCH /webhooks/{application}/{token}/messages/@original");
        }
        return call("PATCH", originalPath(applicationId, token), body, file, Optional.empty(), deadline, MAX_ATTEMPTS);
    }

    /** POST {@code /webhooks/{app}/{token}}: a follow-up message to the interaction (public unless flagged). */
    public Delivery followUp(String applicationId, String token, ObjectNode body, Instant deadline) {
        if (!InteractionIds.isSnowflake(applicationId) || !InteractionIds.isToken(token)) {
            return malformed("POST /webhooks/{application}/{token}");
        }
        return call("POST", "/webhooks/" + applicationId + "/" + token, body, Optional.empty(), deadline);
    }

    /** DELETE {@code /webhooks/{app}/{token}/messages/@original}. */
    public Delivery deleteOriginal(String applicationId, String token, Instant deadline) {
        if (!InteractionIds.isSnowflake(applicationId) || !InteractionIds.isToken(token)) {
            return malformed("DELETE /webhooks/{application}/{token}/messages/@original");
        }
        return call("DELETE", originalPath(applicationId, token), null, Optional.empty(), deadline);
    }

    /** GET {@code /webhooks/{app}/{token}/messages/@original}. */
    public Delivery getOriginal(String applicationId, String token, Instant deadline) {
        if (!InteractionIds.isSnowflake(applicationId) || !InteractionIds.isToken(token)) {
            return malformed("GET /webhooks/{application}/{token}/messages/@original");
        }
        return call("GET", originalPath(applicationId, token), null, Optional.empty(), deadline);
    }

    /** POST {@code /channels/{id}/messages} with the bot token. */
    public Delivery createMessage(String channelId, ObjectNode body, String botToken, Instant deadline) {
        if (!InteractionIds.isSnowflake(channelId)) {
            return malformed("POST /channels/{channel}/messages");
        }
        return call("POST", "/channels/" + channelId + "/messages", body, Optional.of(botToken), deadline);
    }

    /**
     * GET {@code /channels/{id}/messages?after={messageId}&limit={limit}} with the bot token: the messages posted
     * right after {@code messageId}, newest first, as a JSON array in {@link Delivery#message()}.
     */
    public Delivery messagesAfter(String channelId, String messageId, int limit, String botToken, Instant deadline) {
        if (!InteractionIds.isSnowflake(channelId) || !InteractionIds.isSnowflake(messageId)) {
            return malformed("GET /channels/{channel}/messages");
        }
        return call(
                "GET",
                "/channels/" + channelId + "/messages?after=" + messageId + "&limit=" + limit,
                null,
                Optional.of(botToken),
                deadline);
    }

    /** POST {@code /channels/{id}/typing} with the bot token; best effort, one try. */
    public Delivery typing(String channelId, String botToken) {
        if (!InteractionIds.isSnowflake(channelId)) {
            return malformed("POST /channels/{channel}/typing");
        }
        return call(
                "POST",
                "/channels/" + channelId + "/typing",
                null,
                Optional.of(botToken),
                clock.instant().plusSeconds(10),
                1);
    }

    /**
     * The call as logs may show it: the method and path with the segment after {@code /webhooks/{app}/} (the token)
     * replaced, whatever the segments hold, and the query left out.
     */
    static String route(String method, String path) {
        String withoutQuery = path.indexOf('?') < 0 ? path : path.substring(0, path.indexOf('?'));
        return method + " " + withoutQuery.replaceAll("^/webhooks/([^/]*)/[^/]*", "/webhooks/$1/{token}");
    }

    private static Delivery malformed(String route) {
        return Delivery.of(
                Delivery.Status.GONE, 0, 0, route + " not called: the id or token is not one Discord issues");
    }

    private static String originalPath(String applicationId, String token) {
        return "/webhooks/" + applicationId + "/" + token + "/messages/@original";
    }

    private Delivery call(String method, String path, ObjectNode body, Optional<String> botToken, Instant deadline) {
        return call(method, path, body, Optional.empty(), botToken, deadline, MAX_ATTEMPTS);
    }

    private Delivery call(
            String method, String path, ObjectNode body, Optional<String> botToken, Instant deadline, int maxAttempts) {
        return call(method, path, body, Optional.empty(), botToken, deadline, maxAttempts);
    }

    private Delivery call(
            String method,
            String path,
            ObjectNode body,
            Optional<ReplyFile> file,
            Optional<String> botToken,
            Instant deadline,
            int maxAttempts) {
        Optional<Multipart> multipart = file.map(f -> Multipart.of(body, f));
        Delivery last = Delivery.of(Delivery.Status.RETRY_LATER, 0, 0, "not attempted");
        String route = route(method, path);
        URI uri;
        try {
            uri = URI.create(apiBase + path);
        } catch (IllegalArgumentException notAUri) {
            // The message of this exception quotes the whole path, token included: never pass it on.
            return malformed(route);
        }
        for (int attempt = 1; attempt <= maxAttempts; attempt++) {
            if (!clock.instant().isBefore(deadline)) {
                return Delivery.of(Delivery.Status.EXPIRED, 0, 0, "deadline passed before " + route);
            }
            HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                    .timeout(requestTimeout)
                    .header("User-Agent", userAgent)
                    .header("Accept", "application/json");
            botToken.ifPresent(t -> request.header("Authorization", "Bot " + t));
            if (multipart.isPresent()) {
                request.header("Content-Type", multipart.get().contentType())
                        .method(
                                method,
                                HttpRequest.BodyPublishers.ofByteArray(
                                        multipart.get().body()));
            } else if (body != null) {
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8));
            } else {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            }
            HttpResponse<String> response;
            try {
                response = client().send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (IOException e) {
                last = Delivery.of(
                        Delivery.Status.RETRY_LATER,
                        0,
                        0,
                        route + " failed: " + e.getClass().getSimpleName());
                if (!backoff(attempt, maxAttempts, deadline)) {
                    return last;
                }
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Delivery.of(Delivery.Status.RETRY_LATER, 0, 0, route + " interrupted");
            }
            int status = response.statusCode();
            JsonNode json = parse(response.body());
            int code = json.path("code").asInt(0);
            if (status >= 200 && status < 300) {
                return new Delivery(
                        Delivery.Status.DELIVERED,
                        status,
                        0,
                        route + " " + status,
                        json.isMissingNode() ? Optional.empty() : Optional.of(json));
            }
            if (status == 429) {
                Duration wait = retryAfter(response, json);
                last = Delivery.of(Delivery.Status.RETRY_LATER, status, code, route + " rate limited for " + wait);
                if (wait.compareTo(MAX_RETRY_AFTER) > 0 || attempt == maxAttempts) {
                    return last;
                }
                if (!clock.instant().plus(wait).isBefore(deadline)) {
                    return Delivery.of(
                            Delivery.Status.EXPIRED, status, code, route + " rate limited past the deadline");
                }
                LOG.info("Discord rate limited {}; waiting {} ms", route, wait.toMillis());
                if (!sleeper.pause(wait)) {
                    return last;
                }
                continue;
            }
            if (status == 404 || GONE_CODES.contains(code) || status == 401 || status == 403) {
                return Delivery.of(Delivery.Status.GONE, status, code, route + " " + status + " code " + code);
            }
            if (status >= 400 && status < 500) {
                return Delivery.of(
                        Delivery.Status.REJECTED,
                        status,
                        code,
                        route + " " + status + " code " + code + ": "
                                + json.path("message").asText(""));
            }
            last = Delivery.of(Delivery.Status.RETRY_LATER, status, code, route + " " + status);
            if (!backoff(attempt, maxAttempts, deadline)) {
                return last;
            }
        }
        return last;
    }

    private boolean backoff(int attempt, int maxAttempts, Instant deadline) {
        if (attempt >= maxAttempts) {
            return false;
        }
        Duration wait = BASE_BACKOFF.multipliedBy(1L << (attempt - 1));
        if (!clock.instant().plus(wait).isBefore(deadline)) {
            return false;
        }
        return sleeper.pause(wait);
    }

    /** The wait Discord asks for: {@code retry_after} (seconds, fractional) from the body, else the header. */
    static Duration retryAfter(HttpResponse<String> response, JsonNode json) {
        if (json.has("retry_after")) {
            return Duration.ofMillis((long) Math.ceil(json.get("retry_after").asDouble() * 1000));
        }
        Optional<String> header = response.headers().firstValue("Retry-After");
        if (header.isPresent()) {
            try {
                return Duration.ofMillis((long) Math.ceil(Double.parseDouble(header.get()) * 1000));
            } catch (NumberFormatException ignored) {
                // fall through to the default
            }
        }
        return Duration.ofSeconds(1);
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return Json.mapper().missingNode();
        }
        try {
            return Json.mapper().readTree(body);
        } catch (IOException e) {
            return Json.mapper().missingNode();
        }
    }

    private HttpClient client() {
        HttpClient local = client;
        if (local == null) {
            synchronized (this) {
                local = client;
                if (local == null) {
                    local = HttpClient.newBuilder()
                            .connectTimeout(Duration.ofSeconds(5))
                            .version(HttpClient.Version.HTTP_1_1)
                            .build();
                    client = local;
                }
            }
        }
        return local;
    }
}
