package dev.roastden.handler.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * The cold-path benchmark: N fresh JVMs, each building the handler from the shaded jar and answering one signed
 * {@code /roast} (SQS send to ElasticMQ included). Prints min / median / max per JVM configuration and checks that
 * every run answered type 5 and put exactly its own job on the queue.
 *
 * <pre>
 *   mvn -B -q -pl handler -Pbench package exec:exec@cold-start -DskipTests -Dcold.args="--runs 15"
 * </pre>
 *
 * <p>Options: {@code --runs N} (per configuration, default 10), {@code --warmup N} (discarded runs per
 * configuration that put the jar in the page cache, default 1), {@code --jar PATH}, {@code --java PATH} (default:
 * this JVM's), {@code --config NAME} (repeatable; {@code c1} = {@code -XX:TieredStopAtLevel=1} as Lambda's java21
 * runtime, {@code default} = no flags, {@code c1-prime} = c1 plus the SnapStart priming before the answer, or
 * {@code label=flag flag…} for any other flags, priming when the label ends in {@code -prime}; default {@code c1}
 * and {@code default}), {@code --flag F} (an extra JVM flag for every configuration, repeatable), {@code --baseline-jar PATH} (also
 * run every configuration against this jar, for before/after figures under the same load).
 * Configurations run interleaved so machine load drifts over all of them alike.
 */
public final class ColdStartHarness {
    private static final Map<String, List<String>> CONFIGS = Map.of(
            "c1", List.of("-XX:TieredStopAtLevel=1"),
            "default", List.of(),
            "c1-prime", List.of("-XX:TieredStopAtLevel=1"));

    private ColdStartHarness() {}

    public static void main(String[] args) throws Exception {
        int runs = 10;
        int warmup = 1;
        Path jar = Path.of("target/roastden-handler.jar");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path baselineJar = null;
        List<String> configs = new ArrayList<>();
        List<String> extraFlags = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                case "--jar" -> jar = Path.of(args[++i]);
                case "--java" -> java = Path.of(args[++i]);
                case "--config" -> configs.add(args[++i]);
                case "--flag" -> extraFlags.add(args[++i]);
                case "--baseline-jar" -> baselineJar = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("Unknown option " + args[i]);
            }
        }
        if (configs.isEmpty()) {
            configs = List.of("c1", "default");
        }
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " does not exist: run mvn package first");
        }
        System.out.printf(
                Locale.ROOT,
                "Cold path: %s (%.1f MB), java %s, %d cores, %d runs per configuration after %d warm-up%n",
                jar,
                Files.size(jar) / 1_048_576.0,
                java,
                Runtime.getRuntime().availableProcessors(),
                runs,
                warmup);

        System.out.println("Load average before: " + load());
        // Each configuration against the jar under test and, when given, against a baseline jar: interleaved, so
        // that before/after figures share the machine's load.
        List<Run> plan = new ArrayList<>();
        for (String config : configs) {
            plan.add(new Run(config, jar, label(config)));
            if (baselineJar != null) {
                plan.add(new Run(config, baselineJar, label(config) + " (baseline jar)"));
            }
        }
        Map<String, List<ColdStart.Result>> results = new LinkedHashMap<>();
        plan.forEach(r -> results.put(r.name(), new ArrayList<>()));
        int failures = 0;
        int sequence = 0;
        try (ColdStart coldStart = ColdStart.start()) {
            for (int round = 0; round < warmup + runs; round++) {
                for (Run run : plan) {
                    List<String> flags = new ArrayList<>(flags(run.config()));
                    flags.addAll(extraFlags);
                    ColdStart.Result result = coldStart.run(
                            java, run.jar(), flags, label(run.config()).endsWith("-prime"), sequence++ % 4096);
                    if (!result.behaved()) {
                        failures++;
                        System.out.printf(
                                "FAILED %s: status %d body %s queued %s%n",
                                run.name(), result.statusCode(), result.body(), result.queued());
                    }
                    if (round >= warmup) {
                        results.get(run.name()).add(result);
                    }
                }
            }
        }

        for (Run run : plan) {
            List<ColdStart.Result> list = results.get(run.name());
            System.out.printf("%n== %s %s ==%n", run.name(), flags(run.config()));
            row("first response, ms from JVM start", list, ColdStart.Result::firstResponseMs);
            row("  of which init (constructor)", list, ColdStart.Result::initMs);
            row("  of which first handleRequest", list, ColdStart.Result::answerMs);
            if (label(run.config()).endsWith("-prime")) {
                row("priming (beforeCheckpoint), ms", list, ColdStart.Result::primeMs);
            }
            row("parent wall: spawn -> answer, ms", list, ColdStart.Result::wallMs);
            row("CPU time to the answer, all threads, ms", list, ColdStart.Result::cpuMs);
            System.out.println("  runs (first response ms): "
                    + list.stream().map(r -> Long.toString(r.firstResponseMs())).toList());
        }
        if (baselineJar != null) {
            // Each round ran a configuration on both jars back to back, so the per-round difference cancels most of
            // the load other jobs put on a shared machine; its median is the sturdiest before/after figure here.
            System.out.println();
            for (String config : configs) {
                List<ColdStart.Result> after = results.get(label(config));
                List<ColdStart.Result> before = results.get(label(config) + " (baseline jar)");
                long[] differences = new long[after.size()];
                for (int i = 0; i < differences.length; i++) {
                    differences[i] =
                            after.get(i).firstResponseMs() - before.get(i).firstResponseMs();
                }
                Arrays.sort(differences);
                System.out.printf(
                        Locale.ROOT,
                        "%s: first response minus baseline jar's, paired per round: median %+.1f ms (min %+d, max %+d)%n",
                        label(config),
                        median(differences),
                        differences[0],
                        differences[differences.length - 1]);
            }
        }
        System.out.println("\nLoad average after: " + load());
        System.out.printf(
                "%nBehaviour: %s (type 5 answered and exactly the run's /roast job queued, every run)%n",
                failures == 0 ? "OK" : failures + " FAILED");
        if (failures > 0) {
            System.exit(1);
        }
    }

    private record Run(String config, Path jar, String name) {}

    /** The flags of a named configuration, or of an ad-hoc one written {@code label=flag flag…}. */
    private static List<String> flags(String config) {
        int equals = config.indexOf('=');
        if (equals > 0) {
            return List.of(config.substring(equals + 1).trim().split("\\s+"));
        }
        List<String> flags = CONFIGS.get(config);
        if (flags == null) {
            throw new IllegalArgumentException(
                    "Unknown configuration " + config + "; known: " + CONFIGS.keySet() + ", or label=flags");
        }
        return flags;
    }

    private static String label(String config) {
        int equals = config.indexOf('=');
        return equals > 0 ? config.substring(0, equals) : config;
    }

    /** The load average, to judge how busy the machine was (Linux only). */
    private static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (java.io.IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static void row(String label, List<ColdStart.Result> results, ToLongFunction<ColdStart.Result> value) {
        long[] values = results.stream().mapToLong(value).sorted().toArray();
        System.out.printf(
                Locale.ROOT,
                "  %-38s min %5d  median %7.1f  max %5d%n",
                label,
                values[0],
                median(values),
                values[values.length - 1]);
    }

    private static double median(long[] sorted) {
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2.0;
    }
}
