package dev.roastden.worker.alerts;

import dev.roastden.core.job.DeferredJob;
import dev.roastden.worker.discord.Delivery;

/**
 * What the job processor tells the operators about: Discord refusing the bot for a missing permission, and a job
 * that ends undone on its last delivery. Called after the member's reply was tried, never before it; an
 * implementation never throws.
 */
public interface JobAlerts {
    /** A Discord call for {@code job} ended in {@code delivery}, which did not deliver; the job is given up. */
    void undelivered(DeferredJob job, Delivery delivery);

    /**
     * {@code job} failed on the queue's last delivery ({@code why}): the queue moves it to the dead-letter queue.
     */
    void deadLettered(DeferredJob job, String why);

    /** Tells nobody. */
    JobAlerts NONE = new JobAlerts() {
        @Override
        public void undelivered(DeferredJob job, Delivery delivery) {}

        @Override
        public void deadLettered(DeferredJob job, String why) {}
    };
}
