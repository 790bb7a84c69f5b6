package dev.roastden.emulators.http;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code multipart/form-data} body (RFC 7578) split into its parts. Strict where a client can get it wrong: a
 * missing boundary, a part without {@code Content-Disposition: form-data; name=…}, or a body that does not end with
 * the closing delimiter is refused with a message saying which, so an emulator can answer like the real service.
 */
public final class MultipartForm {
    private static final Pattern BOUNDARY = Pattern.compile("(?i)boundary=(\"([^\"]+)\"|([^;\\s]+))");
    private static final Pattern NAME = Pattern.compile("(?i);\\s*name=\"([^\"]*)\"");
    private static final Pattern FILENAME = Pattern.compile("(?i);\\s*filename=\"([^\"]*)\"");
    private static final byte[] CRLF = {'\r', '\n'};

    /**
     * One part.
     *
     * @param name the form field name, e.g. {@code payload_json} or {@code files[0]}
     * @param filename the file name, for file parts
     * @param contentType the part's content type, when it has one
     */
    public record Part(String name, Optional<String> filename, Optional<String> contentType, byte[] bytes) {
        public Part {
            bytes = bytes.clone();
        }

        @Override
        public byte[] bytes() {
            return bytes.clone();
        }

        /** The content as UTF-8 text. */
        public String text() {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    /** Thrown for a body that is not well-formed multipart. */
    public static final class MalformedException extends Exception {
        MalformedException(String message) {
            super(message);
        }
    }

    private MultipartForm() {}

    /** Whether a Content-Type header names multipart/form-data. */
    public static boolean isMultipart(String contentType) {
        return contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data");
    }

    /** Splits {@code body}, sent with {@code contentType}, into its parts. */
    public static List<Part> parse(String contentType, byte[] body) throws MalformedException {
        Matcher boundaryMatch = BOUNDARY.matcher(contentType);
        if (!boundaryMatch.find()) {
            throw new MalformedException("multipart/form-data without a boundary parameter");
        }
        String boundary = boundaryMatch.group(2) != null ? boundaryMatch.group(2) : boundaryMatch.group(3);
        byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        byte[] separator = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        int at = indexOf(body, delimiter, 0);
        if (at < 0) {
            throw new MalformedException("the body never contains the boundary");
        }
        List<Part> parts = new ArrayList<>();
        int cursor = at + delimiter.length;
        while (true) {
            if (startsWith(body, cursor, new byte[] {'-', '-'})) {
                return parts;
            }
            if (!startsWith(body, cursor, CRLF)) {
                throw new MalformedException("a boundary is not followed by a line break");
            }
            cursor += 2;
            int headersEnd = indexOf(body, new byte[] {'\r', '\n', '\r', '\n'}, cursor);
            if (headersEnd < 0) {
                throw new MalformedException("a part's headers never end");
            }
            String headers = new String(body, cursor, headersEnd - cursor, StandardCharsets.UTF_8);
            int contentStart = headersEnd + 4;
            int next = indexOf(body, separator, contentStart);
            if (next < 0) {
                throw new MalformedException("the body does not end with the closing boundary");
            }
            byte[] content = new byte[next - contentStart];
            System.arraycopy(body, contentStart, content, 0, content.length);
            parts.add(part(headers, content));
            cursor = next + separator.length;
        }
    }

    private static Part part(String headers, byte[] content) throws MalformedException {
        Optional<String> disposition = Optional.empty();
        Optional<String> type = Optional.empty();
        for (String line : headers.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).trim();
            if (name.equals("content-disposition")) {
                disposition = Optional.of(value);
            } else if (name.equals("content-type")) {
                type = Optional.of(value);
            }
        }
        if (disposition.isEmpty() || !disposition.get().toLowerCase(Locale.ROOT).startsWith("form-data")) {
            throw new MalformedException("a part has no Content-Disposition: form-data header");
        }
        Matcher name = NAME.matcher(disposition.get());
        if (!name.find()) {
            throw new MalformedException("a part's Content-Disposition has no name");
        }
        Matcher filename = FILENAME.matcher(disposition.get());
        return new Part(
                name.group(1), filename.find() ? Optional.of(filename.group(1)) : Optional.empty(), type, content);
    }

    private static boolean startsWith(byte[] body, int at, byte[] prefix) {
        if (at + prefix.length > body.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (body[at + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(byte[] body, byte[] needle, int from) {
        for (int i = Math.max(0, from); i + needle.length <= body.length; i++) {
            if (startsWith(body, i, needle)) {
                return i;
            }
        }
        return -1;
    }
}
