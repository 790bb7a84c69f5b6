package dev.roastden.handler;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The cold path as Lambda runs it, in a fresh JVM on the shaded jar: construct {@link InteractionsHandler} through
 * its no-argument constructor (configuration from the environment, exactly as on Lambda), then answer one event.
 *
 * <p>Started by {@code bench.ColdStart} (the cold-start harness and {@code HandlerJarIT}), never by hand. Lives in
 * the handler's package only so that {@code --prime} can run {@link HandlerPriming} the way a SnapStart checkpoint
 * would. It loads nothing before the handler beyond reading the event file, and reads the JVM start time only
 * after the answer so the management classes do not count.
 *
 * <p>Output, one line each: {@code PROBE answered}, then {@code PROBE init_ms=… first_response_ms=… answer_ms=…
 * prime_ms=…} (milliseconds from JVM start to the end of the constructor and to the answer, and the answer and
 * priming durations), then {@code PROBE response=<the API Gateway response event>}.
 */
public final class ColdStartProbe {
    private ColdStartProbe() {}

    public static void main(String[] args) throws Exception {
        byte[] event = Files.readAllBytes(Path.of(args[0]));
        boolean prime = args.length > 1 && args[1].equals("--prime");

        InteractionsHandler handler = new InteractionsHandler();
        long initDone = System.currentTimeMillis();
        long primeNanos = -1;
        if (prime) {
            // What SnapStart's beforeCheckpoint runs; org.crac's hooks are no-ops on a JVM without CRaC.
            long primeStart = System.nanoTime();
            new HandlerPriming().beforeCheckpoint(null);
            primeNanos = System.nanoTime() - primeStart;
        }
        long answerStart = System.nanoTime();
        ByteArrayOutputStream response = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(event), response, null);
        long answered = System.currentTimeMillis();
        long answerNanos = System.nanoTime() - answerStart;
        System.out.println("PROBE answered");

        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        System.out.println("PROBE init_ms=" + (initDone - jvmStart)
                + " first_response_ms=" + (answered - jvmStart)
                + " answer_ms=" + answerNanos / 1_000_000
                + " prime_ms=" + (primeNanos < 0 ? -1 : primeNanos / 1_000_000));
        System.out.println("PROBE response=" + response.toString(StandardCharsets.UTF_8));
        System.out.flush();
        // The SDK may leave pool or timer threads behind; the probe's work is done.
        System.exit(0);
    }
}
