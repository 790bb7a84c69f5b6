package dev.roastden.worker;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.roastden.core.job.DeferredJob;
import dev.roastden.emulators.bedrock.Outcome;
import dev.roastden.emulators.discord.DiscordEmulator;
import dev.roastden.worker.support.Harness;
import dev.roastden.worker.support.Jobs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** 🔁 Another one: under every roast and answer; a press is a fresh take found from the saved turn, never the id. */
class AnotherOneTest {
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
    void aRoastCarriesTheButtonAndAPressIsAFreshTakeOnTheSameTargetAndTopic() {
        h.bedrock.enqueue(Outcome.answer("First take."));
        DeferredJob roast = h.jobs.roast(Jobs.SAMMY, Jobs.RILES, "ford", "their sourdough phase");
        h.deliver(roast);
        String customId = anotherOne(h.patches(roast).get(0).json().orElseThrow());
        assertThat(customId).startsWith("rd1:ao:ford:");

        h.bedrock.enqueue(Outcome.answer("Second take."));
        DeferredJob press = h.jobs.component(Jobs.ADMIN, customId);
        h.deliver(press);

        assertThat(h.bedrock.calls()).hasSize(2);
        assertThat(h.bedrock.calls().get(1).lastUserText()).contains("target: Riles", "topic: their sourdough phase");
        JsonNode body = h.patches(press).get(0).json().orElseThrow();
        assertThat(body.path("content").asText()).contains("Second take.");
        assertThat(DiscordEmulator.pingedUsers(body)).containsExactly(Jobs.RILES.id());
        assertThat(anotherOne(body)).startsWith("rd1:ao:ford:");
        assertThat(h.discord.problems()).isEmpty();
    }

    @Test
    void aForgedTurnOrAnotherPersonasIdFindsNothingAndCallsNoModel() {
        h.bedrock.enqueue(Outcome.answer("First take."));
        DeferredJob ask = h.jobs.ask(Jobs.SAMMY, "ford", "Best knot?");
        h.deliver(ask);
        String customId = anotherOne(h.patches(ask).get(0).json().orElseThrow());
        String turn = customId.substring(customId.lastIndexOf(':') + 1);

        DeferredJob forged = h.jobs.component(Jobs.SAMMY, "rd1:ao:ford:01HZZZZZZZZZZZZZZZZZZZZZZZ");
        DeferredJob otherPersona = h.jobs.component(Jobs.SAMMY, "rd1:ao:juniper:" + turn);
        h.deliver(forged, otherPersona);

        assertThat(h.shown(forged)).contains("can't find that one");
        assertThat(h.shown(otherPersona)).contains("can't find that one");
        assertThat(h.bedrock.calls()).hasSize(1);
    }

    @Test
    void aFreshTakeOnSomeoneWhoOptedOutSinceIsRefused() {
        h.bedrock.enqueue(Outcome.answer("First take."));
        DeferredJob roast = h.jobs.roast(Jobs.SAMMY, Jobs.RILES, "ford", null);
        h.deliver(roast);
        String customId = anotherOne(h.patches(roast).get(0).json().orElseThrow());
        h.wiring.consent().setOptedOut(Jobs.GUILD, Jobs.RILES.id(), true);

        DeferredJob press = h.jobs.component(Jobs.SAMMY, customId);
        h.deliver(press);

        assertThat(h.bedrock.calls()).hasSize(1);
        assertThat(h.shown(press)).contains("opted out");
    }

    private static String anotherOne(JsonNode body) {
        JsonNode button = body.path("components").get(0).path("components").get(0);
        assertThat(button.path("label").asText()).isEqualTo("Another one");
        assertThat(button.path("emoji").path("name").asText()).isEqualTo("🔁");
        return button.path("custom_id").asText();
    }
}
