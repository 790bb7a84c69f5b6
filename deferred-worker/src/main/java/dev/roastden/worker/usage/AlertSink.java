package dev.roastden.worker.usage;

/** Where messages for a server's managers go: a channel of the server (its alerts channel). */
public interface AlertSink {
    /** Posts {@code text} to {@code channelId}; never throws (a failed alert must not cost a member's reply). */
    void post(String channelId, String text);

    AlertSink NONE = (channelId, text) -> {};
}
