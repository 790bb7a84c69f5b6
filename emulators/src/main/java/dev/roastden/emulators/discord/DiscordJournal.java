package dev.roastden.emulators.discord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The emulated Discord's memory on disk: an append-only JSON-lines file of every event that changed it (an
 * interaction received or answered, a webhook or channel call, an upload), each with the instant it happened and
 * the snowflakes it drew. Replaying the file through the same code rebuilds the same interactions, originals,
 * follow-ups and messages with the same ids, so a token or a message id handed out before a restart still works
 * after it. A line is written, holding the emulator's lock, before the call's answer leaves: a killed process
 * keeps everything it answered (the OS has the bytes; only a power cut could lose the last lines). A torn last
 * line is skipped. No secret is written: request headers other than the content type and user agent are dropped.
 */
final class DiscordJournal implements AutoCloseable {
    /** The journal's file name inside the data folder. */
    static final String FILE = "discord-journal.jsonl";

    private final ObjectMapper mapper;
    private final Optional<BufferedWriter> out;

    private DiscordJournal(ObjectMapper mapper, Optional<BufferedWriter> out) {
        this.mapper = mapper;
        this.out = out;
    }

    /** A journal that keeps nothing. */
    static DiscordJournal none(ObjectMapper mapper) {
        return new DiscordJournal(mapper, Optional.empty());
    }

    /** Replays {@code folder}'s journal into {@code replay}, then opens it for appending. */
    static DiscordJournal open(ObjectMapper mapper, Path folder, Consumer<JsonNode> replay) {
        try {
            Files.createDirectories(folder);
            Path file = folder.resolve(FILE);
            if (Files.exists(file)) {
                try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
                    lines.forEach(line -> read(mapper, line).ifPresent(replay));
                }
                dropTornTail(file);
            }
            BufferedWriter writer = Files.newBufferedWriter(
                    file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            return new DiscordJournal(mapper, Optional.of(writer));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not open the Discord emulator's journal in " + folder, e);
        }
    }

    /** Cuts a last line a kill left half-written, so the next line appended starts on a line of its own. */
    private static void dropTornTail(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long size = channel.size();
            long keep = size;
            ByteBuffer one = ByteBuffer.allocate(1);
            while (keep > 0) {
                one.clear();
                channel.read(one, keep - 1);
                if (one.get(0) == '\n') {
                    break;
                }
                keep--;
            }
            if (keep < size) {
                channel.truncate(keep);
            }
        }
    }

    private static Optional<JsonNode> read(ObjectMapper mapper, String line) {
        if (line.isBlank()) {
            return Optional.empty();
        }
        try {
            JsonNode event = mapper.readTree(line);
            return event != null && event.isObject() && event.has("e") ? Optional.of(event) : Optional.empty();
        } catch (IOException torn) {
            return Optional.empty();
        }
    }

    boolean enabled() {
        return out.isPresent();
    }

    /** A new event of this kind, stamped with when it happened. */
    ObjectNode event(String kind, Instant at) {
        ObjectNode event = mapper.createObjectNode();
        event.put("e", kind);
        event.put("at", at.toEpochMilli());
        return event;
    }

    /** Appends an event with the snowflakes it drew; called holding the emulator's lock. */
    void append(ObjectNode event, List<String> ids) {
        if (out.isEmpty()) {
            return;
        }
        if (!ids.isEmpty()) {
            event.set("ids", mapper.valueToTree(ids));
        }
        try {
            BufferedWriter writer = out.get();
            writer.write(mapper.writeValueAsString(event));
            writer.newLine();
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the Discord emulator's journal", e);
        }
    }

    @Override
    public void close() {
        out.ifPresent(writer -> {
            try {
                writer.close();
            } catch (IOException ignored) {
                // Every line was flushed when written.
            }
        });
    }

    /** The snowflakes an event drew: recorded while it runs live, handed back in order while it is replayed. */
    static final class Ids {
        private final ThreadLocal<List<String>> drawn = new ThreadLocal<>();
        private Deque<String> replaying = new ArrayDeque<>();

        /** Starts recording what this thread draws. */
        void record() {
            drawn.set(new ArrayList<>());
        }

        /** What this thread drew since {@link #record}, and stops recording. */
        List<String> drawn() {
            List<String> ids = Optional.ofNullable(drawn.get()).orElse(List.of());
            drawn.remove();
            return ids;
        }

        /** Makes the next draws answer these ids (a replay). */
        void replay(JsonNode ids) {
            replaying = new ArrayDeque<>();
            ids.forEach(id -> replaying.add(id.asText()));
        }

        /** The replayed id, if one is due. */
        Optional<String> next() {
            return Optional.ofNullable(replaying.poll());
        }

        /** Notes an id this thread drew. */
        void note(String id) {
            List<String> ids = drawn.get();
            if (ids != null) {
                ids.add(id);
            }
        }
    }

    /** A clock that a replay pins to each event's instant; otherwise the emulator's own. */
    static final class ReplayClock extends Clock {
        private final Clock live;
        private volatile Instant pinned;

        ReplayClock(Clock live) {
            this.live = live;
        }

        void pin(Instant at) {
            this.pinned = at;
        }

        void unpin() {
            this.pinned = null;
        }

        @Override
        public ZoneId getZone() {
            return live.getZone();
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return live.withZone(zone);
        }

        @Override
        public Instant instant() {
            Instant at = pinned;
            return at != null ? at : live.instant();
        }
    }
}
