package dev.roastden.core.job;

/** Where the endpoint and the gateway task put work for the worker. */
public interface JobQueue {
    /**
     * Enqueues the job.
     *
     * @throws QueueUnavailableException when the queue could not take it; nothing was enqueued
     */
    void enqueue(DeferredJob job) throws QueueUnavailableException;

    /** The queue did not accept a job. */
    final class QueueUnavailableException extends Exception {
        private static final long serialVersionUID = 1L;

        public QueueUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
