package dev.roastden.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roastden.core.job.DeferredJob;
import dev.roastden.core.memory.Fact;
import dev.roastden.worker.support.Harness;
import dev.roastden.worker.support.Jobs;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** /optout and /optin against DynamoDB Local and the emulators. */
class OptOutCommandsTest {
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
    void optingOutStopsRoastsOfTheMemberAndSilencesTheirPersonaUntilTheyOptBackIn() {
        DeferredJob out = h.jobs.optout(Jobs.FORD_HIGHER_SELF, false);

        h.deliver(out);

        assertThat(h.shown(out))
                .contains("You've opted out in this server")
                .contains("Your persona Captain Ford stays quiet too")
                .contains("is kept")
                .contains("/optin");
        assertThat(h.wiring.consent().hasOptedOut(Jobs.GUILD, Jobs.FORD_HIGHER_SELF.id()))
                .isTrue();
        DeferredJob roast = h.jobs.roast(Jobs.SAMMY, Jobs.FORD_HIGHER_SELF, "juniper", null);
        DeferredJob ford = h.jobs.ask(Jobs.SAMMY, "ford", "ahoy?");
        h.deliver(roast, ford);
        assertThat(h.shown(roast)).contains("Skipper has opted out");
        assertThat(h.shown(ford)).contains("Captain Ford stays quiet");
        assertThat(h.bedrock.calls()).isEmpty();

        DeferredJob in = h.jobs.optin(Jobs.FORD_HIGHER_SELF);
        h.deliver(in);
        assertThat(h.shown(in)).contains("You're opted in again");
        DeferredJob again = h.jobs.roast(Jobs.SAMMY, Jobs.FORD_HIGHER_SELF, "juniper", null);
        h.deliver(again);
        assertThat(h.bedrock.calls()).hasSize(1);
        assertThat(h.shown(again)).startsWith("**Juniper** → <@" + Jobs.FORD_HIGHER_SELF.id() + ">");
    }

    @Test
    void deleteDataAlsoDeletesWhatForgetMeDeletesAndSaysHowMuch() {
        Instant at = Instant.parse("2026-12-01T00:00:00Z");
        h.wiring
                .memory()
                .saveFact(new Fact(
                        Jobs.GUILD,
                        "ford",
                        "01JD5Q8Z3N4V6W7X8Y9Z0A1B2C",
                        "<@" + Jobs.RILES.id() + "> capsized twice",
                        Jobs.FORD_HIGHER_SELF.id(),
                        Jobs.RILES.id(),
                        Set.of(Jobs.FORD_HIGHER_SELF.id(), Jobs.RILES.id()),
                        at));
        h.wiring
                .memory()
                .saveFact(new Fact(
                        Jobs.GUILD,
                        "juniper",
                        "01JD5Q8Z3N4V6W7X8Y9Z0A1B2D",
                        "Sammy collects spoons",
                        Jobs.JUNIPER_HIGHER_SELF.id(),
                        Jobs.SAMMY.id(),
                        Set.of(Jobs.JUNIPER_HIGHER_SELF.id(), Jobs.SAMMY.id()),
                        at));
        DeferredJob roastedEarlier = h.jobs.roast(Jobs.SAMMY, Jobs.RILES, "mags", null);
        h.deliver(roastedEarlier);

        DeferredJob out = h.jobs.optout(Jobs.RILES, true);
        h.deliver(out);

        assertThat(h.shown(out))
                .contains("You've opted out")
                .contains("Deleted everything stored about you in this server: 1 fact and 1 conversation turn");
        assertThat(h.wiring.memory().facts(Jobs.GUILD, "ford", 10)).isEmpty();
        assertThat(h.wiring.memory().facts(Jobs.GUILD, "juniper", 10)).hasSize(1);
        assertThat(h.wiring.memory().recentTurns(Jobs.GUILD, "mags", 10, h.clock.instant()))
                .isEmpty();
        assertThat(h.wiring.consent().hasOptedOut(Jobs.GUILD, Jobs.RILES.id())).isTrue();
    }

    @Test
    void aRedeliveredOptOutIsStillAnHonestAnswer() {
        DeferredJob out = h.jobs.optout(Jobs.RILES, true);

        h.deliver(out);
        h.deliver(2, out);

        assertThat(h.shown(out)).contains("You've opted out");
        assertThat(h.patches(out)).hasSize(1);
        assertThat(h.discord.problems()).isEmpty();
    }
}
