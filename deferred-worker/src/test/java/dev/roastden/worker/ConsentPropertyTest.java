package dev.roastden.worker;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.roastden.core.interaction.DiscordUser;
import dev.roastden.core.job.DeferredJob;
import dev.roastden.core.memory.Fact;
import dev.roastden.core.memory.RateLimit;
import dev.roastden.core.persona.Persona;
import dev.roastden.core.persona.PersonaStatus;
import dev.roastden.emulators.bedrock.ConverseCall;
import dev.roastden.emulators.bedrock.Outcome;
import dev.roastden.emulators.discord.DiscordEmulator;
import dev.roastden.emulators.discord.RecordedRequest;
import dev.roastden.worker.commands.Limits;
import dev.roastden.worker.support.Harness;
import dev.roastden.worker.support.Jobs;
import dev.roastden.worker.support.TestPersonas;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Consent as a property: a few hundred generated /roast, /ask and mention jobs, with random persona statuses,
 * hidden defaults, opt-outs (more of them half way, after turns were stored), targets and mentions, go through the
 * real worker (DynamoDB Local, the Bedrock and Discord emulators). An independent oracle says which jobs may reach
 * the model. No job naming a non-active persona, a persona whose Higher Self opted out, or an opted-out invoker,
 * target or mentioned member reaches the model or gets a persona answer; no prompt names an opted-out member; no
 * Discord message pings or mentions one. Every allowed job does reach the model once, so the test cannot pass by
 * answering nothing. Seeded: a failure names its seed and job.
 */
class ConsentPropertyTest {
    private static final long SEED = 20261204L;
    private static final int JOBS_PER_PHASE = 150;
    private static final Pattern TOKEN = Pattern.compile("tok(\\d{4})x");
    private static final List<String> NAMES = List.of(
            "Zorbo",
            "Quilla",
            "Vantry",
            "Mekka",
            "Plonk",
            "Yarrow",
            "Tiggs",
            "Brunhild",
            "Oskarine",
            "Wrenna",
            "Fennimore",
            "Gwendal",
            "Ixworth",
            "Jubilee");

    private Harness h;
    private final Random random = new Random(SEED);
    private final List<DiscordUser> members = new ArrayList<>();
    /** Persona id → its status and Higher Self as the oracle knows them; absent = does not exist here. */
    private final Map<String, Known> personas = new LinkedHashMap<>();

    private final Set<String> optedOut = new HashSet<>();
    private final Map<String, Fact> factsByMarker = new HashMap<>();

    private record Known(PersonaStatus status, Optional<String> higherSelf) {}

    /** One generated job and the users it involves. */
    private record Case(
            int n,
            DeferredJob job,
            Optional<String> personaId,
            DiscordUser invoker,
            Optional<String> target,
            List<String> mentioned) {}

    @BeforeEach
    void start() {
        h = Harness.withBot(b -> b.limits(new Limits(
                new RateLimit("user", 100_000, Duration.ofMinutes(1)),
                new RateLimit("guild", 100_000, Duration.ofHours(1)))));
        // The model answers with the job's token and a mention of some member, opted out or not.
        h.bedrock.respondWith(call -> {
            Matcher m = TOKEN.matcher(call.lastUserText());
            String token = m.find() ? m.group() : "tok-none";
            String someone =
                    members.get(Math.floorMod(token.hashCode(), members.size())).id();
            return Outcome.answer("Answer " + token + ", cc <@" + someone + ">.");
        });
    }

    @AfterEach
    void stop() {
        h.close();
    }

