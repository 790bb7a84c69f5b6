package dev.roastden.core.signature;

import java.util.Optional;

/**
 * Strict hexadecimal decoding that never throws on bad input. Only the ASCII digits and letters {@code a-f} /
 * {@code A-F} count: {@link Character#digit} would also accept other scripts' digits (Arabic-Indic, fullwidth).
 */
public final class Hex {
    private static final char[] DIGITS = "0123456789abcdef".toCharArray();

    private Hex() {}

    /**
     * Decodes {@code hex} when it is exactly {@code expectedBytes} bytes of hexadecimal (either case).
     *
     * @return the bytes, or empty for any other input
     */
    public static Optional<byte[]> decode(String hex, int expectedBytes) {
        if (hex == null || hex.length() != expectedBytes * 2) {
            return Optional.empty();
        }
        byte[] out = new byte[expectedBytes];
        for (int i = 0; i < expectedBytes; i++) {
            int high = digit(hex.charAt(2 * i));
            int low = digit(hex.charAt(2 * i + 1));
            if (high < 0 || low < 0) {
                return Optional.empty();
            }
            out[i] = (byte) ((high << 4) | low);
        }
        return Optional.of(out);
    }

    private static int digit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    /** Lower-case hexadecimal of {@code bytes}. */
    public static String encode(byte[] bytes) {
        char[] out = new char[bytes.length * 2];
        for (int i = 0; i < bytes.length; i++) {
            out[2 * i] = DIGITS[(bytes[i] >> 4) & 0xF];
            out[2 * i + 1] = DIGITS[bytes[i] & 0xF];
        }
        return new String(out);
    }
}
