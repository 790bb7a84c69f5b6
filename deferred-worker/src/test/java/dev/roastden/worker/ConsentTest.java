package dev.roastden.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.roastden.core.interaction.DiscordUser;
import dev.roastden.core.job.DeferredJob;
import dev.roastden.core.memory.Fact;
import dev.roastden.core.model.ModelReply;
import dev.roastden.core.model.ModelRequest;
import dev.roastden.core.model.PersonaModel;
import dev.roastden.core.persona.PersonaStatus;
import dev.roastden.core.prompt.PromptBuilder;
import dev.roastden.core.prompt.PromptInput;
import dev.roastden.emulators.bedrock.Outcome;
import dev.roastden.emulators.discord.DiscordEmulator;
import dev.roastden.worker.consent.ConsentGate;
import dev.roastden.worker.consent.Refusal;
import dev.roastden.worker.support.Harness;
import dev.roastden.worker.support.Jobs;
import dev.roastden.worker.support.TestPersonas;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Consent before the model: who may speak, who may be roasted, named or pinged. */
class ConsentTest {
    private static final DiscordUser GUS_MEMBER = Jobs.user("100000000000000011", "Gustav");

    private Harness h;

    @BeforeEach
    void start() {
        h = Harness.withBot(b -> {});
    }

    @AfterEach
    void stop() {
        h.close();
    }

    @Test
    void aRoastOfAnOptedOutMemberIsExplainedWithNoModelCallAndNoPing() {
        h.wiring.consent().setOptedOut(Jobs.GUILD, Jobs.RILES.id(), true);
        DeferredJob roast = h.jobs.roast(Jobs.SAMMY, Jobs.RILES, "ford", "boats");

        h.deliver(roast);

        assertThat(h.bedrock.calls()).isEmpty();
        // The public "thinking…" is gone; only the invoker sees why, in an ephemeral follow-up that pings nobody.
        assertThat(h.discord.originalMessage(roast.token().orElseThrow())).isEmpty();
        assertThat(h.patches(roast)).isEmpty();
        assertThat(h.privateFollowUps(roast))
                .singleElement()
                .asString()
                .contains("Riles has opted out")
                .contains("Pick someone else");
        JsonNode body = h.discord.followUps(roast.token().orElseThrow()).get(0);
        assertThat(DiscordEmulator.pingedUsers(body)).isEmpty();
        assertThat(body.path("content").asText()).doesNotContain("<@" + Jobs.RILES.id() + ">");
    }

    @Test
    void aPersonaThatIsNotActiveSaysWhyAndWhatToDoWithNoModelCall() {
        TestPersonas.create(h, "pen", "Pen", Optional.of(GUS_MEMBER.id()), PersonaStatus.PENDING);
        TestPersonas.create(h, "dec", "Dec", Optional.of(GUS_MEMBER.id()), PersonaStatus.DECLINED);
        TestPersonas.create(h, "ret", "Ret", Optional.empty(), PersonaStatus.RETIRED);
        DeferredJob pending = h.jobs.roast(Jobs.SAMMY, Jobs.RILES, "pen", null);
        DeferredJob declined = h.jobs.ask(Jobs.SAMMY, "dec", "hello?");
        DeferredJob retired = h.jobs.mention(Jobs.SAMMY, "ret", "<@" + Jobs.BOT_USER + "> hi");

        h.deliver(pending, declined, retired);

        assertThat(h.shown(pending)).contains("Pen is pending").contains("Accept");
        assertThat(h.shown(declined)).contains("Dec was declined");
        assertThat(h.discord.channelMessages(Jobs.CHANNEL).toString()).contains("Ret is retired");
        assertThat(h.bedrock.calls()).isEmpty();

        TestPersonas.setStatus(h, "pen", PersonaStatus.ACTIVE);
        DeferredJob accepted = h.jobs.roast(Jobs.SAMMY, Jobs.RILES, "pen", null);
        h.deliver(accepted);
        assertThat(h.bedrock.calls()).hasSize(1);
        assertThat(h.shown(accepted)).startsWith("**Pen** → <@" + Jobs.RILES.id() + ">");
    }