    @Test
    void noJobThatConsentForbidsReachesTheModelOrDiscordAndEveryAllowedOneDoes() {
        for (int i = 0; i < NAMES.size(); i++) {
            members.add(
                    i < 4
                            ? Jobs.user("10000000000000000" + (i + 1), NAMES.get(i))
                            : Jobs.user("2000000000000000" + (10 + i), NAMES.get(i)));
        }
        for (Persona bundled : h.wiring.personas().all()) {
            personas.put(bundled.id(), new Known(PersonaStatus.ACTIVE, bundled.higherSelf()));
        }
        String hidden = "bex";
        h.wiring.personaStore().setDefaultHidden(Jobs.GUILD, hidden, true);
        personas.remove(hidden);
        PersonaStatus[] statuses = PersonaStatus.values();
        for (int i = 0; i < 6; i++) {
            String id = "sp" + i;
            PersonaStatus status = statuses[random.nextInt(statuses.length)];
            Optional<String> higherSelf = random.nextInt(10) < 3
                    ? Optional.empty()
                    : Optional.of(pick(members).id());
            TestPersonas.create(h, id, "Server " + i, higherSelf, status);
            personas.put(id, new Known(status, higherSelf));
        }
        seedFacts();
        optOut(0.2);

        List<Case> first = run(0);
        check(first, 0, h.bedrock.calls().size(), Set.copyOf(optedOut));

        // More members opt out once turns about them exist: those turns must leave the prompts too.
        int before = h.bedrock.calls().size();
        optOut(0.15);
        h.discord.clearRequests();
        List<Case> second = run(JOBS_PER_PHASE);
        check(second, before, h.bedrock.calls().size(), Set.copyOf(optedOut));
    }

    private void seedFacts() {
        int k = 0;
        for (String personaId : personas.keySet()) {
            for (int j = 0; j < 2; j++) {
                DiscordUser about = pick(members);
                String marker = String.format("fact%03dq", k);
                Fact fact = new Fact(
                        Jobs.GUILD,
                        personaId,
                        dev.roastden.core.memory.Ulid.derive(Instant.parse("2026-12-01T00:00:00Z"), "f" + k),
                        "<@" + about.id() + "> " + marker + " likes pickles",
                        Jobs.ADMIN.id(),
                        about.id(),
                        Set.of(Jobs.ADMIN.id(), about.id()),
                        Instant.parse("2026-12-01T00:00:00Z"));
                h.wiring.memory().saveFact(fact);
                factsByMarker.put(marker, fact);
                k++;
            }
        }
    }

    private void optOut(double share) {
        for (DiscordUser member : members) {
            if (!optedOut.contains(member.id()) && random.nextDouble() < share) {
                optedOut.add(member.id());
                h.wiring.consent().setOptedOut(Jobs.GUILD, member.id(), true);
            }
        }
    }

    private List<Case> run(int offset) {
        List<String> ids = new ArrayList<>(personas.keySet());
        ids.add(hiddenOrUnknown());
        List<Case> cases = new ArrayList<>();
        for (int i = 0; i < JOBS_PER_PHASE; i++) {
            int n = offset + i;
            String token = String.format("tok%04dx", n);
            DiscordUser invoker = pick(members);
            List<String> mentioned = new ArrayList<>();
            String extra = "";
            if (random.nextInt(4) == 0) {
                String who = pick(members).id();
                mentioned.add(who);
                extra = " and <@" + who + ">";
            }
            int kind = random.nextInt(3);
            if (kind == 0) {
                DiscordUser target = pick(members);
                String persona = ids.get(random.nextInt(ids.size()));
                DeferredJob job = h.jobs.roast(invoker, target, persona, token + extra);
                cases.add(new Case(n, job, Optional.of(persona), invoker, Optional.of(target.id()), mentioned));
            } else if (kind == 1) {
                Optional<String> persona =
                        random.nextBoolean() ? Optional.of(ids.get(random.nextInt(ids.size()))) : Optional.empty();
                DeferredJob job = h.jobs.ask(invoker, persona.orElse(null), "what about " + token + extra);
                cases.add(new Case(n, job, persona, invoker, Optional.empty(), mentioned));
            } else {
                String persona = ids.get(random.nextInt(ids.size()));
                Optional<DiscordUser> target = random.nextBoolean() ? Optional.of(pick(members)) : Optional.empty();
                DeferredJob job = h.jobs.mention(invoker, persona, "<@" + Jobs.BOT_USER + "> " + token + extra, target);
                cases.add(new Case(n, job, Optional.of(persona), invoker, target.map(DiscordUser::id), mentioned));
            }
        }
        for (int from = 0; from < cases.size(); from += 10) {
            h.deliver(cases.subList(from, Math.min(cases.size(), from + 10)).stream()
                    .map(Case::job)
                    .toArray(DeferredJob[]::new));
        }
        return cases;
    }

