package dev.roastden.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.roastden.core.job.DeferredJobCodec;
import dev.roastden.core.job.JobQueue;
import dev.roastden.core.json.Json;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Makes the in-process queue (ElasticMQ, memory only) lose no accepted job: every job is written to a JSON-lines
 * file in the data folder before it is put on the queue, so before the endpoint answers Discord, and marked done
 * when the poller deletes it. At start the jobs not marked done are put back on the queue and the file is rewritten
 * with only those. A job may so run twice (killed after its reply, before its delete): the worker's DynamoDB claim
 * suppresses the duplicate, as it does for SQS's own redeliveries. A killed process loses nothing it wrote (the OS
 * has the bytes; only a power cut could lose the last lines); a torn last line is skipped.
 */
final class JobJournal implements AutoCloseable {
    /** The journal's file name inside the data folder. */
    static final String FILE = "queue-journal.jsonl";

    private final BufferedWriter out;
    private final List<String> unfinished;

    private JobJournal(BufferedWriter out, List<String> unfinished) {
        this.out = out;
        this.unfinished = List.copyOf(unfinished);
    }

    /** Opens the journal in {@code folder}, keeping only the jobs an earlier run did not finish. */
    static JobJournal open(Path folder) {
        try {
            Files.createDirectories(folder);
            Path file = folder.resolve(FILE);
            Map<String, String> pending = new LinkedHashMap<>();
            if (Files.exists(file)) {
                try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
                    lines.forEach(line -> apply(line, pending));
                }
            }
            Path fresh = folder.resolve(FILE + ".new");
            try (BufferedWriter writer = Files.newBufferedWriter(fresh, StandardCharsets.UTF_8)) {
                for (Map.Entry<String, String> job : pending.entrySet()) {
                    writer.write(accepted(job.getKey(), job.getValue()));
                    writer.newLine();
                }
            }
            Files.move(fresh, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
            return new JobJournal(out, List.copyOf(pending.values()));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not open the queue journal in " + folder, e);
        }
    }

    private static void apply(String line, Map<String, String> pending) {
        JsonNode entry;
        try {
            entry = Json.mapper().readTree(line);
        } catch (IOException torn) {
            return;
        }
        if (entry == null || !entry.isObject()) {
            return;
        }
        if (entry.has("accepted") && entry.path("job").isTextual()) {
            pending.put(entry.path("accepted").asText(), entry.path("job").asText());
        } else if (entry.has("done")) {
            pending.remove(entry.path("done").asText());
        }
    }

    /** The bodies of the jobs an earlier run accepted and did not finish, oldest first. */
    List<String> unfinished() {
        return unfinished;
    }

    /** {@code queue}, journaling each job before it enqueues it (and cancelling it when the queue refuses it). */
    JobQueue journaling(JobQueue queue) {
        return job -> {
            String body = DeferredJobCodec.write(job);
            write(accepted(key(body), body));
            try {
                queue.enqueue(job);
            } catch (JobQueue.QueueUnavailableException | RuntimeException refused) {
                finished(body);
                throw refused;
            }
        };
    }

    /** Marks the job with this queue message body done. */
    void finished(String body) {
        ObjectNode entry = Json.mapper().createObjectNode().put("done", key(body));
        write(entry.toString());
    }

    private static String accepted(String key, String body) {
        return Json.mapper()
                .createObjectNode()
                .put("accepted", key)
                .put("job", body)
                .toString();
    }

    private synchronized void write(String line) {
        try {
            out.write(line);
            out.newLine();
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the queue journal", e);
        }
    }

    /** A job's key: the digest of its queue body (the same job always has the same body). */
    static String key(String body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            out.close();
        } catch (IOException ignored) {
            // Every line was flushed when written.
        }
    }
}
