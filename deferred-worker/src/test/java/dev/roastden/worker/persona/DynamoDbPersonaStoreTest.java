package dev.roastden.worker.persona;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.roastden.core.json.StreamingJson;
import dev.roastden.core.persona.PersonaCatalog;
import dev.roastden.core.persona.PersonaStatus;
import dev.roastden.core.persona.Roster;
import dev.roastden.core.persona.RosterEntry;
import dev.roastden.worker.support.Harness;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The persona store against DynamoDB Local: versioned writes, the roster kept in step, races decided once. */
class DynamoDbPersonaStoreTest {
    private static final String GUILD = "1300000000000000001";
    private static final String OTHER_GUILD = "1300000000000000002";
    private static final Instant NOW = Instant.parse("2026-12-04T19:00:00Z");

    private Harness h;
    private DynamoDbPersonaStore store;

    @BeforeEach
    void start() {
        h = Harness.start();
        store = new DynamoDbPersonaStore(h.wiring.dynamo(), h.table);
    }

    @AfterEach
    void stop() {
        h.close();
    }

    @Test
    void aCreatedPersonaIsFoundAndListedInTheRoster() throws Exception {
        assertThat(store.roster(GUILD)).isEqualTo(Roster.EMPTY);
        assertThat(store.find(GUILD, "gus")).isEmpty();

        store.create(persona(GUILD, "gus", "Gus", Optional.of("111"), PersonaStatus.PENDING, 0));

        ServerPersona found = store.find(GUILD, "gus").orElseThrow();
        assertThat(found.version()).isEqualTo(1);
        assertThat(found.status()).isEqualTo(PersonaStatus.PENDING);
        assertThat(found.persona().name()).isEqualTo("Gus");
        assertThat(found.persona().higherSelf()).contains("111");
        assertThat(found.createdBy()).isEqualTo("999");
        assertThat(found.createdAt()).isEqualTo(NOW);
        assertThat(found.json()).contains("\"summary\"");
        assertThat(store.roster(GUILD).entries())
                .containsExactly(java.util.Map.entry(
                        "gus",
                        new RosterEntry("gus", "Gus", "gus tagline", PersonaStatus.PENDING, Optional.of("111"))));
        assertThat(store.roster(OTHER_GUILD)).isEqualTo(Roster.EMPTY);
        assertThat(store.find(OTHER_GUILD, "gus")).isEmpty();
    }

    @Test
    void aSecondPersonaWithTheSameIdIsAConflictAndChangesNothing() throws Exception {
        store.create(persona(GUILD, "gus", "Gus", Optional.empty(), PersonaStatus.ACTIVE, 0));

        assertThatThrownBy(() ->
                        store.create(persona(GUILD, "gus", "Other Gus", Optional.empty(), PersonaStatus.ACTIVE, 0)))
                .isInstanceOf(PersonaStore.Conflict.class)
                .hasMessageContaining("already has a persona gus");

        assertThat(store.find(GUILD, "gus").orElseThrow().persona().name()).isEqualTo("Gus");
        assertThat(store.roster(GUILD).entries().get("gus").name()).isEqualTo("Gus");
    }

    @Test
    void anUpdateFromAStaleVersionIsAConflictAndTheCurrentOneWins() throws Exception {
        store.create(persona(GUILD, "gus", "Gus", Optional.of("111"), PersonaStatus.PENDING, 0));
        ServerPersona read = store.find(GUILD, "gus").orElseThrow();

        ServerPersona accepted = store.update(withStatus(read, PersonaStatus.ACTIVE), read.version());
        assertThat(accepted.version()).isEqualTo(2);

        assertThatThrownBy(() -> store.update(withStatus(read, PersonaStatus.DECLINED), read.version()))
                .isInstanceOf(PersonaStore.Conflict.class);
        ServerPersona now = store.find(GUILD, "gus").orElseThrow();
        assertThat(now.status()).isEqualTo(PersonaStatus.ACTIVE);
        assertThat(now.version()).isEqualTo(2);
        assertThat(store.roster(GUILD).entries().get("gus").status()).isEqualTo(PersonaStatus.ACTIVE);
    }

    @Test
    void updatingAPersonaThatDoesNotExistIsAConflict() {
        assertThatThrownBy(() ->
                        store.update(persona(GUILD, "ghost", "Ghost", Optional.empty(), PersonaStatus.ACTIVE, 1), 1))
                .isInstanceOf(PersonaStore.Conflict.class);
        assertThat(store.roster(GUILD)).isEqualTo(Roster.EMPTY);
    }

