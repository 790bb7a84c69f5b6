package dev.roastden.handler;

import dev.roastden.core.job.DeferredJob;
import dev.roastden.core.job.JobQueue;
import java.util.ArrayList;
import java.util.List;

/** A queue that keeps what it is given, or refuses everything when told the queue is down. */
final class RecordingQueue implements JobQueue {
    final List<DeferredJob> jobs = new ArrayList<>();
    boolean down;

    @Override
    public void enqueue(DeferredJob job) throws QueueUnavailableException {
        if (down) {
            throw new QueueUnavailableException("down", new IllegalStateException("queue down"));
        }
        jobs.add(job);
    }
}
