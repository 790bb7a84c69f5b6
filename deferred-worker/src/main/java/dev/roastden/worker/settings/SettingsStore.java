package dev.roastden.worker.settings;

import dev.roastden.core.settings.ServerSettings;

/** Each server's {@link ServerSettings}, one item per server. A server nobody configured has the defaults. */
public interface SettingsStore {
    /** The settings of {@code scope} (a server id, or a DM scope), the defaults when none were saved. */
    ServerSettings get(String scope);

    /** Saves {@code settings} for {@code scope}, noting who changed them. */
    void put(String scope, ServerSettings settings, String changedBy);
}
