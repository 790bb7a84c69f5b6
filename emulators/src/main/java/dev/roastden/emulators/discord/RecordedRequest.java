package dev.roastden.emulators.discord;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One request the Discord emulator received.
 *
 * @param method the HTTP method
 * @param path the path below {@code /api/v10}, raw (e.g. {@code /webhooks/1/tok/messages/@original})
 * @param query the raw query string, empty when none
 * @param operationId the official spec's operation id, or {@code unknown}
 * @param params the path parameters by the spec's names ({@code webhook_token}, {@code channel_id}, …)
 * @param headers the headers, names lower-cased
 * @param body the body text, empty when none
 * @param json the parsed body, when it was JSON
 * @param problems everything wrong with the request: schema violations, a bad User-Agent, a missing content type
 * @param status the status the emulator answered (0 while the request is being handled)
 * @param at when it arrived
 */
public record RecordedRequest(
        String method,
        String path,
        String query,
        String operationId,
        Map<String, String> params,
        Map<String, String> headers,
        String body,
        Optional<JsonNode> json,
        List<String> problems,
        int status,
        Instant at) {

    public RecordedRequest {
        params = Map.copyOf(params);
        headers = Map.copyOf(headers);
        problems = List.copyOf(problems);
    }

    /** The request as answered with {@code answeredStatus}. */
    RecordedRequest answered(int answeredStatus) {
        return new RecordedRequest(
                method, path, query, operationId, params, headers, body, json, problems, answeredStatus, at);
    }

    /** Whether the emulator answered with a 2xx status. */
    public boolean succeeded() {
        return status >= 200 && status < 300;
    }

    /** Whether it is a PATCH of an interaction's original response. */
    public boolean isPatchOriginal() {
        return operationId.equals(DiscordEmulator.PATCH_ORIGINAL);
    }

    /** The interaction token in the path, for webhook requests. */
    public Optional<String> token() {
        return Optional.ofNullable(params.get("webhook_token"));
    }

    /** A header by case-insensitive name. */
    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name.toLowerCase(java.util.Locale.ROOT)));
    }
}
