package dev.roastden.core.signature;

import java.util.Optional;

/** Strict hexadecimal decoding that never throws on bad input. */
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
            int high = Character.digit(hex.charAt(2 * i), 16);
            int low = Character.digit(hex.charAt(2 * i + 1), 16);
            if (high < 0 || low < 0) {
                return Optional.empty();
            }
            out[i] = (byte) ((high << 4) | low);
        }
        return Optional.of(out);
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
