package dev.roastden.worker;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.JsonNode;
import dev.roastden.core.interaction.DiscordUser;
import dev.roastden.core.job.DeferredJob;
import dev.roastden.core.memory.RateLimit;
import dev.roastden.emulators.bedrock.Outcome;
import dev.roastden.emulators.discord.DiscordEmulator;
import dev.roastden.emulators.discord.Fault;
import dev.roastden.emulators.discord.RecordedRequest;
import dev.roastden.emulators.http.FaultInjectingProxy;
import dev.roastden.worker.commands.Limits;
import dev.roastden.worker.support.Harness;
import dev.roastden.worker.support.Jobs;
import dev.roastden.worker.support.SharedDynamoDb;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * 500 jobs through the real handler while about one call in five to Bedrock, Discord and DynamoDB fails (throttling,
 * 5xx, 429 with Retry-After, DynamoDB errors before and after the write took effect, a few permanent model errors),
 * with 5% of the jobs delivered twice and four "Lambdas" working concurrently. The queue is simulated faithfully
 * enough: failed messages come back with a higher receive count after the visibility timeout. Every interaction must
 * end with exactly one final message — its reply or a clear error — none lost, none shown twice.
 */
class ChaosTest {
    private static final int JOBS = 500;
    private static final double FAULT_RATE = 0.20;
    private static final int LAMBDAS = 4;
    private static final int BATCH = 10;
    private static final int MAX_ROUNDS = 12;
    private static final Duration VISIBILITY_TIMEOUT = Duration.ofSeconds(61);

