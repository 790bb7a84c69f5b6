package dev.roastden.worker;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.roastden.core.job.DeferredJob;
import dev.roastden.core.settings.ServerSettings;
import dev.roastden.emulators.bedrock.Outcome;
import dev.roastden.emulators.discord.DiscordEmulator;
import dev.roastden.emulators.discord.Fault;
import dev.roastden.emulators.discord.RecordedRequest;
import dev.roastden.worker.support.Harness;
import dev.roastden.worker.support.Jobs;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Alerts for the failures the job processor sees, against the Discord emulator's fault injection and DynamoDB Local: a
 * mention reply Discord refuses for a missing permission (403, 50013 or 50001), a reply Discord keeps failing on the
 * last attempt, and a job handed back on the queue's last delivery (the dead-letter queue's). Each reaches the
 * server's alerts channel once per cause per ten minutes, with its context and without the bot token.
 */
class DeliveryAlertsFlowTest {
    private static final String ALERTS = "1200000000000000077";
    /** The worker's own last chance in the harness ({@code MAX_RECEIVES}); one delivery more is the queue's last. */
    private static final int MAX_RECEIVES = 4;

    private Harness h;

    @BeforeEach
    void start() {
        h = Harness.withBot(b -> {});
        ServerSettings settings = ((ServerSettings.Change.Applied)
                        ServerSettings.defaults().with(Map.of("alerts_channel", ALERTS)))
                .settings();
        h.wiring.settings().put(Jobs.GUILD, settings, Jobs.ADMIN.id());
    }

    @AfterEach
    void stop() {
        h.close();
    }

    private List<String> alerts() {
        return h.discord.channelMessages(ALERTS).stream()
                .map(m -> m.path("content").asText())
                .toList();
    }

    private static Predicate<RecordedRequest> postTo(String channel) {
        return r -> r.operationId().equals(DiscordEmulator.CREATE_MESSAGE)
                && channel.equals(r.params().get("channel_id"));
    }

    private static Fault missingPermissions() {
        return new Fault(403, 50013, "Missing Permissions", OptionalDouble.empty(), false);
    }

    @Test
    void aMentionReplyRefusedForAMissingPermissionAlertsOnceWithItsContext() {
        h.discord.failNext(postTo(Jobs.CHANNEL), missingPermissions(), missingPermissions());
        h.bedrock.enqueue(Outcome.answer("Ahoy."), Outcome.answer("Ahoy again."));
        DeferredJob first = h.jobs.mention(Jobs.SAMMY, "ford", "ford?");
        DeferredJob second = h.jobs.mention(Jobs.RILES, "ford", "ford, you there?");

        assertThat(h.deliver(first).getBatchItemFailures()).isEmpty();
        assertThat(h.deliver(second).getBatchItemFailures()).isEmpty();

        assertThat(h.discord.channelMessages(Jobs.CHANNEL)).isEmpty();
        assertThat(alerts()).singleElement().satisfies(alert -> assertThat(alert)
                .contains("discord-permission:50013")
                .contains("command: /mention")
                .contains("persona: ford")
                .contains("interaction: " + first.interactionId())
                .contains("error: DiscordMissingPermissions")
                .contains("Send Messages")
                .contains("<#" + Jobs.CHANNEL + ">")
                .contains("logs-insights")
                .doesNotContain(Harness.BOT_TOKEN));
        JsonNode posted = h.discord.channelMessages(ALERTS).get(0);
        assertThat(posted.path("allowed_mentions").path("parse")).isEmpty();
    }

    @Test
    void missingAccessIsItsOwnCauseAndAlertsAgainAfterTenMinutes() {
        h.discord.failNext(postTo(Jobs.CHANNEL), Fault.missingAccess(), Fault.missingAccess());
        h.bedrock.enqueue(Outcome.answer("Ahoy."), Outcome.answer("Ahoy again."));

        h.deliver(h.jobs.mention(Jobs.SAMMY, "ford", "ford?"));
        assertThat(alerts()).singleElement().satisfies(alert -> assertThat(alert)
                .contains("discord-permission:50001")
                .contains("error: DiscordMissingAccess"));

        h.clock.advance(Duration.ofMinutes(11));
        h.deliver(h.jobs.mention(Jobs.SAMMY, "ford", "ford??"));
        assertThat(alerts()).hasSize(2);
    }

    @Test
    void aReplyDiscordKeepsFailingOnTheLastAttemptAlertsAsUndeliverable() {
        Fault[] failures = new Fault[10];
        java.util.Arrays.fill(failures, Fault.serverError());
        h.discord.failNext(r -> r.operationId().equals(DiscordEmulator.PATCH_ORIGINAL), failures);
        h.bedrock.enqueue(Outcome.answer("Fair winds."));
        DeferredJob job = h.jobs.ask(Jobs.SAMMY, "ford", "Weather?");

        assertThat(h.deliver(MAX_RECEIVES, job).getBatchItemFailures()).isEmpty();

        assertThat(alerts()).singleElement().satisfies(alert -> assertThat(alert)
                .contains("`undeliverable`")
                .contains("command: /ask")
                .contains("interaction: " + job.interactionId())
                .doesNotContain(job.token().orElseThrow()));
    }

    @Test
    void aJobHandedBackOnTheQueuesLastDeliveryAlertsAsDeadLetteredAndEarlierDeliveriesDoNot() {
        DeferredJob job = h.jobs.ask(Jobs.SAMMY, "ford", "Weather?");
        // An attempt that crashed still holds the claim: every delivery finds it busy and hands the job back.
        h.wiring.memory().claim(job.interactionId(), "crashed-attempt", h.clock.instant(), Duration.ofMinutes(30));

        assertThat(h.deliver(MAX_RECEIVES, job).getBatchItemFailures()).hasSize(1);
        assertThat(alerts()).isEmpty();

        assertThat(h.deliver(MAX_RECEIVES + 1, job).getBatchItemFailures()).hasSize(1);
        assertThat(alerts()).singleElement().satisfies(alert -> assertThat(alert)
                .contains("`dead-letter`")
                .contains("error: DeadLetteredJob")
                .contains("dead-letter queue")
                .contains("interaction: " + job.interactionId())
                .doesNotContain(job.token().orElseThrow()));
        assertThat(h.bedrock.calls()).isEmpty();
    }
}
