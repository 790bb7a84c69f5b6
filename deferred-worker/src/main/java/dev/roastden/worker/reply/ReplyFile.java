package dev.roastden.worker.reply;

import java.util.Arrays;

/**
 * A file sent with a reply ({@code /persona export}): uploaded as {@code files[0]} of a multipart body. Kept in the
 * saved reply (base64), so a retry re-delivers the same file.
 *
 * @param filename the name shown in Discord
 * @param mediaType the part's content type
 */
public record ReplyFile(String filename, String mediaType, byte[] bytes) {
    public ReplyFile {
        bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ReplyFile f
                && f.filename.equals(filename)
                && f.mediaType.equals(mediaType)
                && Arrays.equals(f.bytes, bytes);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * filename.hashCode() + mediaType.hashCode()) + Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "ReplyFile[" + filename + ", " + mediaType + ", " + bytes.length + " bytes]";
    }
}
