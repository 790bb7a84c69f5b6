package dev.roastden.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roastden.core.job.DeferredJob;
import dev.roastden.worker.support.Harness;
import dev.roastden.worker.support.Jobs;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/** /remember and /forget against DynamoDB Local. */
class MemoryCommandsTest {
    private static final Pattern MEMORY_ID = Pattern.compile("Memory id: `([0-9A-Z]{26})`");
    private static final String OTHER_GUILD = "1300000000000000009";

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
    void theHigherSelfAndServerManagersMayTeachAPersonaOthersGetAnExplanation() {
        DeferredJob byHigherSelf = h.jobs.remember(Jobs.FORD_HIGHER_SELF, null, "Ford once ate soup with a fork");
        DeferredJob byManager = h.jobs.remember(Jobs.ADMIN, "juniper", "Juniper has eleven sourdough starters");
        DeferredJob byStranger = h.jobs.remember(Jobs.SAMMY, "ford", "Ford is secretly a pirate");

        h.deliver(byHigherSelf, byManager, byStranger);

        assertThat(h.shown(byHigherSelf))
                .contains("Captain Ford will remember that")
                .containsPattern(MEMORY_ID);
        assertThat(h.shown(byManager)).contains("Juniper will remember that");
        assertThat(h.shown(byStranger)).contains("Only Captain Ford's Higher Self or members with Manage Server");
        assertThat(h.wiring.memory().facts(Jobs.GUILD, "ford", 10))
                .extracting(f -> f.text())
                .containsExactly("Ford once ate soup with a fork");
        assertThat(h.bedrock.calls()).isEmpty();
        assertThat(h.discord.problems()).isEmpty();
    }

    @Test
    void contactDetailsAreNotRemembered() {
        DeferredJob job = h.jobs.remember(Jobs.FORD_HIGHER_SELF, "ford", "Riles's number is +1 555 010 9999");
        h.deliver(job);
        assertThat(h.shown(job)).contains("private contact details");
        assertThat(h.wiring.memory().facts(Jobs.GUILD, "ford", 10)).isEmpty();
    }

    @Test
    void forgetMemoryDeletesOneFactByTheIdThatRememberShowed() {
        DeferredJob remember = h.jobs.remember(Jobs.FORD_HIGHER_SELF, "ford", "Ford hums shanties in the shower");
        h.deliver(remember);
        String id = memoryId(h.shown(remember));
        DeferredJob stranger = h.jobs.forgetMemory(Jobs.SAMMY, id);
        DeferredJob forget = h.jobs.forgetMemory(Jobs.FORD_HIGHER_SELF, id.toLowerCase(java.util.Locale.ROOT));

        h.deliver(stranger, forget);

        assertThat(h.shown(stranger)).contains("Only the person who taught it");
        assertThat(h.shown(forget)).contains("Forgotten: memory `" + id + "` (1 fact deleted)");
        assertThat(h.wiring.memory().facts(Jobs.GUILD, "ford", 10)).isEmpty();
    }

    @Test
    void forgetPersonaWipesThePersonasMemoryInThisServerOnly() {
        h.deliver(
                h.jobs.remember(Jobs.FORD_HIGHER_SELF, "ford", "fact one"),
                h.jobs.ask(Jobs.SAMMY, "ford", "hello?"),
                h.jobs.ask(Jobs.SAMMY, "juniper", "hello?"));
        DeferredJob denied = h.jobs.forgetPersona(Jobs.SAMMY, "ford");
        DeferredJob wipe = h.jobs.forgetPersona(Jobs.ADMIN, "ford");

        h.deliver(denied, wipe);

        assertThat(h.shown(denied)).contains("Only Captain Ford's Higher Self");
        assertThat(h.shown(wipe))
                .contains("Captain Ford forgot everything from this server: 1 fact and 1 conversation turn");
        assertThat(h.wiring.memory().recentTurns(Jobs.GUILD, "ford", 10, h.clock.instant()))
                .isEmpty();
        assertThat(h.wiring.memory().recentTurns(Jobs.GUILD, "juniper", 10, h.clock.instant()))
                .hasSize(1);
    }