    @Test
    void everyInteractionEndsWithExactlyOneFinalMessage() throws Exception {
        long started = System.nanoTime();
        Random random = new Random(20261122L);
        Map<String, AtomicInteger> injected = new LinkedHashMap<>();
        for (String k : List.of(
                "bedrock.throttled",
                "bedrock.5xx",
                "bedrock.validation",
                "discord.429",
                "discord.5xx",
                "dynamodb.500-before",
                "dynamodb.500-after-write",
                "dynamodb.throttled")) {
            injected.put(k, new AtomicInteger());
        }
        Limits generous = new Limits(
                new RateLimit("user", 100_000, Duration.ofMinutes(1)),
                new RateLimit("guild", 100_000, Duration.ofHours(1)));
        try (FaultInjectingProxy dynamoProxy =
                        FaultInjectingProxy.start(SharedDynamoDb.get().endpoint());
                Harness h = Harness.start(
                        Instant.now().truncatedTo(ChronoUnit.MILLIS),
                        dynamoProxy.endpoint(),
                        b -> b.limits(generous))) {
            h.discord.strictTokens(true);
            Object lock = new Object();
            Map<String, Integer> answered = new java.util.concurrent.ConcurrentHashMap<>();
            h.bedrock.setFaultInjector(call -> {
                synchronized (lock) {
                    double r = random.nextDouble();
                    if (r < 0.01) {
                        injected.get("bedrock.validation").incrementAndGet();
                        return Optional.of(Outcome.validationError("chaos: invalid request"));
                    }
                    if (r < FAULT_RATE / 2) {
                        injected.get("bedrock.throttled").incrementAndGet();
                        return Optional.of(Outcome.throttled());
                    }
                    if (r < FAULT_RATE) {
                        injected.get("bedrock.5xx").incrementAndGet();
                        return Optional.of(random.nextBoolean() ? Outcome.serverError() : Outcome.serviceUnavailable());
                    }
                    String text = call.lastUserText();
                    int at = text.indexOf('#');
                    answered.merge(text.substring(at, text.indexOf('#', at + 1) + 1), 1, Integer::sum);
                    return Optional.empty();
                }
            });
            h.discord.setFaultInjector(request -> {
                synchronized (lock) {
                    double r = random.nextDouble();
                    if (r < FAULT_RATE / 2) {
                        injected.get("discord.429").incrementAndGet();
                        return Optional.of(Fault.rateLimited(0.5 + random.nextInt(4) * 0.5));
                    }
                    if (r < FAULT_RATE) {
                        injected.get("discord.5xx").incrementAndGet();
                        return Optional.of(random.nextBoolean() ? Fault.serverError() : Fault.badGateway());
                    }
                    return Optional.empty();
                }
            });
            dynamoProxy.setFaultInjector(request -> {
                if (request.header("x-amz-target").endsWith("CreateTable")
                        || request.header("x-amz-target").endsWith("DescribeTable")
                        || request.header("x-amz-target").endsWith("UpdateTimeToLive")) {
                    return Optional.empty();
                }
                synchronized (lock) {
                    double r = random.nextDouble();
                    if (r < FAULT_RATE / 3) {
                        injected.get("dynamodb.500-before").incrementAndGet();
                        return Optional.of(FaultInjectingProxy.ProxyFault.dynamoDbInternalError(false));
                    }
                    if (r < 2 * FAULT_RATE / 3) {
                        injected.get("dynamodb.500-after-write").incrementAndGet();
                        return Optional.of(FaultInjectingProxy.ProxyFault.dynamoDbInternalError(true));
                    }
                    if (r < FAULT_RATE) {
                        injected.get("dynamodb.throttled").incrementAndGet();
                        return Optional.of(FaultInjectingProxy.ProxyFault.dynamoDbThrottled());
                    }
                    return Optional.empty();
                }
            });

            // The jobs: roasts and questions with unique text (to attribute model calls), a few memories.
            List<DiscordUser> users = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                users.add(Jobs.user(Long.toString(100000000000001000L + i), "User" + i));
            }
            String[] personas = {"ford", "juniper", "mags", "bex"};
            List<DeferredJob> jobs = new ArrayList<>();
            for (int i = 0; i < JOBS; i++) {
                DiscordUser by = users.get(i % users.size());
                DiscordUser target = users.get((i + 7) % users.size());
                String persona = personas[i % personas.length];
                DeferredJob job;
                if (i % 10 == 9) {
                    job = h.jobs.remember(Jobs.ADMIN, persona, "chaos fact #" + i + "#");
                } else if (i % 3 == 0) {
                    job = h.jobs.ask(by, persona, "question #" + i + "#");
                } else {
                    job = h.jobs.roast(by, target, persona, "topic #" + i + "#");
                }
                jobs.add(job);
                h.discord.registerInteraction(Jobs.APP, job.token().orElseThrow(), Jobs.CHANNEL);
            }

            // The queue: every job once, 5% twice (a producer retry).
            List<Delivery> pending = new ArrayList<>();
            int duplicates = 0;
            for (DeferredJob job : jobs) {
                pending.add(new Delivery(job, 1));
                if (random.nextDouble() < 0.05) {
                    pending.add(new Delivery(job, 1));
                    duplicates++;
                }
            }
            java.util.Collections.shuffle(pending, random);
            int rounds = 0;
            int redeliveries = 0;
            ExecutorService lambdas = Executors.newFixedThreadPool(LAMBDAS);
            try {
                while (!pending.isEmpty()) {
                    rounds++;
                    assertThat(rounds).as("rounds needed to drain the queue").isLessThanOrEqualTo(MAX_ROUNDS);
                    List<Future<List<Delivery>>> batches = new ArrayList<>();
                    for (int start = 0; start < pending.size(); start += BATCH) {
                        List<Delivery> batch = pending.subList(start, Math.min(pending.size(), start + BATCH));
                        List<Delivery> copy = List.copyOf(batch);
                        batches.add(lambdas.submit(() -> invoke(h, copy)));
                    }
                    List<Delivery> next = new ArrayList<>();
                    for (Future<List<Delivery>> batch : batches) {
                        next.addAll(batch.get());
                    }
                    redeliveries += next.size();
                    pending = next;
                    h.clock.advance(VISIBILITY_TIMEOUT);
                }
            } finally {
                lambdas.shutdownNow();
            }

            // Every interaction: exactly one successful edit, and the response shows a reply or a clear error.
            int replies = 0;
            int errors = 0;
            int notices = 0;
            for (DeferredJob job : jobs) {
                String token = job.token().orElseThrow();
                List<RecordedRequest> edits = h.discord.requests(DiscordEmulator.PATCH_ORIGINAL).stream()
                        .filter(r -> r.token().orElse("").equals(token) && r.succeeded())
                        .toList();
                assertThat(edits).as("successful edits of %s", job).hasSize(1);
                JsonNode shown = h.discord.originalMessage(token).orElseThrow();
                String content = shown.path("content").asText("") + shown.path("embeds");
                assertThat(content).as("final message of %s", job).isNotBlank();
                assertThat(shown.path("flags").asInt() & DiscordEmulator.LOADING)
                        .isZero();
                if (content.contains("Something broke")
                        || content.contains("swamped")
                        || content.contains("lost my train")) {
                    errors++;
                } else if (job.command().equals("remember")) {
                    notices++;
                } else {
                    replies++;
                }
            }
            assertThat(h.discord.requests(DiscordEmulator.EXECUTE_WEBHOOK)).isEmpty();
            assertThat(h.discord.problems()).isEmpty();
            assertThat(replies + errors + notices).isEqualTo(JOBS);

            long ms = Duration.ofNanos(System.nanoTime() - started).toMillis();
            int totalInjected =
                    injected.values().stream().mapToInt(AtomicInteger::get).sum();
            int totalCalls = h.bedrock.calls().size()
                    + h.discord.requests().size()
                    + dynamoProxy.forwarded()
                    + dynamoProxy.failed();
            System.out.printf(
                    "CHAOS: %d jobs (+%d duplicate deliveries), %d rounds, %d redeliveries, %d ms%n",
                    JOBS, duplicates, rounds, redeliveries, ms);
            System.out.printf(
                    "CHAOS: faults injected %d of %d calls (%.1f%%): %s%n",
                    totalInjected, totalCalls, 100.0 * totalInjected / totalCalls, injected);
            System.out.printf(
                    "CHAOS: final messages: %d replies, %d notices, %d clear errors, 0 lost, 0 duplicated; "
                            + "successful edits per interaction: exactly 1; duplicates suppressed: %d; "
                            + "model answers: %d for %d interactions (%d answered twice: a save failed after the answer)%n",
                    replies,
                    notices,
                    errors,
                    h.metrics.count("DuplicateSuppressed"),
                    answered.values().stream().mapToInt(Integer::intValue).sum(),
                    answered.size(),
                    answered.values().stream().filter(n -> n > 1).count());
            System.out.printf("CHAOS: worker metrics: %s%n", h.metrics.snapshot());
            assertThat(totalInjected).isGreaterThan(totalCalls / 10);
        }
    }

    private static List<Delivery> invoke(Harness h, List<Delivery> batch) {
        SQSEvent event = new SQSEvent();
        List<SQSEvent.SQSMessage> records = new ArrayList<>();
        Map<String, Delivery> byId = new HashMap<>();
        int n = 0;
        for (Delivery d : batch) {
            SQSEvent.SQSMessage message = Harness.message(d.job, d.receiveCount);
            message.setMessageId("m" + (n++) + "-" + d.job.interactionId());
            byId.put(message.getMessageId(), d);
            records.add(message);
        }
        event.setRecords(records);
        SQSBatchResponse response = h.handler.handleRequest(event, null);
        List<Delivery> retry = new ArrayList<>();
        for (SQSBatchResponse.BatchItemFailure failure : response.getBatchItemFailures()) {
            Delivery d = byId.get(failure.getItemIdentifier());
            retry.add(new Delivery(d.job, d.receiveCount + 1));
        }
        return retry;
    }

    private record Delivery(DeferredJob job, int receiveCount) {}
}