    @Test
    void theRosterFollowsEveryPersonaAndKeepsHiddenDefaults() throws Exception {
        store.create(persona(GUILD, "gus", "Gus", Optional.empty(), PersonaStatus.ACTIVE, 0));
        store.setDefaultHidden(GUILD, "ford", true);
        store.create(persona(GUILD, "mo", "Mo", Optional.of("222"), PersonaStatus.PENDING, 0));
        ServerPersona mo = store.find(GUILD, "mo").orElseThrow();
        store.update(renamed(mo, "Mighty Mo", PersonaStatus.RETIRED), mo.version());
        store.setDefaultHidden(GUILD, "juniper", true);
        store.setDefaultHidden(GUILD, "juniper", false);

        Roster roster = store.roster(GUILD);
        assertThat(roster.entries().keySet()).containsExactly("gus", "mo");
        assertThat(roster.entries().get("mo").name()).isEqualTo("Mighty Mo");
        assertThat(roster.entries().get("mo").status()).isEqualTo(PersonaStatus.RETIRED);
        assertThat(roster.hiddenDefaults()).containsExactly("ford");
        assertThat(store.find(GUILD, "mo").orElseThrow().persona().name()).isEqualTo("Mighty Mo");
    }

    @Test
    void ofTwoConcurrentUpdatesFromTheSameVersionExactlyOneWins() throws Exception {
        store.create(persona(GUILD, "gus", "Gus", Optional.of("111"), PersonaStatus.PENDING, 0));
        ServerPersona read = store.find(GUILD, "gus").orElseThrow();
        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (PersonaStatus status : List.of(PersonaStatus.ACTIVE, PersonaStatus.DECLINED)) {
                Callable<String> edit = () -> {
                    together.await();
                    try {
                        store.update(withStatus(read, status), read.version());
                        return status.wire();
                    } catch (PersonaStore.Conflict lost) {
                        return "lost";
                    }
                };
                results.add(pool.submit(edit));
            }
            List<String> outcomes = new ArrayList<>();
            for (Future<String> result : results) {
                outcomes.add(result.get());
            }

            assertThat(outcomes).containsOnlyOnce("lost");
            String winner =
                    outcomes.stream().filter(o -> !o.equals("lost")).findFirst().orElseThrow();
            ServerPersona stored = store.find(GUILD, "gus").orElseThrow();
            assertThat(stored.version()).isEqualTo(2);
            assertThat(stored.status().wire()).isEqualTo(winner);
            assertThat(store.roster(GUILD).entries().get("gus").status().wire()).isEqualTo(winner);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void concurrentCreatesOfDifferentPersonasBothLandInTheRoster() throws Exception {
        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> results = new ArrayList<>();
            for (String id : List.of("gus", "mo")) {
                results.add(pool.submit(() -> {
                    together.await();
                    store.create(persona(GUILD, id, id.toUpperCase(), Optional.empty(), PersonaStatus.ACTIVE, 0));
                    return null;
                }));
            }
            for (Future<?> result : results) {
                result.get();
            }
            assertThat(store.roster(GUILD).entries().keySet()).containsExactlyInAnyOrder("gus", "mo");
        } finally {
            pool.shutdownNow();
        }
    }

    static ServerPersona persona(
            String guild, String id, String name, Optional<String> higherSelf, PersonaStatus status, long version) {
        String json = json(id, name, higherSelf);
        return new ServerPersona(guild, parse(json), json, status, "999", version, NOW, NOW);
    }

    private static ServerPersona withStatus(ServerPersona p, PersonaStatus status) {
        return new ServerPersona(
                p.guildId(),
                p.persona(),
                p.json(),
                status,
                p.createdBy(),
                p.version(),
                p.createdAt(),
                NOW.plus(1, ChronoUnit.MINUTES));
    }

    private static ServerPersona renamed(ServerPersona p, String name, PersonaStatus status) {
        String json = json(p.id(), name, p.persona().higherSelf());
        return new ServerPersona(
                p.guildId(), parse(json), json, status, p.createdBy(), p.version(), p.createdAt(), NOW);
    }

    static String json(String id, String name, Optional<String> higherSelf) {
        return "{\"id\":\"" + id + "\",\"name\":\"" + name + "\","
                + higherSelf.map(h -> "\"higher_self\":\"" + h + "\",").orElse("")
                + "\"tagline\":\"" + id + " tagline\",\"summary\":\"A test persona.\","
                + "\"traits\":[\"dry\"],\"speech_patterns\":[\"short\"],\"roast_style\":\"gentle\"}";
    }

    private static dev.roastden.core.persona.Persona parse(String json) {
        try {
            return PersonaCatalog.parse(
                    StreamingJson.object(StreamingJson.read(json)).orElseThrow());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
