package dev.roastden.worker.consent;

import java.util.Collection;
import java.util.Set;

/**
 * Members' opt-outs, one small item per (server, member) in the one table: {@code G#{guild}#U#{user}} /
 * {@code CONSENT}. An opted-out member is never roasted, pinged or named by a persona in that server, and their own
 * persona goes silent. Methods throw unchecked exceptions when the store is unavailable (retryable for the caller).
 */
public interface ConsentStore {

    /** Whether the user opted out in this server (or DM scope). */
    boolean hasOptedOut(String scope, String userId);

    /** Which of these users opted out here (batched reads, however many users). */
    Set<String> optedOut(String scope, Collection<String> userIds);

    /** Records the user's choice. */
    void setOptedOut(String scope, String userId, boolean optedOut);
}