    @Test
    void aPersonaWhoseHigherSelfOptedOutIsSilentAndAnOptedOutInvokerIsToldHowToOptBackIn() {
        h.wiring.consent().setOptedOut(Jobs.GUILD, Jobs.FORD_HIGHER_SELF.id(), true);
        DeferredJob askFord = h.jobs.ask(Jobs.SAMMY, "ford", "ahoy?");
        DeferredJob byOptedOut = h.jobs.ask(Jobs.FORD_HIGHER_SELF, "juniper", "hello?");

        h.deliver(askFord, byOptedOut);

        assertThat(h.shown(askFord)).contains("Captain Ford stays quiet");
        assertThat(h.shown(byOptedOut)).contains("You've opted out").contains("/optin");
        assertThat(h.bedrock.calls()).isEmpty();
    }

    @Test
    void aMentionAimedAtAnOptedOutMemberIsRefusedInTheChannelWithoutNamingThem() {
        h.wiring.consent().setOptedOut(Jobs.GUILD, Jobs.RILES.id(), true);
        DeferredJob mention = h.jobs.mention(
                Jobs.SAMMY,
                "ford",
                "<@" + Jobs.BOT_USER + "> roast <@" + Jobs.RILES.id() + ">",
                Optional.of(Jobs.RILES));

        h.deliver(mention);

        String posted = h.discord.channelMessages(Jobs.CHANNEL).toString();
        assertThat(posted)
                .contains("That member has opted out")
                .doesNotContain("Riles")
                .doesNotContain(Jobs.RILES.id());
        assertThat(h.bedrock.calls()).isEmpty();
    }

    @Test
    void anOptedOutMemberMentionedInTheTextIsNotTalkedAbout() {
        h.wiring.consent().setOptedOut(Jobs.GUILD, Jobs.RILES.id(), true);
        DeferredJob ask = h.jobs.ask(Jobs.SAMMY, "ford", "what do you think of <@" + Jobs.RILES.id() + ">?");
        DeferredJob topic = h.jobs.roast(Jobs.SAMMY, Jobs.ADMIN, "ford", "their friend <@!" + Jobs.RILES.id() + ">");

        h.deliver(ask, topic);

        assertThat(h.shown(ask)).contains("Someone you mentioned has opted out");
        assertThat(h.shown(topic)).contains("Someone you mentioned has opted out");
        assertThat(h.bedrock.calls()).isEmpty();
    }

    @Test
    void factsAndTurnsNamingAnOptedOutMemberAreLeftOutOfThePrompt() {
        h.wiring
                .memory()
                .saveFact(fact("01JD5Q8Z3N4V6W7X8Y9Z0A1B2C", "<@" + Jobs.RILES.id() + "> hates kale", Jobs.RILES.id()));
        h.wiring.memory().saveFact(fact("01JD5Q8Z3N4V6W7X8Y9Z0A1B2D", "Sammy collects spoons", Jobs.SAMMY.id()));
        DeferredJob earlier = h.jobs.roast(Jobs.ADMIN, Jobs.RILES, "ford", "the kayak");
        h.deliver(earlier);
        assertThat(h.bedrock.calls()).hasSize(1);

        h.wiring.consent().setOptedOut(Jobs.GUILD, Jobs.RILES.id(), true);
        DeferredJob roast = h.jobs.roast(Jobs.ADMIN, Jobs.SAMMY, "ford", null);
        h.deliver(roast);

        assertThat(h.bedrock.calls()).hasSize(2);
        String prompt = String.join("\n", h.bedrock.calls().get(1).systemTexts())
                + h.bedrock.calls().get(1).lastUserText();
        assertThat(prompt).contains("Sammy collects spoons");
        assertThat(prompt).doesNotContain("kale").doesNotContain("kayak").doesNotContain("Riles");
        assertThat(prompt).doesNotContain(Jobs.RILES.id());
    }

    @Test
    void anOptedOutMemberTheModelMentionsIsUnnamedAndNotPinged() {
        h.wiring.consent().setOptedOut(Jobs.GUILD, Jobs.RILES.id(), true);
        h.bedrock.enqueue(Outcome.answer("Unlike <@" + Jobs.RILES.id() + ">, <@" + Jobs.ADMIN.id() + "> can sail."));
        DeferredJob roast = h.jobs.roast(Jobs.SAMMY, Jobs.ADMIN, "ford", null);

        h.deliver(roast);

        JsonNode body = h.patches(roast).get(0).json().orElseThrow();
        assertThat(body.path("content").asText()).contains("Unlike someone").doesNotContain(Jobs.RILES.id());
        assertThat(DiscordEmulator.pingedUsers(body)).containsExactly(Jobs.ADMIN.id());
    }

