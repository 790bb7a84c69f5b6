package dev.roastden.worker;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.roastden.core.job.DeferredJob;
import dev.roastden.core.job.Snowflake;
import dev.roastden.emulators.bedrock.Outcome;
import dev.roastden.emulators.discord.DiscordEmulator;
import dev.roastden.worker.support.Harness;
import dev.roastden.worker.support.Jobs;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** 🎯 Roast back: only the target; their own persona fires back publicly, or they pick one; forged ids do nothing. */
class RoastBackTest {
    private static final AtomicInteger SEQ = new AtomicInteger(900);

    private Harness h;

    @BeforeEach
    void start() {
        h = Harness.start();
    }

    @AfterEach
    void stop() {
        h.close();
    }

    @Test
    void theTargetsOwnPersonaFiresBackAtTheStarterPubliclyPingingOnlyThem() {
        h.bedrock.enqueue(Outcome.answer("Skipper, your knots are a crime."));
        DeferredJob roast = h.jobs.roast(Jobs.SAMMY, Jobs.FORD_HIGHER_SELF, "juniper", "knots");
        h.deliver(roast);
        String customId = roastBack(h.patches(roast).get(0).json().orElseThrow());
        assertThat(customId).startsWith("rd1:rb:juniper:").endsWith(":" + Jobs.FORD_HIGHER_SELF.id());

        h.bedrock.enqueue(Outcome.answer("Sammy, you couldn't tie a shoelace."));
        DeferredJob press = h.jobs.component(Jobs.FORD_HIGHER_SELF, customId);
        h.deliver(press);

        assertThat(h.bedrock.calls()).hasSize(2);
        assertThat(h.bedrock.calls().get(1).systemTexts().get(0)).contains("# Your character: Captain Ford");
        assertThat(h.bedrock.calls().get(1).lastUserText()).contains("target: Sammy");
        List<JsonNode> followUps = h.discord.followUps(press.token().orElseThrow());
        assertThat(followUps).singleElement().satisfies(m -> assertThat(
                        m.path("content").asText())
                .startsWith("**Captain Ford** → <@" + Jobs.SAMMY.id() + ">"));
        JsonNode posted = h.discord
                .requests(DiscordEmulator.EXECUTE_WEBHOOK)
                .get(0)
                .json()
                .orElseThrow();
        assertThat(DiscordEmulator.pingedUsers(posted)).containsExactly(Jobs.SAMMY.id());
        assertThat(h.shown(press)).contains("Done: Captain Ford fired back at Sammy");
        assertThat(h.discord.problems()).isEmpty();
    }

    @Test
    void aTargetWithoutAPersonaPicksOneAndTheStarterIsRoasted() {
        h.bedrock.enqueue(Outcome.answer("Riles, bold socks."));
        DeferredJob roast = h.jobs.roast(Jobs.SAMMY, Jobs.RILES, "ford", null);
        h.deliver(roast);
        String customId = roastBack(h.patches(roast).get(0).json().orElseThrow());

        DeferredJob press = h.jobs.component(Jobs.RILES, customId);
        h.deliver(press);
        assertThat(h.shown(press)).contains("Who should roast Sammy?");
        assertThat(h.bedrock.calls()).hasSize(1);

        h.bedrock.enqueue(Outcome.answer("Sammy, the sourdough misses you."));
        DeferredJob pick = pick(Jobs.RILES, "rd1:rp:" + press.interactionId(), "mags");
        h.deliver(pick);
        assertThat(h.bedrock.calls()).hasSize(2);
        assertThat(h.bedrock.calls().get(1).lastUserText()).contains("target: Sammy");
        assertThat(h.discord.followUps(pick.token().orElseThrow())).hasSize(1);
    }

    @Test
    void aPressBySomeoneElseOrAForgedIdRoastsNobody() {
        h.bedrock.enqueue(Outcome.answer("Riles, bold socks."));
        DeferredJob roast = h.jobs.roast(Jobs.SAMMY, Jobs.RILES, "ford", null);
        h.deliver(roast);
        String customId = roastBack(h.patches(roast).get(0).json().orElseThrow());
        String turn = customId.split(":")[3];

        DeferredJob stranger = h.jobs.component(Jobs.ADMIN, customId);
        // Claiming to be the target in the id does not make the presser the target.
        DeferredJob forged = h.jobs.component(Jobs.ADMIN, "rd1:rb:ford:" + turn + ":" + Jobs.ADMIN.id());
        DeferredJob noTurn = h.jobs.component(Jobs.RILES, "rd1:rb:ford:01HZZZZZZZZZZZZZZZZZZZZZZZ:" + Jobs.RILES.id());
        h.deliver(stranger, forged, noTurn);

        assertThat(h.shown(stranger)).contains("Only the member that roast was aimed at");
        assertThat(h.shown(forged)).contains("Only the member that roast was aimed at");
        assertThat(h.shown(noTurn)).contains("can't find that one");
        assertThat(h.bedrock.calls()).hasSize(1);
        assertThat(h.discord.requests(DiscordEmulator.EXECUTE_WEBHOOK)).isEmpty();
    }

    private static String roastBack(JsonNode body) {
        JsonNode button = body.path("components").get(0).path("components").get(1);
        assertThat(button.path("label").asText()).isEqualTo("Roast back");
        assertThat(button.path("emoji").path("name").asText()).isEqualTo("🎯");
        return button.path("custom_id").asText();
    }

    private DeferredJob pick(dev.roastden.core.interaction.DiscordUser by, String customId, String persona) {
        String id = Snowflake.at(h.clock.instant(), SEQ.incrementAndGet());
        return new DeferredJob(
                DeferredJob.Kind.COMPONENT,
                id,
                Jobs.APP,
                Optional.of("tok-" + id),
                DeferredJob.COMPONENT_COMMAND,
                Optional.empty(),
                Map.of(DeferredJob.CUSTOM_ID, customId, DeferredJob.VALUES, persona),
                by,
                Map.of(),
                Optional.of(Jobs.GUILD),
                Optional.of(Jobs.CHANNEL),
                "en-US",
                Snowflake.instant(id).orElseThrow(),
                Optional.empty());
    }
}
