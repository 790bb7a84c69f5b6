package dev.roastden.worker.bench;

import dev.roastden.core.command.ServerSettingsOptions;
import dev.roastden.core.interaction.DiscordUser;
import dev.roastden.core.job.DeferredJob;
import dev.roastden.core.memory.RateLimit;
import dev.roastden.core.settings.ServerSettings;
import dev.roastden.worker.WorkerConfig;
import dev.roastden.worker.commands.Limits;
import dev.roastden.worker.discord.DiscordRest;
import dev.roastden.worker.reply.MessageRenderer;
import dev.roastden.worker.reply.Reply;
import dev.roastden.worker.support.Harness;
import dev.roastden.worker.support.Jobs;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Worker overhead around the model call: one SQS event with one {@code /roast} job through
 * {@code DeferredWorkerHandler.handleRequest}, against DynamoDB Local, the Bedrock emulator and the Discord emulator,
 * all answering at once. Reports p50/p90/p99 of the whole job and of the job minus the model call, plus the cost of
 * single DynamoDB and Discord calls for reference. Not a test: run it with
 *
 * <pre>mvn -B -q -pl deferred-worker -am -Pbench -DskipTests verify</pre>
 *
 * Arguments: warm-up jobs (default 1000), measured jobs (default 3000).
 */
public final class WorkerOverheadBench {
    private WorkerOverheadBench() {}

    public static void main(String[] args) {
        int warmup = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int measured = args.length > 1 ? Integer.parseInt(args[1]) : 3000;
        Limits unlimited = new Limits(
                new RateLimit("user", Integer.MAX_VALUE, Duration.ofMinutes(1)),
                new RateLimit("guild", Integer.MAX_VALUE, Duration.ofHours(1)));
        try (Harness h = Harness.start(b -> b.limits(unlimited))) {
            // Every job must reach the model: a budget and daily cap no run can use up, and 200 members taking turns.
            ServerSettings.Change roomy = ServerSettings.defaults()
                    .with(Map.of(
                            ServerSettingsOptions.MONTHLY_BUDGET_USD, "1000",
                            ServerSettingsOptions.DAILY_CAP_PER_MEMBER, "1000"));
            h.wiring.settings().put(Jobs.GUILD, ((ServerSettings.Change.Applied) roomy).settings(), "bench");
            run(h, warmup);
            long[] total = new long[measured];
            long[] overhead = new long[measured];
            for (int i = 0; i < measured; i++) {
                long modelBefore = h.metrics.count("ModelResponseTimeNanos");
                long t0 = System.nanoTime();
                h.deliver(job(h, i));
                long elapsed = System.nanoTime() - t0;
                total[i] = elapsed;
                overhead[i] = elapsed - (h.metrics.count("ModelResponseTimeNanos") - modelBefore);
            }
            long[] dynamo = new long[measured];
            Map<String, AttributeValue> key = Map.of("pk", AttributeValue.fromS("x"), "sk", AttributeValue.fromS("y"));
            for (int i = 0; i < measured; i++) {
                long t0 = System.nanoTime();
                h.wiring.dynamo().getItem(b -> b.tableName(h.table).key(key));
                dynamo[i] = System.nanoTime() - t0;
            }
            DiscordRest rest = new DiscordRest(
                    h.discord.apiBase(), WorkerConfig.USER_AGENT, h.clock, h.sleeper, Duration.ofSeconds(5));
            long[] discord = new long[measured];
            var body = MessageRenderer.render(Reply.notice("bench"));
            for (int i = 0; i < measured; i++) {
                long t0 = System.nanoTime();
                rest.editOriginal(
                        Jobs.APP, "bench-token", body, h.clock.instant().plusSeconds(60));
                discord[i] = System.nanoTime() - t0;
            }
            long answered = h.metrics.count("ModelResponseTimeNanos") > 0
                    ? h.bedrock.calls().size()
                    : 0;
            System.out.println("Model calls: " + answered + " of " + (warmup + measured) + " jobs");
            System.out.println("Worker overhead benchmark (" + measured + " jobs after " + warmup + " warm-up; "
                    + Runtime.getRuntime().availableProcessors() + " cores, Java "
                    + System.getProperty("java.version") + ")");
            print("whole /roast job, model emulator included", total);
            print("job minus the model call (worker overhead)", overhead);
            print("one DynamoDB Local GetItem", dynamo);
            print("one Discord emulator PATCH @original", discord);
        }
        // DynamoDB Local keeps non-daemon threads.
        System.exit(0);
    }

    private static void run(Harness h, int count) {
        for (int i = 0; i < count; i++) {
            h.deliver(job(h, i));
        }
    }

    private static DeferredJob job(Harness h, int i) {
        DiscordUser member = Jobs.user(Long.toString(100_000_000_000_001_000L + i % 200), "Member " + (i % 200));
        return h.jobs.roast(member, Jobs.RILES, i % 2 == 0 ? "ford" : "bex", "topic " + i);
    }

    private static void print(String what, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        System.out.printf(
                "  %-45s p50 %6.2f ms   p90 %6.2f ms   p99 %6.2f ms   max %7.2f ms%n",
                what, ms(sorted, 0.50), ms(sorted, 0.90), ms(sorted, 0.99), sorted[sorted.length - 1] / 1e6);
    }

    private static double ms(long[] sorted, double q) {
        int index = (int) Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1e6;
    }
}
