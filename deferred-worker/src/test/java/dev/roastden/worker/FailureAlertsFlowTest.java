package dev.roastden.worker;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.roastden.core.job.DeferredJob;
import dev.roastden.core.settings.ServerSettings;
import dev.roastden.emulators.bedrock.Outcome;
import dev.roastden.emulators.secrets.SecretsManagerEmulator;
import dev.roastden.worker.support.Harness;
import dev.roastden.worker.support.Jobs;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Failure alerts against the emulators: a model Bedrock refuses is reported with its full context to the server's
 * alerts channel and to the admin webhook (its URL read from Secrets Manager), the same cause at most once per ten
 * minutes, and never in the way of the member's reply.
 */
class FailureAlertsFlowTest {
    private static final String ALERTS = "1200000000000000077";
    private static final String WEBHOOK_TOKEN = "admin-webhook-token-xyz";

    private SecretsManagerEmulator secrets;
    private Harness h;

    @BeforeEach
    void start() {
        secrets = SecretsManagerEmulator.start();
        secrets.put("roastden/admin-webhook", "pending");
        h = Harness.start(b -> b.botToken(() -> "test-bot-token")
                .secretsEndpoint(secrets.endpoint())
                .adminWebhookSecretId(Optional.of("roastden/admin-webhook"))
                .logGroup(Optional.of("/aws/lambda/DeferredWorkerFunction")));
        secrets.put("roastden/admin-webhook", h.discord.apiBase() + "/webhooks/" + Jobs.APP + "/" + WEBHOOK_TOKEN);
        ServerSettings settings = ((ServerSettings.Change.Applied)
                        ServerSettings.defaults().with(Map.of("alerts_channel", ALERTS)))
                .settings();
        h.wiring.settings().put(Jobs.GUILD, settings, Jobs.ADMIN.id());
    }

    @AfterEach
    void stop() {
        h.close();
        secrets.close();
    }

    private List<JsonNode> channelAlerts() {
        return h.discord.channelMessages(ALERTS);
    }

    private List<JsonNode> adminAlerts() {
        return h.discord.followUps(WEBHOOK_TOKEN);
    }

    @Test
    void aRejectedModelIsReportedWithItsContextToBothChannelsAndTheMemberStillGetsAReply() {
        h.bedrock.enqueue(Outcome.accessDenied());
        DeferredJob job = h.jobs.ask(Jobs.SAMMY, "ford", "Weather?");

        assertThat(h.deliver(job).getBatchItemFailures()).isEmpty();

        assertThat(h.shown(job)).contains("lost my train of thought");
        assertThat(channelAlerts()).hasSize(1);
        String alert = channelAlerts().get(0).path("content").asText();
        assertThat(alert)
                .contains("model-rejected:AccessDeniedException")
                .contains("command: /ask")
                .contains("persona: ford")
                .contains("interaction: " + job.interactionId())
                .contains("error: AccessDeniedException")
                .contains("AWS request id: ")
                .contains(
                        "https://us-east-1.console.aws.amazon.com/cloudwatch/home?region=us-east-1#logsV2:logs-insights")
                .contains(job.interactionId())
                .contains("*2Faws*2Flambda*2FDeferredWorkerFunction")
                .doesNotContain(job.token().orElseThrow())
                .doesNotContain("test-bot-token");
        assertThat(channelAlerts().get(0).path("allowed_mentions").path("parse"))
                .isEmpty();
        assertThat(adminAlerts())
                .singleElement()
                .satisfies(m -> assertThat(m.path("content").asText()).isEqualTo(alert));
    }

    @Test
    void theSameCauseAlertsAtMostOncePerTenMinutes() {
        h.bedrock.enqueue(Outcome.accessDenied(), Outcome.accessDenied(), Outcome.accessDenied());

        h.deliver(h.jobs.ask(Jobs.SAMMY, "ford", "Weather?"));
        h.clock.advance(Duration.ofMinutes(9));
        h.deliver(h.jobs.ask(Jobs.RILES, "ford", "Tide?"));
        assertThat(channelAlerts()).hasSize(1);
        assertThat(adminAlerts()).hasSize(1);

        h.clock.advance(Duration.ofMinutes(2));
        h.deliver(h.jobs.ask(Jobs.RILES, "ford", "Wind?"));
        assertThat(channelAlerts()).hasSize(2);
        assertThat(adminAlerts()).hasSize(2);
    }

    @Test
    void aDifferentCauseHasItsOwnWindow() {
        h.bedrock.enqueue(Outcome.accessDenied(), Outcome.validationError("bad model id"));

        h.deliver(h.jobs.ask(Jobs.SAMMY, "ford", "Weather?"));
        h.deliver(h.jobs.ask(Jobs.SAMMY, "ford", "Tide?"));

        assertThat(channelAlerts())
                .extracting(m -> m.path("content").asText())
                .anySatisfy(t -> assertThat(t).contains("model-rejected:AccessDeniedException"))
                .anySatisfy(t -> assertThat(t).contains("model-rejected:ValidationException"));
    }

    @Test
    void aSuccessfulReplyAlertsNobody() {
        h.bedrock.enqueue(Outcome.answer("Fair winds."));
        h.deliver(h.jobs.ask(Jobs.SAMMY, "ford", "Weather?"));
        assertThat(channelAlerts()).isEmpty();
        assertThat(adminAlerts()).isEmpty();
    }
}
