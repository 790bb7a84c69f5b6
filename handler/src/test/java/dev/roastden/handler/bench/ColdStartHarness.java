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
 * and {@code default}), {@code --flag F} (an extra JVM flag for every configuration, repeatable), {@code
 * --baseline-jar PATH} (also run every configuration against this jar, for before/after figures under the same
 * load), {@code --event roast|autocomplete} (the first request each JVM answers, repeatable, default {@code roast}),
 * {@code --persona-table} (DynamoDB Local with the persona table and a roster, named to the probe as on Lambda, so a
 * first autocomplete reads it). Configurations, events and jars run interleaved so machine load drifts over all of
 * them alike; paired figures (differences and ratios per round) cancel most of it.
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
        List<FirstRequest> events = new ArrayList<>();
        boolean personaTable = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                case "--jar" -> jar = Path.of(args[++i]);
                case "--java" -> java = Path.of(args[++i]);
                case "--config" -> configs.add(args[++i]);
                case "--flag" -> extraFlags.add(args[++i]);
                case "--baseline-jar" -> baselineJar = Path.of(args[++i]);
                case "--event" -> events.add(FirstRequest.valueOf(args[++i].toUpperCase(Locale.ROOT)));
                case "--persona-table" -> personaTable = true;
                default -> throw new IllegalArgumentException("Unknown option " + args[i]);
            }
        }
        if (configs.isEmpty()) {
            configs = List.of("c1", "default");
        }
        if (events.isEmpty()) {
            events = List.of(FirstRequest.ROAST);
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
            for (FirstRequest event : events) {
                plan.add(new Run(config, jar, event, name(config, event, false)));
                if (baselineJar != null) {
                    plan.add(new Run(config, baselineJar, event, name(config, event, true)));
                }
            }
        }
        Map<String, List<ColdStartResult>> results = new LinkedHashMap<>();
        plan.forEach(r -> results.put(r.name(), new ArrayList<>()));
        int failures = 0;
        int sequence = 0;
        try (ColdStart coldStart = personaTable ? ColdStart.startWithPersonaTable() : ColdStart.start()) {
            for (int round = 0; round < warmup + runs; round++) {
                for (Run run : plan) {
                    List<String> flags = new ArrayList<>(flags(run.config()));
                    flags.addAll(extraFlags);
                    ColdStartResult result = coldStart.run(
                            java,
                            run.jar(),
                            flags,
                            label(run.config()).endsWith("-prime"),
                            sequence++ % 4096,
                            run.event());
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
            List<ColdStartResult> list = results.get(run.name());
            System.out.printf("%n== %s %s ==%n", run.name(), flags(run.config()));
            row("first response, ms from JVM start", list, ColdStartResult::firstResponseMs);
            row("  of which init (constructor)", list, ColdStartResult::initMs);
            row("  of which first handleRequest", list, ColdStartResult::answerMs);
            if (label(run.config()).endsWith("-prime")) {
                row("priming (beforeCheckpoint), ms", list, ColdStartResult::primeMs);
            }
            row("parent wall: spawn -> answer, ms", list, ColdStartResult::wallMs);
            row("CPU time to the answer, all threads, ms", list, ColdStartResult::cpuMs);
            row("classes loaded just after the answer", list, ColdStartResult::classes);
            if (run.event() == FirstRequest.AUTOCOMPLETE) {
                System.out.println("  answered from the stored roster: "
                        + list.stream().filter(ColdStartResult::fromRoster).count() + " of " + list.size());
            }
            System.out.println("  runs (first response ms): "
                    + list.stream().map(r -> Long.toString(r.firstResponseMs())).toList());
        }
        // Each round ran every configuration, event and jar back to back, so per-round differences and ratios cancel
        // most of the load other jobs put on a shared machine; their medians are the sturdiest figures here.
        System.out.println();
        for (String config : configs) {
            for (FirstRequest event : events) {
                if (baselineJar != null) {
                    paired(
                            name(config, event, false) + " vs baseline jar",
                            results.get(name(config, event, false)),
                            results.get(name(config, event, true)));
                }
            }
            if (events.size() > 1) {
                for (boolean baseline : baselineJar != null ? List.of(false, true) : List.of(false)) {
                    paired(
                            name(config, events.get(1), baseline) + " vs "
                                    + events.get(0).name().toLowerCase(Locale.ROOT),
                            results.get(name(config, events.get(1), baseline)),
                            results.get(name(config, events.get(0), baseline)));
                }
            }
        }
        System.out.println("\nLoad average after: " + load());
        System.out.printf(
                "%nBehaviour: %s (/roast: type 5 and exactly the run's job queued; autocomplete: type 8 with choices,"
                        + " nothing queued; every run)%n",
                failures == 0 ? "OK" : failures + " FAILED");
        if (failures > 0) {
            System.exit(1);
        }
    }

    private record Run(String config, Path jar, FirstRequest event, String name) {}

    private static String name(String config, FirstRequest event, boolean baseline) {
        String name = label(config)
                + (event == FirstRequest.ROAST ? "" : " " + event.name().toLowerCase(Locale.ROOT));
        return baseline ? name + " (baseline jar)" : name;
    }

    /** The per-round difference and ratio of first responses (and of CPU), {@code after} over {@code before}. */
    private static void paired(String label, List<ColdStartResult> after, List<ColdStartResult> before) {
        int n = Math.min(after.size(), before.size());
        long[] differences = new long[n];
        double[] ratios = new double[n];
        double[] cpuRatios = new double[n];
        for (int i = 0; i < n; i++) {
            differences[i] = after.get(i).firstResponseMs() - before.get(i).firstResponseMs();
            ratios[i] = (double) after.get(i).firstResponseMs() / before.get(i).firstResponseMs();
            cpuRatios[i] = (double) after.get(i).cpuMs() / before.get(i).cpuMs();
        }
        Arrays.sort(differences);
        Arrays.sort(ratios);
        Arrays.sort(cpuRatios);
        System.out.printf(
                Locale.ROOT,
                "%s, paired per round: first response %+.1f ms (min %+d, max %+d), ratio %.3f (%.3f-%.3f);"
                        + " CPU ratio %.3f%n",
                label,
                median(differences),
                differences[0],
                differences[n - 1],
                median(ratios),
                ratios[0],
                ratios[n - 1],
                median(cpuRatios));
    }

    private static double median(double[] sorted) {
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2.0;
    }

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

    private static void row(String label, List<ColdStartResult> results, ToLongFunction<ColdStartResult> value) {
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
