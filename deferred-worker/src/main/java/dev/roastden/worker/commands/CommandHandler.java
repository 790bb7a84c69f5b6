package dev.roastden.worker.commands;

import dev.roastden.core.job.DeferredJob;

/**
 * One command family's work: turns a job into the reply to send. No Discord calls here; the job processor delivers
 * the reply. Each family lives in its own package and is registered in one place, the worker's command registry.
 */
public interface CommandHandler {

    /**
     * The reply to {@code job}.
     *
     * @throws RetryableFailure when a later attempt may succeed
     */
    ReplyProducer.Produced handle(DeferredJob job, Attempt attempt) throws RetryableFailure;
}
