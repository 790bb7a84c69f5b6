package dev.roastden.emulators.discord;

import java.util.OptionalDouble;

/**
 * An error the Discord emulator answers instead of doing the work.
 *
 * @param status the HTTP status
 * @param code Discord's JSON error code (0 when none)
 * @param message Discord's error message
 * @param retryAfterSeconds for 429: how long to wait, sent as {@code Retry-After} and {@code retry_after}
 * @param global for 429: whether it is the global limit
 */
public record Fault(int status, int code, String message, OptionalDouble retryAfterSeconds, boolean global) {

    /** 429 for one route, with {@code Retry-After}. */
    public static Fault rateLimited(double seconds) {
        return new Fault(429, 0, "You are being rate limited.", OptionalDouble.of(seconds), false);
    }

    /** 403 Missing Access (50001): the bot may not act there, e.g. it is not in the server or lacks a scope. */
    public static Fault missingAccess() {
        return new Fault(403, 50001, "Missing Access", OptionalDouble.empty(), false);
    }

    /** 404 Unknown Webhook (10015): the interaction token is gone. */
    public static Fault unknownWebhook() {
        return new Fault(404, 10015, "Unknown Webhook", OptionalDouble.empty(), false);
    }

    /** 404 Unknown Message (10008): someone deleted the message. */
    public static Fault unknownMessage() {
        return new Fault(404, 10008, "Unknown Message", OptionalDouble.empty(), false);
    }

    /** 500 Internal Server Error. */
    public static Fault serverError() {
        return new Fault(500, 0, "500: Internal Server Error", OptionalDouble.empty(), false);
    }

    /** 502 Bad Gateway, as Cloudflare answers when Discord is down. */
    public static Fault badGateway() {
        return new Fault(502, 0, "502: Bad Gateway", OptionalDouble.empty(), false);
    }
}
