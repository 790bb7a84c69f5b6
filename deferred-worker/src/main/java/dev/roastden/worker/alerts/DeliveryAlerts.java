package dev.roastden.worker.alerts;

import dev.roastden.core.job.DeferredJob;
import dev.roastden.worker.commands.Texts;
import dev.roastden.worker.discord.Delivery;
import java.util.Optional;
import org.slf4j.MDC;

/**
 * {@link JobAlerts} through {@link FailureAlerts} (the same context, redaction and ten-minute window per cause): a
 * 403 from Discord (50001 Missing Access, 50013 Missing Permissions) is reported as a missing permission with what
 * the bot needs; a delivery that failed for good on the last attempt, or a job handed back on the queue's last
 * delivery, as a job that ends undone. A gone or expired interaction is not reported: nobody waits for it any more.
 */
public final class DeliveryAlerts implements JobAlerts {
    static final int MISSING_ACCESS = 50001;
    static final int MISSING_PERMISSIONS = 50013;

    private final FailureAlerts alerts;

    public DeliveryAlerts(FailureAlerts alerts) {
        this.alerts = alerts;
    }

    @Override
    public void undelivered(DeferredJob job, Delivery delivery) {
        if (delivery.httpStatus() == 403
                || delivery.discordCode() == MISSING_ACCESS
                || delivery.discordCode() == MISSING_PERMISSIONS) {
            String errorClass =
                    switch (delivery.discordCode()) {
                        case MISSING_ACCESS -> "DiscordMissingAccess";
                        case MISSING_PERMISSIONS -> "DiscordMissingPermissions";
                        default -> "DiscordForbidden";
                    };
            String where = job.channelId().map(c -> " in <#" + c + ">").orElse("");
            report(
                    job,
                    "discord-permission:" + (delivery.discordCode() == 0 ? "403" : delivery.discordCode()),
                    errorClass,
                    delivery.detail() + ". The bot needs View Channel, Send Messages, Read Message History and"
                            + " Embed Links" + where + ".");
        } else if (delivery.status() == Delivery.Status.RETRY_LATER || delivery.status() == Delivery.Status.REJECTED) {
            report(
                    job,
                    "undeliverable",
                    "Delivery" + delivery.status(),
                    "Discord did not take the reply on the last attempt (" + delivery.detail()
                            + "); the job was given up.");
        }
    }

    @Override
    public void deadLettered(DeferredJob job, String why) {
        report(
                job,
                "dead-letter",
                "DeadLetteredJob",
                "The job failed on the queue's last delivery (" + why + "); it moves to the dead-letter queue.");
    }

    private void report(DeferredJob job, String cause, String errorClass, String message) {
        // The persona the job speaks as: named in the job, else the one the reply path chose (kept in the log
        // context for the length of the job).
        Optional<String> persona = job.option("persona").or(() -> Optional.ofNullable(MDC.get("persona")));
        alerts.report(
                new FailureAlert(
                        Texts.scope(job),
                        cause,
                        job.command(),
                        persona,
                        job.interactionId(),
                        errorClass,
                        message,
                        Optional.empty()),
                FailureAlerts.secretsOf(job.token()));
    }
}
