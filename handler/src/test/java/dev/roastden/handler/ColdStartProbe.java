package dev.roastden.handler;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

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
 * prime_ms=… cpu_ms=… classes=…} (milliseconds from JVM start to the end of the constructor and to the answer, the answer
 * and priming durations, the process's CPU time up to the answer, and the classes loaded just after it), then
 * {@code PROBE response=…} (the API
 * Gateway response event).
 */
public final class ColdStartProbe {
    private ColdStartProbe() {}

    /** With {@code -Dprobe.threads}: CPU time per thread (JIT, GC and init threads included), Linux only. */
    private static void printThreadCpu() throws IOException {
        long tick = 10; // ms per clock tick: USER_HZ is 100 on Linux
        try (var tasks = Files.list(Path.of("/proc/self/task"))) {
            tasks.forEach(task -> {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    long cpu = (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * tick;
                    if (cpu > 0) {
                        System.out.println("PROBE thread " + name + " cpu_ms=" + cpu);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    /**
     * The handler's priming; a handler jar from before the persona reads (a baseline jar of the harness) built it
     * with no arguments and did not expose it.
     */
    private static HandlerPriming priming(InteractionsHandler handler) throws ReflectiveOperationException {
        try {
            return handler.priming().orElseThrow();
        } catch (NoSuchMethodError olderJar) {
            var constructor = HandlerPriming.class.getDeclaredConstructor();
            constructor.setAccessible(true);
            return constructor.newInstance();
        }
    }

    public static void main(String[] args) throws Exception {
        byte[] event = Files.readAllBytes(Path.of(args[0]));
        boolean prime = args.length > 1 && args[1].equals("--prime");

        InteractionsHandler handler = new InteractionsHandler();
        long initDone = System.currentTimeMillis();
        long primeNanos = -1;
        if (prime) {
            // What SnapStart's beforeCheckpoint runs; org.crac's hooks are no-ops on a JVM without CRaC.
            HandlerPriming priming = priming(handler);
            long primeStart = System.nanoTime();
            priming.beforeCheckpoint(null);
            primeNanos = System.nanoTime() - primeStart;
        }
        long answerStart = System.nanoTime();
        ByteArrayOutputStream response = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(event), response, null);
        long answered = System.currentTimeMillis();
        long answerNanos = System.nanoTime() - answerStart;
        System.out.println("PROBE answered");
        // CPU time of the whole process (all threads) up to the answer: less sensitive to machine load than wall time.
        long cpuMs = ProcessHandle.current()
                .info()
                .totalCpuDuration()
                .map(Duration::toMillis)
                .orElse(-1L);

        // Classes loaded by now: the ones of the answer, the background threads' so far and the management API's own
        // (a constant few hundred on one JDK, so differences between jars hold).
        long classes = ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount();
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        System.out.println("PROBE init_ms=" + (initDone - jvmStart)
                + " first_response_ms=" + (answered - jvmStart)
                + " answer_ms=" + answerNanos / 1_000_000
                + " prime_ms=" + (primeNanos < 0 ? -1 : primeNanos / 1_000_000)
                + " cpu_ms=" + cpuMs
                + " classes=" + classes);
        System.out.println("PROBE response=" + response.toString(StandardCharsets.UTF_8));
        if (System.getProperty("probe.threads") != null) {
            printThreadCpu();
        }
        System.out.flush();
        // The SDK may leave pool or timer threads behind; the probe's work is done.
        System.exit(0);
    }
}
