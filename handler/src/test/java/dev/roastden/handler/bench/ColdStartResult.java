package dev.roastden.handler.bench;

import dev.roastden.core.job.DeferredJob;
import dev.roastden.core.job.DeferredJobCodec;
import dev.roastden.core.job.MalformedJobException;
import java.util.ArrayList;
import java.util.List;

/** One fresh-JVM run: what the probe printed and what arrived on the queue. */
public record ColdStartResult(
        FirstRequest event,
        String interactionId,
        long initMs,
        long firstResponseMs,
        long answerMs,
        long primeMs,
        long cpuMs,
        long wallMs,
        long classes,
        int statusCode,
        String body,
        List<String> queued) {

    /** The jobs that arrived on the queue for this run. */
    public List<DeferredJob> jobs() {
        List<DeferredJob> jobs = new ArrayList<>();
        for (String message : queued) {
            try {
                jobs.add(DeferredJobCodec.read(message));
            } catch (MalformedJobException e) {
                throw new IllegalStateException("The queue holds a message that is not a job: " + message, e);
            }
        }
        return jobs;
    }

    /** Whether the autocomplete answer offers the persona of the stored roster (read from DynamoDB). */
    public boolean fromRoster() {
        return body.contains("\"value\":\"" + ColdStart.STORED_PERSONA + "\"");
    }

    /**
     * Whether the probe answered as it should: for {@code /roast} type 5 and exactly this run's job on the queue;
     * for autocomplete type 8 with choices (from the roster or, when it could not be read, the bundled personas)
     * and nothing queued.
     */
    public boolean behaved() {
        List<DeferredJob> jobs = jobs();
        if (event == FirstRequest.AUTOCOMPLETE) {
            return statusCode == 200
                    && body.startsWith("{\"type\":8,")
                    && body.contains("\"value\":\"")
                    && jobs.isEmpty();
        }
        return statusCode == 200
                && body.equals("{\"type\":5}")
                && jobs.size() == 1
                && jobs.get(0).interactionId().equals(interactionId)
                && jobs.get(0).command().equals("roast");
    }
}
