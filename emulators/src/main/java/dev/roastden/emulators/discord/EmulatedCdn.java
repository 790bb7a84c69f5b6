package dev.roastden.emulators.discord;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Discord's attachment CDN, emulated: files uploaded through the playground or sent by the bot in multipart
 * messages are kept in memory and served at {@code {origin}/attachments/{channel}/{id}/{filename}}, the same path
 * layout as {@code https://cdn.discordapp.com}. The origin is plain HTTP on loopback, so whatever fetches from it
 * must be told to allow it; real Discord URLs stay HTTPS-only.
 */
public final class EmulatedCdn {
    /** Discord's default upload limit for bots and interaction responses. */
    public static final int MAX_BYTES = 10 * 1024 * 1024;

    private static final Map<String, String> TYPES = Map.of(
            "png", "image/png",
            "jpg", "image/jpeg",
            "jpeg", "image/jpeg",
            "gif", "image/gif",
            "webp", "image/webp",
            "json", "application/json; charset=utf-8",
            "txt", "text/plain; charset=utf-8");

    /** A stored file. */
    public record StoredFile(String channelId, String id, String filename, String contentType, byte[] bytes) {
        public StoredFile {
            bytes = bytes.clone();
        }

        @Override
        public byte[] bytes() {
            return bytes.clone();
        }
    }

    private final ObjectMapper mapper = new ObjectMapper();
    private final Supplier<URI> origin;
    private final Supplier<String> ids;
    private final Map<String, StoredFile> files = new LinkedHashMap<>();

    EmulatedCdn(Supplier<URI> origin, Supplier<String> ids) {
        this.origin = origin;
        this.ids = ids;
    }

    /**
     * Stores a file and answers its attachment object as Discord puts it in {@code data.resolved.attachments} and in
     * a message's {@code attachments}: id, filename, size, url, proxy_url and content_type.
     *
     * @param contentType the type the uploader claimed; empty to tell it from the name, as Discord does
     */
    synchronized ObjectNode store(String channelId, String filename, Optional<String> contentType, byte[] bytes) {
        if (bytes.length > MAX_BYTES) {
            throw new IllegalArgumentException("The file is larger than Discord's " + MAX_BYTES + " byte limit");
        }
        String id = ids.get();
        String name = safeName(filename);
        String type = contentType.filter(t -> !t.isBlank()).orElseGet(() -> typeOf(name));
        files.put(key(channelId, id, name), new StoredFile(channelId, id, name, type, bytes));
        ObjectNode attachment = mapper.createObjectNode();
        attachment.put("id", id);
        attachment.put("filename", name);
        attachment.put("size", bytes.length);
        String url = url(channelId, id, name);
        attachment.put("url", url);
        attachment.put("proxy_url", url);
        attachment.put("content_type", type);
        return attachment;
    }

    /** The file at {@code /attachments/{channel}/{id}/{filename}}, if stored. */
    synchronized Optional<StoredFile> find(String path) {
        String[] parts = path.split("/");
        // "", "attachments", channel, id, filename
        if (parts.length != 5 || !parts[1].equals("attachments")) {
            return Optional.empty();
        }
        return Optional.ofNullable(files.get(key(parts[2], parts[3], parts[4])));
    }

    String url(String channelId, String id, String filename) {
        return origin.get() + "/attachments/" + channelId + "/" + id + "/" + filename;
    }

    /** Discord keeps letters, digits, dots, dashes and underscores in a file name and turns the rest into '_'. */
    static String safeName(String filename) {
        String base = filename.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1);
        String safe = base.replaceAll("[^A-Za-z0-9._-]", "_");
        return safe.isEmpty() || safe.chars().allMatch(c -> c == '.') ? "unknown" : safe;
    }

    private static String typeOf(String name) {
        int dot = name.lastIndexOf('.');
        String extension = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        return TYPES.getOrDefault(extension, "application/octet-stream");
    }

    private static String key(String channelId, String id, String filename) {
        return channelId + "/" + id + "/" + filename;
    }
}
