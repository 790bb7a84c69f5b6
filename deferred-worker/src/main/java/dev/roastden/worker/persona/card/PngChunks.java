package dev.roastden.worker.persona.card;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * Reads the {@code tEXt} chunks of a PNG, checking its structure on the way: the 8-byte signature, {@code IHDR}
 * first, every chunk's length inside the file and its CRC right, an {@code IEND} at the end, and at most
 * {@link #MAX_CHUNKS} chunks. Nothing is decoded but the text, so a hostile file costs one pass over its bytes.
 */
public final class PngChunks {
    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final int MAX_CHUNKS = 10_000;

    private PngChunks() {}

    /** Whether {@code bytes} start with the PNG signature. */
    public static boolean isPng(byte[] bytes) {
        return bytes.length >= SIGNATURE.length && Arrays.equals(bytes, 0, SIGNATURE.length, SIGNATURE, 0, 8);
    }

    /** The PNG is not well formed; the message says how, in plain words. */
    public static final class MalformedPng extends Exception {
        private static final long serialVersionUID = 1L;

        MalformedPng(String message) {
            super(message);
        }
    }

    /** The {@code tEXt} chunks by keyword (Latin-1, as the PNG standard says); the first of a keyword wins. */
    public static Map<String, String> textChunks(byte[] png) throws MalformedPng {
        if (!isPng(png)) {
            throw new MalformedPng("it does not start with the PNG signature");
        }
        Map<String, String> texts = new LinkedHashMap<>();
        ByteBuffer in = ByteBuffer.wrap(png);
        in.position(SIGNATURE.length);
        int count = 0;
        boolean ended = false;
        while (!ended) {
            if (in.remaining() < 12) {
                throw new MalformedPng("it ends in the middle of a chunk (no IEND)");
            }
            if (++count > MAX_CHUNKS) {
                throw new MalformedPng("it has more than " + MAX_CHUNKS + " chunks");
            }
            long length = Integer.toUnsignedLong(in.getInt());
            int typeAt = in.position();
            if (length > in.remaining() - 8L) {
                throw new MalformedPng("a chunk claims " + length + " bytes, more than the file holds");
            }
            String type = new String(png, typeAt, 4, StandardCharsets.ISO_8859_1);
            if (!type.chars().allMatch(c -> (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))) {
                throw new MalformedPng("a chunk has an invalid type");
            }
            if (count == 1 && !type.equals("IHDR")) {
                throw new MalformedPng("its first chunk is " + type + ", not IHDR");
            }
            CRC32 crc = new CRC32();
            crc.update(png, typeAt, 4 + (int) length);
            in.position(typeAt + 4 + (int) length);
            if ((int) crc.getValue() != in.getInt()) {
                throw new MalformedPng("the " + type + " chunk's checksum is wrong");
            }
            if (type.equals("tEXt")) {
                int from = typeAt + 4;
                int end = from + (int) length;
                int nul = from;
                while (nul < end && png[nul] != 0) {
                    nul++;
                }
                if (nul == end || nul == from || nul - from > 79) {
                    throw new MalformedPng("a tEXt chunk has no keyword");
                }
                String keyword = new String(png, from, nul - from, StandardCharsets.ISO_8859_1);
                texts.putIfAbsent(keyword, new String(png, nul + 1, end - nul - 1, StandardCharsets.ISO_8859_1));
            }
            ended = type.equals("IEND");
        }
        return texts;
    }
}
