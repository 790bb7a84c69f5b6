package dev.roastden.worker.discord;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.roastden.worker.reply.ReplyFile;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * A message body with a file, as Discord takes it (Reference › Uploading Files): {@code multipart/form-data} with
 * the JSON in a {@code payload_json} part, whose {@code attachments} name the file by id 0, and the file itself in
 * a {@code files[0]} part. The boundary is random and checked not to occur in either part.
 *
 * @param contentType the request's Content-Type, boundary included
 */
record Multipart(String contentType, byte[] body) {
    private static final SecureRandom RANDOM = new SecureRandom();

    static Multipart of(ObjectNode json, ReplyFile file) {
        byte[] payload = json.toString().getBytes(StandardCharsets.UTF_8);
        byte[] content = file.bytes();
        String boundary;
        do {
            byte[] random = new byte[16];
            RANDOM.nextBytes(random);
            boundary = "roastden-" + HexFormat.of().formatHex(random);
        } while (contains(payload, boundary) || contains(content, boundary));
        ByteArrayOutputStream out = new ByteArrayOutputStream(payload.length + content.length + 512);
        ascii(out, "--" + boundary + "\r\n");
        ascii(out, "Content-Disposition: form-data; name=\"payload_json\"\r\n");
        ascii(out, "Content-Type: application/json\r\n\r\n");
        out.writeBytes(payload);
        ascii(out, "\r\n--" + boundary + "\r\n");
        out.writeBytes(
                ("Content-Disposition: form-data; name=\"files[0]\"; filename=\"" + quoted(file.filename()) + "\"\r\n")
                        .getBytes(StandardCharsets.UTF_8));
        ascii(out, "Content-Type: " + file.mediaType().replaceAll("[\\r\\n]", "") + "\r\n\r\n");
        out.writeBytes(content);
        ascii(out, "\r\n--" + boundary + "--\r\n");
        return new Multipart("multipart/form-data; boundary=" + boundary, out.toByteArray());
    }

    private static String quoted(String filename) {
        return filename.replaceAll("[\"\\\\\\r\\n]", "_");
    }

    private static void ascii(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.US_ASCII));
    }

    private static boolean contains(byte[] haystack, String needle) {
        byte[] n = needle.getBytes(StandardCharsets.US_ASCII);
        outer:
        for (int i = 0; i + n.length <= haystack.length; i++) {
            for (int j = 0; j < n.length; j++) {
                if (haystack[i + j] != n[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
