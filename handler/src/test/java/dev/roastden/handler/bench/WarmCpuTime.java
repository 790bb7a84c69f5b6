package dev.roastden.handler.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The warm path's own cost on a shared machine: {@link EndpointBenchmark#handler} on each sample event, timed per
 * call in this thread's CPU time (which preemption by other processes does not inflate) next to wall time.
 * Events run interleaved in rounds so drift in machine load falls on all of them alike. Not a JMH benchmark: JMH
 * reports wall time only, whose p99 on a loaded 2-core machine is the scheduler's, not the handler's.
 *
 * <pre>
 *   java [-XX:TieredStopAtLevel=1] -cp (test class path) dev.roastden.handler.bench.WarmCpuTime [rounds] [calls]
 * </pre>
 */
public final class WarmCpuTime {
    private static final List<String> EVENTS = List.of("roast", "autocomplete-persona", "ping");

    private WarmCpuTime() {}

    public static void main(String[] args) throws IOException {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int calls = args.length > 1 ? Integer.parseInt(args[1]) : 5000;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<String, EndpointBenchmark> benchmarks = new LinkedHashMap<>();
        for (String event : EVENTS) {
            EndpointBenchmark benchmark = new EndpointBenchmark();
            benchmark.event = event;
            benchmark.setUp();
            benchmarks.put(event, benchmark);
        }
        for (EndpointBenchmark benchmark : benchmarks.values()) {
            for (int i = 0; i < 20_000; i++) {
                benchmark.handler();
            }
        }
        Map<String, long[]> cpu = new LinkedHashMap<>();
        Map<String, long[]> wall = new LinkedHashMap<>();
        EVENTS.forEach(e -> {
            cpu.put(e, new long[rounds * calls]);
            wall.put(e, new long[rounds * calls]);
        });
        for (int round = 0; round < rounds; round++) {
            for (String event : EVENTS) {
                EndpointBenchmark benchmark = benchmarks.get(event);
                long[] cpuTimes = cpu.get(event);
                long[] wallTimes = wall.get(event);
                for (int i = 0; i < calls; i++) {
                    long cpuStart = threads.getCurrentThreadCpuTime();
                    long wallStart = System.nanoTime();
                    benchmark.handler();
                    wallTimes[round * calls + i] = System.nanoTime() - wallStart;
                    cpuTimes[round * calls + i] = threads.getCurrentThreadCpuTime() - cpuStart;
                }
            }
        }
        System.out.println("Load average: "
                + java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg"))
                        .trim());
        for (String event : EVENTS) {
            System.out.printf(
                    Locale.ROOT,
                    "%-22s CPU %s | wall %s%n",
                    event,
                    percentiles(cpu.get(event)),
                    percentiles(wall.get(event)));
        }
    }

    private static String percentiles(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return String.format(
                Locale.ROOT,
                "p50 %6.1f  p99 %7.1f  p99.9 %8.1f µs",
                sorted[sorted.length / 2] / 1000.0,
                sorted[(int) (sorted.length * 0.99)] / 1000.0,
                sorted[(int) (sorted.length * 0.999)] / 1000.0);
    }
}
