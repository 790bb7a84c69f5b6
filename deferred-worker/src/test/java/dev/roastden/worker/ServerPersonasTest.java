package dev.roastden.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roastden.core.job.DeferredJob;
import dev.roastden.core.memory.RateLimit;
import dev.roastden.core.persona.PersonaStatus;
import dev.roastden.emulators.bedrock.ConverseCall;
import dev.roastden.emulators.bedrock.Outcome;
import dev.roastden.worker.commands.Limits;
import dev.roastden.worker.support.Harness;
import dev.roastden.worker.support.Jobs;
import dev.roastden.worker.support.TestPersonas;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Personas resolve through the server's directory: its own personas work everywhere bundled ones do. */
class ServerPersonasTest {
    private static final Pattern MEMORY_ID = Pattern.compile("Memory id: `([0-9A-Z]{26})`");
    private static final String GUS_MEMBER = "100000000000000011";

    private Harness h;

    @BeforeEach
    void start() {
        // Many asks from one member in a minute: limits out of the way (they are tested elsewhere).
        h = Harness.withBot(b -> b.limits(new Limits(
                new RateLimit("user", 1000, Duration.ofMinutes(1)),
                new RateLimit("guild", 1000, Duration.ofHours(1)))));
    }

    @AfterEach
    void stop() {
        h.close();
    }

    @Test
    void anActiveServerPersonaRoastsAnswersAndIsMentionedUnderItsOwnName() {
        TestPersonas.create(h, "gus", "Gus", Optional.of(GUS_MEMBER), PersonaStatus.ACTIVE);
        DeferredJob roast = h.jobs.roast(Jobs.SAMMY, Jobs.RILES, "gus", "the boat");
        DeferredJob ask = h.jobs.ask(Jobs.SAMMY, "gus", "what's for tea?");
        DeferredJob mention = h.jobs.mention(Jobs.SAMMY, "gus", "<@" + Jobs.BOT_USER + "> hi Gus");

        h.deliver(roast, ask, mention);

        assertThat(h.bedrock.calls()).hasSize(3);
        for (ConverseCall call : h.bedrock.calls()) {
            assertThat(call.systemTexts().get(0))
                    .contains("# Your character: Gus")
                    .contains("(ford)");
        }
        assertThat(h.shown(roast)).startsWith("**Gus** → <@" + Jobs.RILES.id() + ">");
        assertThat(h.shown(ask)).startsWith("**Gus**");
        assertThat(h.discord.channelMessages(Jobs.CHANNEL).toString()).contains("Gus");
        assertThat(h.discord.problems()).isEmpty();
    }

    @Test
    void aHiddenBundledPersonaIsUnknownHereAndNeverPickedOrNamed() {
        h.wiring.personaStore().setDefaultHidden(Jobs.GUILD, "mags", true);
        DeferredJob roast = h.jobs.roast(Jobs.SAMMY, Jobs.RILES, "mags", null);

        h.deliver(roast);

        assertThat(h.shown(roast))
                .contains("There's no persona called `mags` here")
                .doesNotContain("`mags`,");
        assertThat(h.bedrock.calls()).isEmpty();

        List<DeferredJob> asks = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            asks.add(h.jobs.ask(Jobs.SAMMY, null, "question " + i));
        }
        h.deliver(asks.toArray(DeferredJob[]::new));
        assertThat(h.bedrock.calls()).hasSize(12);
        for (ConverseCall call : h.bedrock.calls()) {
            assertThat(call.systemTexts().get(0))
                    .doesNotContain("# Your character: Mags")
                    .doesNotContain("(mags)");
        }
    }

    @Test
    void askPicksOnlyAmongActivePersonasAndTheCastNamesOnlyThem() {
        TestPersonas.create(h, "pen", "Pending Pen", Optional.of(GUS_MEMBER), PersonaStatus.PENDING);
        TestPersonas.create(h, "ret", "Retired Ret", Optional.empty(), PersonaStatus.RETIRED);
        TestPersonas.create(h, "fic", "Fictional Fic", Optional.empty(), PersonaStatus.ACTIVE);
        List<DeferredJob> asks = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            asks.add(h.jobs.ask(Jobs.SAMMY, null, "question " + i));
        }

        h.deliver(asks.toArray(DeferredJob[]::new));

        assertThat(h.bedrock.calls()).hasSize(20);
        List<String> speakers = new ArrayList<>();
        for (ConverseCall call : h.bedrock.calls()) {
            String system = call.systemTexts().get(0);
            assertThat(system).doesNotContain("Pending Pen").doesNotContain("Retired Ret");
            Matcher m = Pattern.compile("# Your character: (.+)").matcher(system);
            assertThat(m.find()).isTrue();
            speakers.add(m.group(1).strip());
        }
        assertThat(speakers).doesNotContain("Pending Pen", "Retired Ret");
        assertThat(h.bedrock.calls().stream()
                        .anyMatch(c -> c.systemTexts().get(0).contains("(fic)")))
                .isTrue();
    }

    @Test
    void rememberAndForgetWorkOnAServerPersonaAndItsFactsReachItsPrompt() {
        TestPersonas.create(h, "gus", "Gus", Optional.of(GUS_MEMBER), PersonaStatus.ACTIVE);
        Jobs.user(GUS_MEMBER, "Gustav");
        DeferredJob teach = h.jobs.remember(Jobs.user(GUS_MEMBER, "Gustav"), null, "Gus keeps bees on the roof");
        DeferredJob stranger = h.jobs.remember(Jobs.SAMMY, "gus", "Gus is secretly a pirate");

        h.deliver(teach, stranger);

        assertThat(h.shown(teach)).contains("Gus will remember that");
        assertThat(h.shown(stranger)).contains("Only Gus's Higher Self or members with Manage Server");
        DeferredJob roast = h.jobs.roast(Jobs.SAMMY, Jobs.RILES, "gus", null);
        h.deliver(roast);
        assertThat(String.join("\n", h.bedrock.calls().get(0).systemTexts())).contains("Gus keeps bees on the roof");

        Matcher id = MEMORY_ID.matcher(h.shown(teach));
        assertThat(id.find()).isTrue();
        DeferredJob forget = h.jobs.forgetMemory(Jobs.user(GUS_MEMBER, "Gustav"), id.group(1));
        h.deliver(forget);
        assertThat(h.shown(forget)).contains("1 fact deleted");
        assertThat(h.wiring.memory().facts(Jobs.GUILD, "gus", 10)).isEmpty();

        DeferredJob wipe = h.jobs.forgetPersona(Jobs.user(GUS_MEMBER, "Gustav"), "gus");
        h.deliver(wipe);
        assertThat(h.shown(wipe)).contains("Gus forgot everything from this server");
    }

    @Test
    void aPersonaWhoseHigherSelfOptedOutIsLeftOutOfTheOthersPrompts() {
        h.wiring.consent().setOptedOut(Jobs.GUILD, Jobs.FORD_HIGHER_SELF.id(), true);
        h.bedrock.enqueue(Outcome.answer("Sure."));
        DeferredJob ask = h.jobs.ask(Jobs.SAMMY, "juniper", "who's on the boat?");

        h.deliver(ask);

        assertThat(h.bedrock.calls()).singleElement().satisfies(call -> assertThat(
                        call.systemTexts().get(0))
                .contains("# Your character: Juniper")
                .doesNotContain("(ford)")
                .doesNotContain("Captain Ford"));
    }
}
