package dev.roastden.worker.observability;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Metrics kept in memory: for tests and for the local system's status page. Thread-safe. */
public final class CountingWorkerMetrics implements WorkerMetrics {
    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

    @Override
    public void messageProcessed(String command, String outcome) {
        add("MessageProcessed", 1);
        add("MessageProcessed." + outcome, 1);
    }

    @Override
    public void modelCall(Duration latency, int inputTokens, int outputTokens) {
        add("ModelCalls", 1);
        add("ModelResponseTimeMillis", latency.toMillis());
        add("ModelResponseTimeNanos", latency.toNanos());
        add("ModelInputTokens", inputTokens);
        add("ModelOutputTokens", outputTokens);
    }

    @Override
    public void discordPatchFailed(String reason) {
        add("DiscordPatchFailed", 1);
        add("DiscordPatchFailed." + reason, 1);
    }

    @Override
    public void duplicateSuppressed() {
        add("DuplicateSuppressed", 1);
    }

    @Override
    public void secretAccess(boolean success) {
        add("SecretAccess", 1);
        add(success ? "SecretAccess.success" : "SecretAccess.failure", 1);
    }

    @Override
    public void factRefused() {
        add("FactRefused", 1);
    }

    @Override
    public void modelRejected(String reason) {
        add("ModelRejected", 1);
        add("ModelRejected." + reason, 1);
    }

    @Override
    public void flush() {}

    /** The total of a counter (0 when never counted). */
    public long count(String name) {
        LongAdder adder = counts.get(name);
        return adder == null ? 0 : adder.sum();
    }

    /** Every counter, sorted by name. */
    public Map<String, Long> snapshot() {
        Map<String, Long> out = new TreeMap<>();
        counts.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }

    private void add(String name, long amount) {
        counts.computeIfAbsent(name, k -> new LongAdder()).add(amount);
    }
}
