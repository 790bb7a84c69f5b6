package dev.roastden.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.roastden.core.interaction.DiscordUser;
import dev.roastden.core.job.DeferredJob;
import dev.roastden.core.job.DeferredJobCodec;
import dev.roastden.core.job.JobQueue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The queue journal: what a run accepted and did not finish is what the next run puts back, and nothing else. */
class JobJournalTest {
    private static final DiscordUser SAM = new DiscordUser("100000000000000005", "Sam", false, "0");

    @TempDir
    Path folder;

    @Test
    void theNextRunGetsBackExactlyTheJobsAcceptedAndNotFinished() throws Exception {
        List<String> queued = new ArrayList<>();
        try (JobJournal journal = JobJournal.open(folder)) {
            assertThat(journal.unfinished()).isEmpty();
            JobQueue queue = journal.journaling(job -> queued.add(DeferredJobCodec.write(job)));
            queue.enqueue(job("1310000000000000001"));
            queue.enqueue(job("1310000000000000002"));
            queue.enqueue(job("1310000000000000003"));
            journal.finished(queued.get(1));
            JobQueue refusing = journal.journaling(job -> {
                throw new JobQueue.QueueUnavailableException("down", new RuntimeException());
            });
            assertThatThrownBy(() -> refusing.enqueue(job("1310000000000000004")))
                    .isInstanceOf(JobQueue.QueueUnavailableException.class);
        }
        // A kill can tear the last line: it is skipped.
        Files.writeString(folder.resolve(JobJournal.FILE), "{\"done\":\"", StandardOpenOption.APPEND);

        try (JobJournal again = JobJournal.open(folder)) {
            assertThat(again.unfinished()).containsExactly(queued.get(0), queued.get(2));
            again.finished(queued.get(0));
        }
        try (JobJournal third = JobJournal.open(folder)) {
            assertThat(third.unfinished()).containsExactly(queued.get(2));
        }
    }

    private static DeferredJob job(String interactionId) {
        return new DeferredJob(
                DeferredJob.Kind.COMMAND,
                interactionId,
                "1200000000000000003",
                Optional.of("token-" + interactionId),
                "roast",
                Optional.empty(),
                Map.of("target", "100000000000000006"),
                SAM,
                Map.of(),
                Optional.of("1200000000000000001"),
                Optional.of("1200000000000000002"),
                "en-US",
                Instant.parse("2026-12-04T21:00:00Z"),
                Optional.empty());
    }
}
