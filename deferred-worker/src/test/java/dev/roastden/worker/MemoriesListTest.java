package dev.roastden.worker;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.roastden.core.component.CustomId;
import dev.roastden.core.job.DeferredJob;
import dev.roastden.core.memory.Fact;
import dev.roastden.core.memory.Ulid;
import dev.roastden.emulators.discord.DiscordEmulator;
import dev.roastden.worker.support.Harness;
import dev.roastden.worker.support.Jobs;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** /memories and its page buttons against DynamoDB Local and the emulated Discord. */
class MemoriesListTest {
    private static final Instant START = Instant.parse("2026-11-01T00:00:00Z");
    private static final Pattern FACT_ID = Pattern.compile("`([0-9A-Z]{26})`");

    private Harness h;

    @BeforeEach
    void start() {
        h = Harness.start();
    }

    @AfterEach
    void stop() {
        h.close();
    }

    /** 23 facts: 13 for ford about Riles, 10 for juniper about Sammy; fact i is i hours after START. */
    private List<Fact> seed() {
        List<Fact> facts = new ArrayList<>();
        for (int i = 0; i < 23; i++) {
            boolean ford = i % 2 == 0 || i > 20;
            String subject = ford ? Jobs.RILES.id() : Jobs.SAMMY.id();
            Instant at = START.plusSeconds(3600L * i);
            Fact fact = new Fact(
                    Jobs.GUILD,
                    ford ? "ford" : "juniper",
                    Ulid.derive(at, "seed" + i),
                    "<@" + subject + "> story number " + i,
                    Jobs.ADMIN.id(),
                    subject,
                    Set.of(Jobs.ADMIN.id(), subject),
                    at);
            h.wiring.memory().saveFact(fact);
            facts.add(fact);
        }
        return facts;
    }

    private static List<String> ids(String shown) {
        List<String> ids = new ArrayList<>();
        Matcher m = FACT_ID.matcher(shown);
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }

    /** The ids of facts[from, to) newest first. */
    private static String[] newestFirst(List<Fact> facts, int from, int to) {
        List<String> ids = new ArrayList<>();
        for (int i = to - 1; i >= from; i--) {
            ids.add(facts.get(i).id());
        }
        return ids.toArray(String[]::new);
    }

    @Test
    void theListIsPagedNewestFirstWithIdsAndAuthorsAndPingsNobody() {
        List<Fact> facts = seed();
        DeferredJob list = h.jobs.memories(Jobs.SAMMY, null, null);

        h.deliver(list);

        String shown = h.shown(list);
        assertThat(shown).contains("23 facts, page 1 of 3, newest first");
        assertThat(shown).contains("added by <@" + Jobs.ADMIN.id() + ">").contains("**Captain Ford**");
        assertThat(ids(shown)).containsExactly(newestFirst(facts, 13, 23));
        JsonNode body = h.patches(list).get(0).json().orElseThrow();
        assertThat(DiscordEmulator.pingedUsers(body)).isEmpty();
        JsonNode buttons = body.path("components").get(0).path("components");
        assertThat(buttons).hasSize(2);
        assertThat(buttons.get(0).path("disabled").asBoolean()).isTrue();
        assertThat(buttons.get(1).path("custom_id").asText()).isEqualTo("rd1:mp:1:-:-");
        assertThat(h.discord.problems()).isEmpty();

        DeferredJob press = h.jobs.component(Jobs.RILES, "rd1:mp:1:-:-");
        h.deliver(press);
        assertThat(h.shown(press)).contains("page 2 of 3");
        assertThat(ids(h.shown(press))).containsExactly(newestFirst(facts, 3, 13));

        DeferredJob last = h.jobs.component(Jobs.RILES, "rd1:mp:2:-:-");
        h.deliver(last);
        assertThat(ids(h.shown(last))).hasSize(3);
        JsonNode lastButtons = h.patches(last)
                .get(0)
                .json()
                .orElseThrow()
                .path("components")
                .get(0)
                .path("components");
        assertThat(lastButtons.get(1).path("disabled").asBoolean()).isTrue();
        assertThat(h.bedrock.calls()).isEmpty();
    }

    @Test
    void personaAndAboutNarrowTheListAndTheButtonsKeepThem() {
        seed();
        DeferredJob aboutRiles = h.jobs.memories(Jobs.SAMMY, null, Jobs.RILES);
        DeferredJob juniper = h.jobs.memories(Jobs.SAMMY, "juniper", null);
        DeferredJob both = h.jobs.memories(Jobs.SAMMY, "juniper", Jobs.RILES);

        h.deliver(aboutRiles, juniper, both);

        assertThat(h.shown(aboutRiles))
                .contains("Memories about <@" + Jobs.RILES.id() + ">")
                .contains("13 facts, page 1 of 2")
                .doesNotContain("Juniper**");
        assertThat(h.patches(aboutRiles).get(0).json().orElseThrow().toString())
                .contains("rd1:mp:1:-:" + Jobs.RILES.id());
        assertThat(h.shown(juniper)).contains("Memories of Juniper").contains("10 facts, page 1 of 1");
        assertThat(h.patches(juniper).get(0).json().orElseThrow().path("components"))
                .isEmpty();
        assertThat(h.shown(both)).contains("No memories of Juniper about <@" + Jobs.RILES.id() + ">");
    }

    @Test
    void aForgedOrStalePageButtonIsCheckedAgainstTheStore() {
        seed();
        DeferredJob beyond =
                h.jobs.component(Jobs.SAMMY, CustomId.of("mp", "99", "-", "-").format());
        DeferredJob noSuchPersona = h.jobs.component(
                Jobs.SAMMY, CustomId.of("mp", "0", "ghost", "-").format());
        DeferredJob badMember = h.jobs.component(
                Jobs.SAMMY, CustomId.of("mp", "0", "-", "notanid").format());
        DeferredJob badPage =
                h.jobs.component(Jobs.SAMMY, CustomId.of("mp", "x1", "-", "-").format());
        DeferredJob missingArgs =
                h.jobs.component(Jobs.SAMMY, CustomId.of("mp", "0").format());

        h.deliver(beyond, noSuchPersona, badMember, badPage, missingArgs);

        assertThat(h.shown(beyond)).contains("page 3 of 3");
        assertThat(h.shown(noSuchPersona)).contains("There's no persona called `ghost`");
        assertThat(h.shown(badMember)).contains("isn't valid any more");
        assertThat(h.shown(badPage)).contains("isn't valid any more");
        assertThat(h.shown(missingArgs)).contains("isn't valid any more");
        assertThat(h.discord.problems()).isEmpty();
    }

    @Test
    void anEmptyServerSaysSo() {
        DeferredJob list = h.jobs.memories(Jobs.SAMMY, null, null);

        h.deliver(list);

        assertThat(h.shown(list)).contains("No memories are stored in this server.");
    }
}
