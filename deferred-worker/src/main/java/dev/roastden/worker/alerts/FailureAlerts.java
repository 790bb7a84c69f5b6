package dev.roastden.worker.alerts;

import dev.roastden.worker.settings.SettingsStore;
import dev.roastden.worker.usage.AlertSink;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the people who run the bot about a failure a member saw as an error: in the server's alerts channel when one
 * is set, and in the deployment's admin channel (a webhook kept in Secrets Manager) when one is configured. Each alert
 * carries the command, the persona, the interaction id, the error's class and its message with credentials removed,
 * the AWS request id and a CloudWatch Logs Insights link that finds the invocation's log lines. The same cause alerts
 * at most once per window per server ({@link AlertWindow}). Never in the way of the member's reply: every failure in
 * here is logged and swallowed.
 */
public final class FailureAlerts {
    private static final Logger LOG = LoggerFactory.getLogger(FailureAlerts.class);

    private final AlertWindow window;
    private final SettingsStore settings;
    private final AlertSink channel;
    private final AdminWebhook admin;
    private final Clock clock;
    private final String region;
    private final Optional<String> logGroup;

    public FailureAlerts(
            AlertWindow window,
            SettingsStore settings,
            AlertSink channel,
            AdminWebhook admin,
            Clock clock,
            String region,
            Optional<String> logGroup) {
        this.window = window;
        this.settings = settings;
        this.channel = channel;
        this.admin = admin;
        this.clock = clock;
        this.region = region;
        this.logGroup = logGroup;
    }

    /** Sends {@code alert}, unless the same cause alerted within the window; {@code secrets} are blanked from it. */
    public void report(FailureAlert alert, Collection<String> secrets) {
        try {
            if (!window.open(alert.scope(), alert.cause(), clock.instant())) {
                return;
            }
            String text = text(alert, secrets);
            settings.get(alert.scope()).alertsChannel().ifPresent(id -> channel.post(id, text));
            admin.post(text);
        } catch (RuntimeException e) {
            LOG.warn("Could not send a failure alert: {}", e.getClass().getSimpleName());
        }
    }

    String text(FailureAlert alert, Collection<String> secrets) {
        StringBuilder out = new StringBuilder("**Roast Den: a member got an error** (`")
                .append(alert.cause())
                .append("`)\n");
        out.append("- command: /").append(alert.command()).append('\n');
        alert.persona().ifPresent(p -> out.append("- persona: ").append(p).append('\n'));
        out.append("- interaction: ").append(alert.interactionId()).append('\n');
        out.append("- error: ")
                .append(alert.errorClass())
                .append(": ")
                .append(Redaction.redact(alert.message(), secrets))
                .append('\n');
        alert.requestId()
                .ifPresent(id -> out.append("- AWS request id: ").append(id).append('\n'));
        out.append("- logs: ").append(logsInsightsLink(alert.interactionId()));
        out.append("\nThe same cause is reported at most once every 10 minutes.");
        return out.toString();
    }

    /** A Logs Insights console link that queries the worker's log group for the interaction's lines (last day). */
    String logsInsightsLink(String interactionId) {
        String query = "fields @timestamp, level, message, command, persona\n| filter interaction_id = '"
                + interactionId.replaceAll("[^0-9]", "") + "'\n| sort @timestamp asc";
        String source = logGroup.map(group -> "~source~(~'" + consoleEscape(group) + ")")
                .orElse("");
        return "https://" + region + ".console.aws.amazon.com/cloudwatch/home?region=" + region
                + "#logsV2:logs-insights$3FqueryDetail$3D~(end~0~start~-86400~timeType~'RELATIVE~unit~'seconds"
                + "~editorString~'" + consoleEscape(query) + source + ")";
    }

    /** The console's own escaping inside its fragment: percent-encoding with {@code *} for {@code %}. */
    static String consoleEscape(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8)
                .replace("+", "%20")
                .replace("%", "*");
    }

    /** The secrets of a job that must never appear in an alert. */
    public static List<String> secretsOf(Optional<String> interactionToken) {
        return interactionToken.map(List::of).orElse(List.of());
    }
}
