package dev.roastden.worker;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.roastden.core.command.CommandCatalog;
import dev.roastden.core.interaction.DiscordUser;
import dev.roastden.core.job.DeferredJob;
import dev.roastden.core.job.Snowflake;
import dev.roastden.core.memory.Fact;
import dev.roastden.emulators.bedrock.Outcome;
import dev.roastden.emulators.discord.DiscordEmulator;
import dev.roastden.worker.support.Harness;
import dev.roastden.worker.support.Jobs;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * "Roast this message", "Roast them" and "Remember this" against DynamoDB Local and the emulators: the private
 * picker, the pick (by the asker, by someone else, forged, replayed, twice), the public follow-up, and the fact.
 */
class ContextMenuTest {
    private static final String MESSAGE = "1300000000000000042";
    private static final AtomicInteger SEQ = new AtomicInteger(500);

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
    void aMessageCommandAnswersPrivatelyWithAPickerOfThePersonasWhoMaySpeak() {
        DeferredJob command = roastMessage(Jobs.SAMMY, Jobs.RILES, "pineapple belongs on pizza");

        h.deliver(command);

        assertThat(h.bedrock.calls()).isEmpty();
        JsonNode body = h.patches(command).get(0).json().orElseThrow();
        assertThat(body.path("content").asText()).contains("Who should roast this message by Riles?");
        JsonNode select = body.path("components").get(0).path("components").get(0);
        assertThat(select.path("type").asInt()).isEqualTo(3);
        assertThat(select.path("custom_id").asText()).isEqualTo("rd1:rp:" + command.interactionId());
        List<String> values = new ArrayList<>();
        select.path("options").forEach(o -> values.add(o.path("value").asText()));
        assertThat(values).contains("ford", "juniper");
        assertThat(DiscordEmulator.pingedUsers(body)).isEmpty();
        assertThat(h.discord.problems()).isEmpty();
    }

    @Test
    void thePickRoastsTheAuthorPubliclyPingingOnlyThemAndEditsThePickerOnceEvenWhenReplayed() {
        DeferredJob command = roastMessage(Jobs.SAMMY, Jobs.RILES, "pineapple belongs on pizza");
        h.deliver(command);
        h.bedrock.enqueue(Outcome.answer("Pineapple, Riles? Bold from someone who burns toast."));
        DeferredJob pick = pick(Jobs.SAMMY, "rd1:rp:" + command.interactionId(), "ford");

        h.deliver(pick);
        h.deliver(2, pick);

        assertThat(h.bedrock.calls()).hasSize(1);
        assertThat(h.bedrock.calls().get(0).lastUserText())
                .contains("<user_input>", "target: Riles", "pineapple belongs on pizza");
        List<JsonNode> followUps = h.discord.followUps(pick.token().orElseThrow());
        assertThat(followUps).hasSize(1);
        JsonNode roast = followUps.get(0);
        assertThat(roast.path("content").asText()).startsWith("**Captain Ford** → <@" + Jobs.RILES.id() + ">");
        assertThat(roast.path("flags").asInt()).isZero();
        JsonNode posted = h.discord
                .requests(DiscordEmulator.EXECUTE_WEBHOOK)
                .get(0)
                .json()
                .orElseThrow();
        assertThat(DiscordEmulator.pingedUsers(posted)).containsExactly(Jobs.RILES.id());
        assertThat(h.shown(pick)).contains("Done: Captain Ford roasted Riles");
        assertThat(h.discord.problems()).isEmpty();

        // A second pick interaction from the same picker roasts nothing.
        DeferredJob again = pick(Jobs.SAMMY, "rd1:rp:" + command.interactionId(), "juniper");
        h.deliver(again);
        assertThat(h.bedrock.calls()).hasSize(1);
        assertThat(h.discord.followUps(again.token().orElseThrow())).isEmpty();
        assertThat(h.shown(again)).contains("already been roasted");
    }

    @Test
    void aPickBySomeoneElseAForgedIdAPersonaThatMayNotSpeakOrAnExpiredPickerRoastsNobody() {
        DeferredJob command = roastMessage(Jobs.SAMMY, Jobs.RILES, "my hot take");
        h.deliver(command);

        DeferredJob stranger = pick(Jobs.ADMIN, "rd1:rp:" + command.interactionId(), "ford");
        DeferredJob forged = pick(Jobs.SAMMY, "rd1:rp:1300000000000000001", "ford");
        DeferredJob nobody = pick(Jobs.SAMMY, "rd1:rp:" + command.interactionId(), "not-a-persona");
        h.deliver(stranger, forged, nobody);

        assertThat(h.shown(stranger)).contains("Only the member who opened this picker");
        assertThat(h.shown(forged)).contains("expired");
        assertThat(h.shown(nobody)).contains("can't speak here");
        h.clock.advance(Duration.ofMinutes(16));
        DeferredJob late = pick(Jobs.SAMMY, "rd1:rp:" + command.interactionId(), "ford");
        h.deliver(late);
        assertThat(h.shown(late)).contains("expired");
        assertThat(h.bedrock.calls()).isEmpty();
        assertThat(h.discord.requests(DiscordEmulator.EXECUTE_WEBHOOK)).isEmpty();
    }