    @Test
    void forgetMeLeavesNothingAboutTheCallerInThisServer() {
        String riles = Jobs.RILES.id();
        h.deliver(
                h.jobs.roast(Jobs.SAMMY, Jobs.RILES, "ford", "parallel parking"),
                h.jobs.roast(Jobs.SAMMY, Jobs.RILES, "mags", null),
                h.jobs.ask(Jobs.RILES, "juniper", "Is sourdough a personality?"),
                h.jobs.remember(Jobs.FORD_HIGHER_SELF, "ford", "<@" + riles + "> steers like a shopping trolley"),
                h.jobs.remember(Jobs.FORD_HIGHER_SELF, "ford", "Ford's barometer is always right"),
                h.jobs.ask(Jobs.SAMMY, "bex", "Best snack for a raid?"),
                inGuild(h.jobs.roast(Jobs.SAMMY, Jobs.RILES, "ford", "elsewhere"), OTHER_GUILD));
        // Exchanges between others that name the caller: in the question, and only in the persona's answer.
        h.deliver(h.jobs.ask(Jobs.SAMMY, "mags", "Has <@" + riles + "> returned the atlas yet?"));
        h.bedrock.enqueue(
                dev.roastden.emulators.bedrock.Outcome.answer("Ask <@!" + riles + ">, they ate the last slice."));
        h.deliver(h.jobs.ask(Jobs.SAMMY, "juniper", "Who finished the focaccia?"));
        assertThat(itemsMentioning(riles, Jobs.GUILD)).hasSizeGreaterThanOrEqualTo(6);

        DeferredJob forgetMe = h.jobs.forgetMe(Jobs.RILES);
        h.deliver(forgetMe);

        assertThat(h.shown(forgetMe)).contains("1 fact and 5 conversation turns");
        List<Map<String, AttributeValue>> left = itemsMentioning(riles, Jobs.GUILD);
        // Only operational items may still name them: their rate-limit windows (gone within the hour).
        assertThat(left).allSatisfy(item -> assertThat(item.get("pk").s()).startsWith("RL#user#" + riles + "#"));
        assertThat(h.wiring.memory().facts(Jobs.GUILD, "ford", 10))
                .extracting(f -> f.text())
                .containsExactly("Ford's barometer is always right");
        assertThat(h.wiring.memory().recentTurns(Jobs.GUILD, "bex", 10, h.clock.instant()))
                .hasSize(1);
        assertThat(h.wiring.memory().recentTurns(OTHER_GUILD, "ford", 10, h.clock.instant()))
                .hasSize(1);
    }

    @Test
    void aRetriedForgetMeSaysEverythingIsDeletedInsteadOfCountingWhatAnEarlierAttemptAlreadyDeleted() {
        h.deliver(h.jobs.roast(Jobs.SAMMY, Jobs.RILES, "ford", "parallel parking"));
        DeferredJob forgetMe = h.jobs.forgetMe(Jobs.RILES);
        // An earlier attempt deleted everything, then could not save its reply and let the job go.
        h.wiring.memory().claim(forgetMe.interactionId(), "attempt-1", h.clock.instant(), Duration.ofMinutes(2));
        h.wiring.memory().forgetUser(Jobs.GUILD, Jobs.RILES.id(), List.of("ford", "juniper", "mags", "bex"));
        h.wiring.memory().release(forgetMe.interactionId(), "attempt-1");

        assertThat(h.deliver(2, forgetMe).getBatchItemFailures()).isEmpty();

        assertThat(h.shown(forgetMe))
                .contains("Everything stored about you in this server is deleted")
                .doesNotContain("0 facts")
                .doesNotContain("0 conversation turns");
        assertThat(h.wiring.memory().recentTurns(Jobs.GUILD, "ford", 10, h.clock.instant()))
                .isEmpty();
    }

    @Test
    void aFirstForgetMeWithNothingStoredSaysSo() {
        DeferredJob forgetMe = h.jobs.forgetMe(Jobs.RILES);

        h.deliver(forgetMe);

        assertThat(h.shown(forgetMe)).contains("0 facts and 0 conversation turns");
    }

    @Test
    void aRoastOfSomeoneWhoOptedOutIsDeclinedWithoutCallingTheModel() {
        h.wiring.consent().setOptedOut(Jobs.GUILD, Jobs.RILES.id(), true);
        DeferredJob job = h.jobs.roast(Jobs.SAMMY, Jobs.RILES, "ford", null);
        h.deliver(job);
        assertThat(h.shown(job)).contains("Riles has opted out of roasts");
        assertThat(h.bedrock.calls()).isEmpty();
    }

    @Test
    void theRateLimitStopsABurstAndCountsARetriedInteractionOnce() {
        List<DeferredJob> burst = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            burst.add(h.jobs.ask(Jobs.SAMMY, "ford", "question " + i));
        }
        h.deliver(burst.get(0));
        h.deliver(2, burst.get(0)); // a redelivery of the same interaction is not counted again
        h.deliver(burst.subList(1, 7).toArray(DeferredJob[]::new));

        assertThat(h.bedrock.calls()).hasSize(6);
        assertThat(h.shown(burst.get(6))).contains("I need a breather");
    }

    private List<Map<String, AttributeValue>> itemsMentioning(String userId, String guildId) {
        List<Map<String, AttributeValue>> out = new ArrayList<>();
        for (ScanResponse page : h.wiring.dynamo().scanPaginator(b -> b.tableName(h.table))) {
            for (Map<String, AttributeValue> item : page.items()) {
                String all = item.toString();
                boolean inGuild = !item.get("pk").s().startsWith("G#")
                        || item.get("pk").s().startsWith("G#" + guildId);
                if (inGuild && all.contains(userId)) {
                    out.add(item);
                }
            }
        }
        return out;
    }

    private static String memoryId(String shown) {
        Matcher m = MEMORY_ID.matcher(shown);
        assertThat(m.find()).as("memory id in %s", shown).isTrue();
        return m.group(1);
    }

    private static DeferredJob inGuild(DeferredJob job, String guild) {
        return new DeferredJob(
                job.kind(),
                job.interactionId(),
                job.applicationId(),
                job.token(),
                job.command(),
                job.subcommand(),
                job.options(),
                job.user(),
                job.resolvedUsers(),
                Optional.of(guild),
                job.channelId(),
                job.locale(),
                job.createdAt(),
                job.mention());
    }
}