    private String hiddenOrUnknown() {
        return random.nextBoolean() ? "bex" : "nobody";
    }

    /** The oracle: may this job reach the model? Written from the rules, not from the worker's code. */
    private boolean allowed(Case c) {
        if (optedOut.contains(c.invoker().id())) {
            return false;
        }
        if (c.target().map(optedOut::contains).orElse(false)) {
            return false;
        }
        if (c.mentioned().stream().anyMatch(optedOut::contains)) {
            return false;
        }
        if (c.personaId().isEmpty()) {
            return personas.values().stream().anyMatch(this::speaks);
        }
        Known known = personas.get(c.personaId().get());
        return known != null && speaks(known);
    }

    private boolean speaks(Known known) {
        return known.status() == PersonaStatus.ACTIVE
                && known.higherSelf().map(hs -> !optedOut.contains(hs)).orElse(true);
    }

    private void check(List<Case> cases, int fromCall, int toCall, Set<String> out) {
        List<ConverseCall> calls = h.bedrock.calls().subList(fromCall, toCall);
        Map<String, Integer> callsPerToken = new HashMap<>();
        for (ConverseCall call : calls) {
            String prompt = String.join("\n", call.systemTexts()) + "\n" + call.lastUserText();
            Matcher m = TOKEN.matcher(call.lastUserText());
            assertThat(m.find())
                    .as("seed %d: a model call without a job token", SEED)
                    .isTrue();
            callsPerToken.merge(m.group(), 1, Integer::sum);
            for (DiscordUser member : members) {
                if (out.contains(member.id())) {
                    assertThat(prompt)
                            .as("seed %d, %s: the prompt names opted-out %s", SEED, m.group(), member.displayName())
                            .doesNotContain(member.id())
                            .doesNotContain(member.displayName());
                }
            }
            for (Map.Entry<String, Fact> fact : factsByMarker.entrySet()) {
                if (out.contains(fact.getValue().subjectId())) {
                    assertThat(prompt)
                            .as("seed %d: fact about an opted-out member", SEED)
                            .doesNotContain(fact.getKey());
                }
            }
            for (Map.Entry<String, Known> persona : personas.entrySet()) {
                if (!speaks(persona.getValue())) {
                    assertThat(prompt)
                            .as("seed %d, %s: persona %s may not speak or be named", SEED, m.group(), persona.getKey())
                            .doesNotContain("(" + persona.getKey() + ")");
                }
            }
            assertThat(prompt).doesNotContain("(bex)");
        }
        List<String> bodies = new ArrayList<>();
        for (RecordedRequest request : h.discord.requests()) {
            request.json().ifPresent(body -> {
                bodies.add(body.toString());
                assertThat(DiscordEmulator.pingedUsers(body))
                        .as("seed %d: a ping of an opted-out member", SEED)
                        .doesNotContainAnyElementsOf(out);
                for (String id : out) {
                    assertThat(body.toString())
                            .as("seed %d: a message mentions an opted-out member", SEED)
                            .doesNotContain("<@" + id + ">");
                }
            });
        }
        int allowedCount = 0;
        for (Case c : cases) {
            String token = String.format("tok%04dx", c.n());
            boolean ok = allowed(c);
            boolean answered = bodies.stream().anyMatch(b -> b.contains("Answer " + token));
            if (ok) {
                allowedCount++;
                assertThat(callsPerToken.getOrDefault(token, 0))
                        .as("seed %d: allowed %s", SEED, c)
                        .isEqualTo(1);
                assertThat(answered)
                        .as("seed %d: allowed %s got no answer", SEED, c)
                        .isTrue();
            } else {
                assertThat(callsPerToken.getOrDefault(token, 0))
                        .as("seed %d: forbidden %s reached the model", SEED, c)
                        .isZero();
                assertThat(answered)
                        .as("seed %d: forbidden %s got a persona answer", SEED, c)
                        .isFalse();
            }
        }
        assertThat(allowedCount).as("the generator makes both kinds of job").isBetween(10, cases.size() - 10);
    }

    private <T> T pick(List<T> from) {
        return from.get(random.nextInt(from.size()));
    }

    @SuppressWarnings("unused")
    private static String content(JsonNode body) {
        return body.path("content").asText("");
    }
}
