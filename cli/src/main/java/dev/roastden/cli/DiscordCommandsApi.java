package dev.roastden.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.roastden.core.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/** The application-commands endpoints of Discord's REST API, with the bot token. */
final class DiscordCommandsApi {
    static final String USER_AGENT = "DiscordBot (https://github.com/roastden/roastden, 0.1.0)";

    private final HttpClient http;
    private final String apiBase;
    private final String botToken;

    DiscordCommandsApi(HttpClient http, String apiBase, String botToken) {
        this.http = http;
        this.apiBase = apiBase;
        this.botToken = botToken;
    }

    /** {@code GET} the commands at {@code path}. */
    ArrayNode list(String path) throws DiscordApiException {
        return asArray(send(request(path).GET().build()));
    }

    /** {@code PUT} (bulk overwrite) the commands at {@code path}; returns what Discord now has. */
    ArrayNode overwrite(String path, ArrayNode commands) throws DiscordApiException {
        String body;
        try {
            body = Json.mapper().writeValueAsString(commands);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return asArray(send(request(path)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body))
                .build()));
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(apiBase + path))
                .timeout(Duration.ofSeconds(20))
                .header("Authorization", "Bot " + botToken)
                .header("User-Agent", USER_AGENT);
    }

    private JsonNode send(HttpRequest request) throws DiscordApiException {
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new DiscordApiException(
                    0,
                    "Could not reach Discord at " + apiBase + ": "
                            + e.getClass().getSimpleName(),
                    Optional.empty());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DiscordApiException(0, "Interrupted while calling Discord", Optional.empty());
        }
        JsonNode body = parse(response.body());
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return body;
        }
        String discordMessage = body.path("message").asText("");
        Optional<Double> retryAfter = body.has("retry_after")
                ? Optional.of(body.get("retry_after").asDouble())
                : response.headers().firstValue("Retry-After").map(Double::parseDouble);
        String explanation =
                switch (status) {
                    case 401 -> "Discord refused the bot token (401). Check DISCORD_BOT_TOKEN or the secret.";
                    case 403 ->
                        "The bot may not manage commands here (403). Is it in that server, with the applications"
                                + ".commands scope?";
                    case 404 -> "Discord does not know that application or server (404). Check the ids.";
                    case 429 ->
                        "Discord is rate limiting us (429); try again in "
                                + retryAfter
                                        .map(s -> String.format(java.util.Locale.ROOT, "%.1f", s))
                                        .orElse("a few")
                                + " seconds.";
                    default -> "Discord answered " + status + ".";
                };
        if (!discordMessage.isEmpty()) {
            explanation += " Discord says: " + discordMessage;
        }
        throw new DiscordApiException(status, explanation, retryAfter);
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return Json.mapper().createObjectNode();
        }
        try {
            return Json.mapper().readTree(body);
        } catch (JsonProcessingException e) {
            return Json.mapper().createObjectNode();
        }
    }

    private static ArrayNode asArray(JsonNode node) throws DiscordApiException {
        if (node instanceof ArrayNode array) {
            return array;
        }
        throw new DiscordApiException(
                200, "Discord answered with something that is not a command list", Optional.empty());
    }
}