    @Test
    void theGateRefusesOnItsOwnWhenAFamilySkipsTheCheck() throws Exception {
        AtomicInteger rawCalls = new AtomicInteger();
        PersonaModel raw = new PersonaModel() {
            @Override
            public ModelReply generate(ModelRequest request) {
                rawCalls.incrementAndGet();
                return ModelReply.of("spoken");
            }

            @Override
            public String label() {
                return "counting";
            }
        };
        ConsentGate gate = new ConsentGate(raw, h.wiring.directory(), h.wiring.consent());
        TestPersonas.create(h, "pen", "Pen", Optional.of(GUS_MEMBER.id()), PersonaStatus.PENDING);
        h.wiring.consent().setOptedOut(Jobs.GUILD, Jobs.RILES.id(), true);
        var bundledFord = h.wiring.personas().find("ford").orElseThrow();
        var pen = h.wiring.personaStore().find(Jobs.GUILD, "pen").orElseThrow().persona();

        assertThatThrownBy(() -> gate.generate(
                        Jobs.GUILD, request(pen, Jobs.SAMMY, Optional.of(Jobs.ADMIN), ""), Duration.ofSeconds(5)))
                .isInstanceOfSatisfying(
                        ConsentGate.Refused.class,
                        r -> assertThat(r.refusal().reason()).isEqualTo(Refusal.Reason.PENDING));
        assertThatThrownBy(() -> gate.generate(
                        Jobs.GUILD,
                        request(bundledFord, Jobs.SAMMY, Optional.of(Jobs.RILES), ""),
                        Duration.ofSeconds(5)))
                .isInstanceOfSatisfying(
                        ConsentGate.Refused.class,
                        r -> assertThat(r.refusal().reason()).isEqualTo(Refusal.Reason.TARGET_OPTED_OUT));
        assertThatThrownBy(() -> gate.generate(
                        Jobs.GUILD, request(bundledFord, Jobs.RILES, Optional.empty(), ""), Duration.ofSeconds(5)))
                .isInstanceOfSatisfying(
                        ConsentGate.Refused.class,
                        r -> assertThat(r.refusal().reason()).isEqualTo(Refusal.Reason.INVOKER_OPTED_OUT));
        assertThatThrownBy(() -> gate.generate(
                        Jobs.GUILD,
                        request(bundledFord, Jobs.SAMMY, Optional.empty(), "and <@" + Jobs.RILES.id() + ">"),
                        Duration.ofSeconds(5)))
                .isInstanceOfSatisfying(
                        ConsentGate.Refused.class,
                        r -> assertThat(r.refusal().reason()).isEqualTo(Refusal.Reason.MENTIONED_OPTED_OUT));
        assertThat(rawCalls).hasValue(0);

        assertThat(gate.generate(
                                Jobs.GUILD,
                                request(bundledFord, Jobs.SAMMY, Optional.of(Jobs.ADMIN), ""),
                                Duration.ofSeconds(5))
                        .text())
                .isEqualTo("spoken");
        assertThat(rawCalls).hasValue(1);
    }

    private static ModelRequest request(
            dev.roastden.core.persona.Persona persona, DiscordUser invoker, Optional<DiscordUser> target, String text) {
        PromptInput input = new PromptInput(
                target.isPresent() ? PromptInput.Task.ROAST : PromptInput.Task.ASK,
                persona,
                List.of(persona),
                invoker,
                target,
                text,
                List.of(),
                List.of());
        return new ModelRequest(PromptBuilder.build(input), input, 100);
    }

    private static Fact fact(String id, String text, String subject) {
        return new Fact(
                Jobs.GUILD,
                "ford",
                id,
                text,
                Jobs.FORD_HIGHER_SELF.id(),
                subject,
                Set.of(Jobs.FORD_HIGHER_SELF.id(), subject),
                Instant.parse("2026-12-01T00:00:00Z"));
    }
}
