package dev.roastden.worker.settings;

import dev.roastden.core.settings.ServerSettings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads through a short in-memory cache: every persona reply needs its server's settings, and they change rarely, so
 * a warm worker reads each server's item at most once per {@link #DEFAULT_TTL}. A change made through this store is
 * seen at once by this instance; other warm instances see it within the TTL.
 */
public final class CachedSettingsStore implements SettingsStore {
    public static final Duration DEFAULT_TTL = Duration.ofMinutes(1);

    private record Entry(ServerSettings settings, Instant readAt) {}

    private final SettingsStore store;
    private final Clock clock;
    private final Duration ttl;
    private final Map<String, Entry> cache = new ConcurrentHashMap<>();

    public CachedSettingsStore(SettingsStore store, Clock clock, Duration ttl) {
        this.store = store;
        this.clock = clock;
        this.ttl = ttl;
    }

    @Override
    public ServerSettings get(String scope) {
        Instant now = clock.instant();
        Entry entry = cache.get(scope);
        if (entry != null && now.isBefore(entry.readAt().plus(ttl))) {
            return entry.settings();
        }
        ServerSettings fresh = store.get(scope);
        cache.put(scope, new Entry(fresh, now));
        return fresh;
    }

    @Override
    public void put(String scope, ServerSettings settings, String changedBy) {
        store.put(scope, settings, changedBy);
        cache.put(scope, new Entry(settings, clock.instant()));
    }
}
