package dev.roastden.worker.discord;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * How a call to Discord ended.
 *
 * @param status the verdict
 * @param httpStatus the last HTTP status seen (0 when no call was made or it failed on the network)
 * @param discordCode Discord's JSON error code, 0 when none
 * @param detail a short description for logs (never the token)
 * @param message the message Discord returned, on success
 */
public record Delivery(Status status, int httpStatus, int discordCode, String detail, Optional<JsonNode> message) {

    /** The verdict of a call. */
    public enum Status {
        /** Discord accepted it. */
        DELIVERED,
        /** The webhook or message is gone (404, 10015, 10008, 50027): never call it again. */
        GONE,
        /** The interaction token's 15 minutes are over (or would be before Discord lets us retry): no call made. */
        EXPIRED,
        /** Discord rejected the body (400): the same body will never work. */
        REJECTED,
        /** Discord is failing or slow to let us in (5xx, network, long 429): try again later. */
        RETRY_LATER
    }

    public boolean delivered() {
        return status == Status.DELIVERED;
    }

    static Delivery of(Status status, int httpStatus, int code, String detail) {
        return new Delivery(status, httpStatus, code, detail, Optional.empty());
    }
}
