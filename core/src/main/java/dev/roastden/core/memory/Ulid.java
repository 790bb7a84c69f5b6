package dev.roastden.core.memory;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;

/**
 * ULIDs (26 Crockford base-32 characters: 48 bits of milliseconds, 80 bits of entropy) that sort by time. Memory ids
 * are derived from the interaction that created them rather than drawn at random, so a retried job writes the same
 * item instead of a second one.
 */
public final class Ulid {
    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final int LENGTH = 26;

    private Ulid() {}

    /** The ULID for something created at {@code time} by the event called {@code seed}. */
    public static String derive(Instant time, String seed) {
        byte[] entropy = sha256(seed);
        byte[] bytes = new byte[16];
        long millis = Math.max(0, time.toEpochMilli());
        for (int i = 0; i < 6; i++) {
            bytes[i] = (byte) (millis >>> (40 - 8 * i));
        }
        System.arraycopy(entropy, 0, bytes, 6, 10);
        return encode(bytes);
    }

    /** Whether {@code text} is a well-formed upper-case ULID. */
    public static boolean isValid(String text) {
        if (text == null || text.length() != LENGTH || text.charAt(0) > '7') {
            return false;
        }
        for (int i = 0; i < LENGTH; i++) {
            if (indexOf(text.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(char c) {
        for (int i = 0; i < ALPHABET.length; i++) {
            if (ALPHABET[i] == c) {
                return i;
            }
        }
        return -1;
    }

    private static String encode(byte[] bytes) {
        // 128 bits -> 26 base-32 digits (the first carries 3 bits).
        char[] out = new char[LENGTH];
        java.math.BigInteger value = new java.math.BigInteger(1, bytes);
        for (int i = LENGTH - 1; i >= 0; i--) {
            out[i] = ALPHABET[value.intValue() & 31];
            value = value.shiftRight(5);
        }
        return new String(out);
    }

    private static byte[] sha256(String seed) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(seed.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("SHA-256 is always available", impossible);
        }
    }
}