    @Test
    void anOptedOutAuthorGetsNoPickerAndOneWhoOptsOutAfterwardsIsNotRoasted() {
        h.wiring.consent().setOptedOut(Jobs.GUILD, Jobs.RILES.id(), true);
        DeferredJob refused = roastMessage(Jobs.SAMMY, Jobs.RILES, "anything");
        h.deliver(refused);
        JsonNode body = h.patches(refused).get(0).json().orElseThrow();
        assertThat(body.path("content").asText()).contains("opted out");
        assertThat(body.path("components")).isEmpty();

        h.wiring.consent().setOptedOut(Jobs.GUILD, Jobs.RILES.id(), false);
        DeferredJob command = roastUser(Jobs.SAMMY, Jobs.RILES);
        h.deliver(command);
        assertThat(h.shown(command)).contains("Who should roast Riles?");
        h.wiring.consent().setOptedOut(Jobs.GUILD, Jobs.RILES.id(), true);
        DeferredJob pick = pick(Jobs.SAMMY, "rd1:rp:" + command.interactionId(), "ford");
        h.deliver(pick);
        assertThat(h.shown(pick)).contains("opted out");
        assertThat(h.bedrock.calls()).isEmpty();
    }

    @Test
    void rememberThisKeepsTheMessageAsAFactAboutItsAuthorWithItsLinkThroughTheSameRulesAsRemember() {
        DeferredJob kept = rememberMessage(Jobs.FORD_HIGHER_SELF, Jobs.RILES, "I have never once been on time");
        h.deliver(kept);

        assertThat(h.shown(kept)).contains("will remember that");
        List<Fact> facts = h.wiring.memory().facts(Jobs.GUILD, "ford", 10);
        assertThat(facts).singleElement().satisfies(f -> {
            assertThat(f.text()).isEqualTo("I have never once been on time");
            assertThat(f.subjectId()).isEqualTo(Jobs.RILES.id());
            assertThat(f.source())
                    .contains("https://discord.com/channels/" + Jobs.GUILD + "/" + Jobs.CHANNEL + "/" + MESSAGE);
        });

        DeferredJob notTheirs = rememberMessage(Jobs.SAMMY, Jobs.RILES, "something");
        DeferredJob contact = rememberMessage(Jobs.FORD_HIGHER_SELF, Jobs.RILES, "mail me at riles@example.com");
        h.deliver(notTheirs, contact);
        assertThat(h.shown(notTheirs)).contains("not the Higher Self");
        assertThat(h.shown(contact)).contains("private contact details");
        assertThat(h.wiring.memory().facts(Jobs.GUILD, "ford", 10)).hasSize(1);
    }

    @Test
    void outsideAServerAskUsesNoMemoryAndSaysSo() {
        h.deliver(h.jobs.remember(Jobs.FORD_HIGHER_SELF, "ford", "<@100000000000000005> hates mornings"));
        h.bedrock.enqueue(Outcome.answer("Mornings are for gulls."));
        DeferredJob ask = h.jobs.ask(Jobs.SAMMY, "ford", "What do you think of mornings?");
        DeferredJob inDm = new DeferredJob(
                ask.kind(),
                ask.interactionId(),
                ask.applicationId(),
                ask.token(),
                ask.command(),
                ask.subcommand(),
                ask.options(),
                ask.user(),
                ask.resolvedUsers(),
                Optional.empty(),
                Optional.of("1300000000000000777"),
                ask.locale(),
                ask.createdAt(),
                Optional.empty());

        h.deliver(inDm);

        assertThat(h.bedrock.calls().get(0).systemTexts().toString()).doesNotContain("hates mornings");
        assertThat(h.shown(inDm)).contains("Mornings are for gulls.", "nothing is remembered");
        assertThat(h.wiring.memory().recentTurns("DM1300000000000000777", "ford", 10, h.clock.instant()))
                .isEmpty();
    }

    private DeferredJob roastMessage(DiscordUser by, DiscordUser author, String content) {
        return messageCommand(CommandCatalog.ROAST_MESSAGE, by, author, content);
    }

    private DeferredJob rememberMessage(DiscordUser by, DiscordUser author, String content) {
        return messageCommand(CommandCatalog.REMEMBER_MESSAGE, by, author, content);
    }

    private DeferredJob messageCommand(String name, DiscordUser by, DiscordUser author, String content) {
        Map<String, String> options = new LinkedHashMap<>();
        options.put(DeferredJob.TARGET_ID, MESSAGE);
        options.put(DeferredJob.TARGET_CHANNEL, Jobs.CHANNEL);
        options.put(DeferredJob.TARGET_CONTENT, content);
        options.put(DeferredJob.TARGET_AUTHOR, author.id());
        return h.jobs.command(name, Optional.empty(), options, by, Map.of(author.id(), author));
    }

    private DeferredJob roastUser(DiscordUser by, DiscordUser target) {
        return h.jobs.command(
                CommandCatalog.ROAST_USER,
                Optional.empty(),
                Map.of(DeferredJob.TARGET_ID, target.id()),
                by,
                Map.of(target.id(), target));
    }

    /** A pick in the select menu {@code customId} (user input), choosing {@code persona}. */
    private DeferredJob pick(DiscordUser by, String customId, String persona) {
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
