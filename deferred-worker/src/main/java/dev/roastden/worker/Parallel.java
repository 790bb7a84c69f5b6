package dev.roastden.worker;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Runs independent DynamoDB calls side by side: a job's reads (rate limits, consent, facts, turns) and its two
 * writes (the turn and the saved reply) each cost one round trip instead of several. The threads are created on
 * first use, never before a SnapStart snapshot.
 */
public final class Parallel {
    private Parallel() {}

    private static final class Pool {
        private static final AtomicInteger COUNT = new AtomicInteger();
        static final ExecutorService EXECUTOR = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "worker-io-" + COUNT.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts {@code work} on the I/O pool. */
    public static <T> CompletableFuture<T> async(Supplier<T> work) {
        return CompletableFuture.supplyAsync(work, Pool.EXECUTOR);
    }

    /** Starts {@code work} on the I/O pool. */
    public static CompletableFuture<Void> run(Runnable work) {
        return CompletableFuture.runAsync(work, Pool.EXECUTOR);
    }

    /** The result, with a failure rethrown as the unchecked exception the work threw. */
    public static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }
}
